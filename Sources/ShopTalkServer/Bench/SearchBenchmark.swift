import Foundation
import GRDB
import Logging
import ShopTalkCore

/// `shoptalk bench search`: catalog searches (FTS5 text match plus filters, ranked) over a generated
/// catalog of `products` products, through the same `SQLiteCatalog` the chat uses.
public struct SearchBenchmark: Sendable {
    public var products = 100_000
    public var rounds = 50

    public init() {}

    /// The searches, shaped like what the NLU hands the catalog handler.
    static let queries: [(String, ProductQuery)] = [
        ("text: sony headphones", ProductQuery(text: "sony headphones")),
        ("text: running shoes", ProductQuery(text: "running shoes")),
        ("text: 4k tv", ProductQuery(text: "4k tv")),
        ("text: wireless noise cancelling", ProductQuery(text: "wireless noise cancelling")),
        ("text: blender", ProductQuery(text: "blender")),
        ("headphones under $100", ProductQuery(category: "headphones", maxPrice: Money(cents: 10_000))),
        ("laptops $500-$1000", ProductQuery(category: "laptops", minPrice: Money(cents: 50_000), maxPrice: Money(cents: 100_000))),
        ("Samsung phones", ProductQuery(category: "phones", brand: "Samsung")),
        ("black shoes size 42", ProductQuery(category: "shoes", color: "black", size: "42")),
        ("red clothing, in stock", ProductQuery(category: "clothing", color: "red", inStockOnly: true)),
        ("cheapest TVs", ProductQuery(category: "tvs", cheapestFirst: true)),
        ("text + filter: apple under $300", ProductQuery(text: "apple", maxPrice: Money(cents: 30_000))),
        ("page 3 of smartwatches", ProductQuery(category: "smartwatches", offset: 10)),
        ("no match", ProductQuery(text: "zzqx flux capacitor")),
    ]

    public func run(logger: Logger) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shoptalk-bench-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        let started = ContinuousClock.now
        let storeID = try await generate(database: database)
        let generated = ContinuousClock.now - started
        print("search: \(products) products generated in \(generated); \(rounds) rounds of \(Self.queries.count) searches, SQLite FTS5 against the in-memory snapshot")
        let catalog = SQLiteCatalog(database: database)
        let loadStarted = ContinuousClock.now
        let snapshot = try await catalog.snapshots.snapshot(storeID: storeID)
        print("snapshot: loaded and indexed in \(ContinuousClock.now - loadStarted)")
        printMemory(of: snapshot)
        var sqlite = [LatencySample](repeating: LatencySample(), count: Self.queries.count)
        var memory = sqlite
        var found = [Int](repeating: 0, count: Self.queries.count)
        var differing = Set<String>()
        var (allSQLite, allMemory) = (LatencySample(), LatencySample())
        for _ in 0..<rounds {
            for (index, (name, query)) in Self.queries.enumerated() {
                var begin = ContinuousClock.now
                let fromDatabase = try await catalog.searchInDatabase(query, storeID: storeID)
                var elapsed = ContinuousClock.now - begin
                sqlite[index].record(elapsed)
                allSQLite.record(elapsed)
                begin = ContinuousClock.now
                let fromMemory = try await catalog.search(query, storeID: storeID)
                elapsed = ContinuousClock.now - begin
                memory[index].record(elapsed)
                allMemory.record(elapsed)
                found[index] = fromMemory.total
                if fromMemory.total != fromDatabase.total || fromMemory.products.map(\.id) != fromDatabase.products.map(\.id) {
                    differing.insert(name)
                }
            }
        }
        let ms = { (value: Double) in String(format: "%.3f", value / 1000) }
        printTable(["search", "matches", "SQLite p50 ms", "memory p50 ms", "SQLite p99 ms", "memory p99 ms", "p50 ratio"], Self.queries.indices.map { index in
            [
                Self.queries[index].0, "\(found[index])", ms(sqlite[index].percentile(50)), ms(memory[index].percentile(50)),
                ms(sqlite[index].percentile(99)), ms(memory[index].percentile(99)),
                String(format: "%.1f×", sqlite[index].percentile(50) / max(memory[index].percentile(50), 0.001)),
            ]
        })
        print(String(format: "all searches: SQLite p50 %.3f ms, p99 %.3f ms; memory p50 %.3f ms, p99 %.3f ms; memory is %.1f× faster at p50, %.1f× at p99",
                     allSQLite.percentile(50) / 1000, allSQLite.percentile(99) / 1000, allMemory.percentile(50) / 1000, allMemory.percentile(99) / 1000,
                     allSQLite.percentile(50) / max(allMemory.percentile(50), 0.001), allSQLite.percentile(99) / max(allMemory.percentile(99), 0.001)))
        guard differing.isEmpty else {
            throw SearchMismatch(description: "DIFFERENT answers from the two engines for: \(differing.sorted().joined(separator: ", "))")
        }
        print("same answers: every search returned the same products in the same order from both engines")
    }

    /// Resident memory a snapshot takes, per 1,000 products (ten snapshots of 1,000 kept at once) and for
    /// the whole catalog.
    func printMemory(of snapshot: CatalogSnapshot) {
        let entries = zip(snapshot.products, snapshot.products.indices).map { CatalogSnapshot.Entry(product: $0.0, popularity: $0.1 % 500) }
        let codes = snapshot.vocabulary.discountCodes
        var kept: [CatalogSnapshot] = []
        var before = residentBytes(process: "self")
        for part in 0..<10 {
            let slice = Array(entries[(part * 1_000 % max(entries.count, 1))...].prefix(1_000))
            kept.append(CatalogSnapshot(version: 0, entries: slice, discounts: snapshot.discounts, discountCodes: codes))
        }
        let perThousand = (residentBytes(process: "self") - before) / 10
        before = residentBytes(process: "self")
        kept.append(CatalogSnapshot(version: 0, entries: entries, discounts: snapshot.discounts, discountCodes: codes))
        let whole = residentBytes(process: "self") - before
        print(String(format: "snapshot memory: %.1f MB per 1,000 products, %.1f MB for %d products (resident growth while building)",
                     Double(perThousand) / 1_048_576, Double(whole) / 1_048_576, entries.count))
        withExtendedLifetime(kept) {}
    }

    /// The demo catalog's 311 products, varied into `products` rows: names get a model line, prices,
    /// stock, colours and ratings vary; brands and categories stay real.
    func generate(database: AppDatabase) async throws -> Int64 {
        let base = DemoStore.generate(today: ShopClock.parseDay("2026-11-21")!).products
        let count = products
        return try await database.writer.write { db -> Int64 in
            let now = Date()
            try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('bench', 'Bench', 'USD', ?)", arguments: [now])
            let storeID = db.lastInsertedRowID
            var random = SeededGenerator(seed: 11)
            let lines = ["Pro", "Max", "Lite", "Plus", "Edition", "Gen 2", "Gen 3", "Mini", "Ultra", "Classic", "Sport", "Studio"]
            let palette = ["black", "white", "red", "blue", "green", "grey", "silver", "pink", "navy", "beige"]
            let statement = try db.makeStatement(sql: """
                INSERT INTO products (storeId, sku, name, brand, category, description, priceCents, originalPriceCents, costCents, stock,
                                      lowStockThreshold, colors, sizes, rating, popularity, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for index in 0..<count {
                let product = base[index % base.count]
                let variant = index / base.count
                let name = variant == 0 ? product.name : "\(product.name) \(random.pick(lines)) \(variant)"
                let price = max(199, product.price.cents * Int.random(in: 70...140, using: &random) / 100)
                let onSale = Int.random(in: 0..<6, using: &random) == 0
                let colors = Array(palette.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
                try statement.execute(arguments: [
                    storeID, "B\(index)", name, product.brand, product.category, product.description, price,
                    onSale ? price * 125 / 100 : nil, price * 6 / 10, Int.random(in: 0...300, using: &random), 5,
                    ProductRecord.encodeList(colors), ProductRecord.encodeList(product.sizes),
                    Double(Int.random(in: 30...50, using: &random)) / 10, Int.random(in: 0...500, using: &random), now, now,
                ])
            }
            return storeID
        }
    }
}

/// The in-memory search and SQLite's disagreed on a benchmark search.
struct SearchMismatch: Error, CustomStringConvertible {
    let description: String
}

/// Resident memory of a process ("self" or a pid), in bytes: VmRSS of /proc/PROCESS/status; 0 where
/// there is none.
public func residentBytes(process: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes.multipliedReportingOverflow(by: 1024).partialValue
}
