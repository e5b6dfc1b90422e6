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
        print("search: \(products) products generated in \(generated); \(rounds) rounds of \(Self.queries.count) searches through SQLiteCatalog")
        let catalog = SQLiteCatalog(database: database)
        var samples = [LatencySample](repeating: LatencySample(), count: Self.queries.count)
        var found = [Int](repeating: 0, count: Self.queries.count)
        var all = LatencySample()
        for _ in 0..<rounds {
            for (index, (_, query)) in Self.queries.enumerated() {
                let begin = ContinuousClock.now
                let page = try await catalog.search(query, storeID: storeID)
                let elapsed = ContinuousClock.now - begin
                samples[index].record(elapsed)
                all.record(elapsed)
                found[index] = page.total
            }
        }
        printTable(["search", "matches", "p50 ms", "p99 ms"], Self.queries.indices.map { index in
            [Self.queries[index].0, "\(found[index])", String(format: "%.2f", samples[index].percentile(50) / 1000), String(format: "%.2f", samples[index].percentile(99) / 1000)]
        })
        print(String(format: "all searches: p50 %.2f ms, p99 %.2f ms over %d searches", all.percentile(50) / 1000, all.percentile(99) / 1000, all.count))
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
