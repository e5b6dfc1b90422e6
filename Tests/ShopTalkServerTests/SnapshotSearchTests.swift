import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The in-memory snapshot against SQLite's own full-text index: the same stems, the same answers in the
/// same order, and a snapshot that follows the database when the catalog changes.
@Suite("Catalog snapshots")
struct SnapshotSearchTests {
    /// Every word of the demo catalog and of the training data, stemmed by FTS5 and by `PorterStemmer`.
    @Test func stemsAreFTS5s() async throws {
        var words = Set<String>()
        for product in DemoStore.generate(today: ShopClock.parseDay("2026-11-21")!).products {
            for text in [product.name, product.brand, product.category, product.description] {
                words.formUnion(ProductQuery.words(in: text))
            }
        }
        let intents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Intents").standardized
        for file in try FileManager.default.contentsOfDirectory(atPath: intents.path) where file.hasSuffix(".yml") {
            words.formUnion(ProductQuery.words(in: try String(contentsOf: intents.appendingPathComponent(file), encoding: .utf8)))
        }
        // Words that walk each step's rules, written for this test.
        words.formUnion("""
            caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping
            tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci
            digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism
            decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize
            electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible
            irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous
            effective bowdlerize probate rate cease controll roll generalizations oscillators aed yes eed ies sses
            """.split(whereSeparator: \.isWhitespace).map(String.init))
        let list = words.sorted()
        let queue = try DatabaseQueue()
        let stems = try await queue.write { db -> [Int64: String] in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
            for (index, word) in list.enumerated() {
                try db.execute(sql: "INSERT INTO t(rowid, x) VALUES (?, ?)", arguments: [index + 1, word])
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
            return Dictionary(try Row.fetchAll(db, sql: "SELECT doc, term FROM v").map { ($0["doc"] as Int64, $0["term"] as String) },
                              uniquingKeysWith: { first, _ in first })
        }
        #expect(list.count > 1_500)
        var differing: [String] = []
        for (index, word) in list.enumerated() {
            // Diacritics go before stemming, as the snapshot's index does it.
            let ours = PorterStemmer.stem(word.folding(options: .diacriticInsensitive, locale: nil))
            if stems[Int64(index + 1)] != ours { differing.append("\(word): FTS5 \(stems[Int64(index + 1)] ?? "-"), ours \(ours)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    /// Queries of every shape over the demo store: each word of the catalog as text, with and without
    /// filters, cheapest first, later pages.
    @Test func theSnapshotAnswersAsSQLiteDoesOnTheDemoStore() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let catalog = SQLiteCatalog(database: pool)
        let storeID = try #require(try await pool.store(slug: "demo")).id
        let vocabulary = try await catalog.vocabulary(storeID: storeID)
        var queries: [ProductQuery] = []
        var words = Set<String>()
        for name in vocabulary.products { words.formUnion(ProductQuery.words(in: name)) }
        for word in words.sorted() { queries.append(ProductQuery(text: word, limit: 10)) }
        for (index, category) in vocabulary.categories.enumerated() {
            let brand = vocabulary.brands[index % vocabulary.brands.count]
            queries += [
                ProductQuery(category: category, limit: 20),
                ProductQuery(category: category.uppercased(), maxPrice: Money(major: 150), inStockOnly: true),
                ProductQuery(category: category, cheapestFirst: true, limit: 5, offset: 3),
                ProductQuery(text: "black", category: category, color: "Black"),
                ProductQuery(brand: brand, limit: 50),
                ProductQuery(text: brand + " " + category, minPrice: Money(major: 20)),
            ]
        }
        queries += [
            ProductQuery(text: "wireless noise cancelling headphones"), ProductQuery(text: "running shoes", size: "10"),
            ProductQuery(text: "run"), ProductQuery(text: "zzqx"), ProductQuery(limit: 400), ProductQuery(text: "4k tv", limit: -1),
            ProductQuery(text: "sony", offset: 500), ProductQuery(inStockOnly: true, cheapestFirst: true, limit: 30),
        ]
        try await expectSameAnswers(catalog, queries, storeID: storeID)
    }

    /// The benchmark's generated catalog: thousands of near-identical names, where ties decide the order.
    @Test func theSnapshotAnswersAsSQLiteDoesOnAGeneratedCatalog() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoptalk-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try AppDatabase.open(path: folder.appendingPathComponent("generated.sqlite").path)
        var benchmark = SearchBenchmark()
        benchmark.products = 3_000
        let storeID = try await benchmark.generate(database: pool)
        let catalog = SQLiteCatalog(database: pool)
        var queries = SearchBenchmark.queries.map(\.1)
        queries += ["pro max", "gen 2", "edition", "sony wh", "apple", "classic sport"].map { ProductQuery(text: $0, limit: 25) }
        try await expectSameAnswers(catalog, queries, storeID: storeID)
    }

    func expectSameAnswers(_ catalog: SQLiteCatalog, _ queries: [ProductQuery], storeID: Int64) async throws {
        var differing: [String] = []
        for query in queries {
            let memory = try await catalog.search(query, storeID: storeID)
            let sqlite = try await catalog.searchInDatabase(query, storeID: storeID)
            if memory.total != sqlite.total || memory.products.map(\.id) != sqlite.products.map(\.id) {
                differing.append("\(query.text ?? "-")/\(query.category ?? "-")/\(query.brand ?? "-"): \(memory.total) \(memory.products.map(\.id)) vs \(sqlite.total) \(sqlite.products.map(\.id))")
            }
        }
        #expect(queries.count >= 20)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }

    @Test func aWriteThroughTheServerShowsAtOnceAndOneFromElsewhereWithinASecond() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let catalog = SQLiteCatalog(database: pool)
        let storeID = try #require(try await pool.store(slug: "demo")).id
        let before = try await catalog.snapshots.snapshot(storeID: storeID)
        #expect(try await catalog.search(ProductQuery(text: "teapot"), storeID: storeID).total == 0)
        // Another process (a CLI import, another instance) adds a product through its own connection.
        let elsewhere = try database.open()
        try await elsewhere.writer.write { db in
            var product = ProductRecord(storeId: storeID, product: Product(
                id: 0, sku: "TEA-1", name: "Kyoto Teapot", brand: "Kyusu", category: "kitchen", description: "A cast-iron teapot",
                price: Money(major: 40), stock: 3, lowStockThreshold: 1
            ), at: Date())
            try product.insert(db)
        }
        var seen = 0
        let deadline = ContinuousClock.now + .seconds(5)
        while seen == 0, ContinuousClock.now < deadline {
            seen = try await catalog.search(ProductQuery(text: "teapot"), storeID: storeID).total
            if seen == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(seen == 1)
        let after = try await catalog.snapshots.snapshot(storeID: storeID)
        #expect(after.version > before.version)
        #expect(after.vocabulary.brands.contains("Kyusu"))
        // A write through this server drops the snapshot there and then.
        try await pool.writer.write { db in try db.execute(sql: "UPDATE products SET name = 'Nara Teapot' WHERE sku = 'TEA-1'") }
        await catalog.catalogChanged(storeID: storeID)
        #expect(try await catalog.search(ProductQuery(text: "nara"), storeID: storeID).total == 1)
        #expect(try await catalog.vocabulary(storeID: storeID).products.contains("Nara Teapot"))
    }
}
