import Foundation
import GRDB
import Logging
import ShopTalkCore

/// `shoptalk bench analytics`: owner questions over a store of generated sales lines, answered through
/// the whole pipeline (NLU, question parser, SQL) as a signed-in owner would ask them.
public struct AnalyticsBenchmark: Sendable {
    public var lines = 500_000
    public var rounds = 20

    public init() {}

    static let questions = [
        "what were my total sales this month?", "revenue last month", "how many units did we sell this year",
        "how many orders last week", "average order value last quarter", "top 10 products this year",
        "who are my top 10 customers?", "top countries by revenue", "sales by month this year", "best month this year",
        "how did november compare to october?", "revenue in germany last year", "how many units of product 17 were sold in march",
        "how many customers ordered this month", "what's my profit margin?", "slow movers",
    ]

    public func run(language: LanguageModel, logger: Logger) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoptalk-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
        let today = ShopClock.parseDay("2011-12-10")!
        let clock = ShopClock(today: today)
        let started = ContinuousClock.now
        let storeID = try await generate(database: database, today: today)
        let generation = ContinuousClock.now - started
        let catalog = SQLiteCatalog(database: database)
        let stores = ChatEngine.Stores(
            catalog: catalog, orders: SQLiteOrders(database: database), discounts: SQLiteDiscounts(database: database),
            tickets: SQLiteTickets(database: database), history: catalog, analytics: SQLiteAnalytics(database: database)
        )
        let engine = ChatEngine(classifier: language.classifier, extractor: language.extractor, stores: stores, clock: clock)
        let store = try await database.store(id: storeID)!
        let context = ChatContext(store: store, role: .owner, sessionID: "bench")
        var all = LatencySample()
        var perQuestion: [(String, LatencySample, String)] = []
        for question in Self.questions {
            var sample = LatencySample()
            var answer = ""
            for _ in 0..<rounds {
                var state = ConversationState()
                let begin = ContinuousClock.now
                let reply = try await engine.respond(to: question, state: &state, context: context)
                let elapsed = ContinuousClock.now - begin
                sample.record(elapsed)
                all.record(elapsed)
                answer = reply.text
            }
            perQuestion.append((question, sample, answer))
        }
        print("analytics: \(lines) sales lines generated in \(generation.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))); \(rounds) rounds of \(Self.questions.count) owner questions, whole pipeline")
        printTable(["question", "p50 ms", "p99 ms", "answer"], perQuestion.map { question, sample, answer in
            [question, String(format: "%.2f", sample.percentile(50) / 1000), String(format: "%.2f", sample.percentile(99) / 1000), String(answer.prefix(70))]
        })
        print(String(format: "all questions: p50 %.2f ms, p99 %.2f ms over %d answers", all.percentile(50) / 1000, all.percentile(99) / 1000, all.count))
    }

    /// A store of `lines` sales lines over two years: 3,000 products, 4,000 customers, 30 countries.
    func generate(database: AppDatabase, today: Date) async throws -> Int64 {
        let lines = self.lines
        return try await database.writer.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('bench', 'Bench', 'GBP', ?)", arguments: [today])
            let storeID = db.lastInsertedRowID
            var random = SeededGenerator(seed: 7)
            let words = ["RED", "BLUE", "VINTAGE", "HEART", "LANTERN", "CAKE", "STAND", "BAG", "LUNCH", "CHRISTMAS", "PARTY", "SET", "TIN",
                         "CANDLE", "HOLDER", "MUG", "GLASS", "WOODEN", "PAPER", "KIT", "BOX", "JUMBO", "SPOT", "STRIPE", "GARDEN"]
            let product = try db.makeStatement(sql: """
                INSERT INTO products (storeId, sku, name, priceCents, costCents, stock, lowStockThreshold, stockTracked, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """)
            for index in 0..<3_000 {
                let name = "PRODUCT \(index) " + (0..<3).map { _ in random.pick(words) }.joined(separator: " ")
                try product.execute(arguments: [storeID, "SKU\(index)", name, Int.random(in: 50...5_000, using: &random),
                                                Int.random(in: 20...2_500, using: &random), Int.random(in: 0...200, using: &random), 10, today, today])
            }
            let firstProduct = db.lastInsertedRowID - 2_999
            let countries = ["United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland", "Portugal",
                             "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden", "Austria", "Denmark",
                             "Japan", "Poland", "Israel", "USA", "Hong Kong", "Singapore", "Iceland", "Canada", "Greece", "Malta",
                             "United Arab Emirates", "Lebanon"]
            let line = try db.makeStatement(sql: """
                INSERT INTO sales_lines (storeId, lineKey, invoice, day, at, productId, customerId, country, quantity, unitPriceMilli, costMilli, isCancellation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var invoice = 500_000
            var written = 0
            while written < lines {
                invoice += 1
                let daysBack = Int(pow(Double.random(in: 0..<1, using: &random), 1.3) * 730)
                let at = today.addingTimeInterval(Double(-daysBack * 86_400 + Int.random(in: 28_800...64_800, using: &random)))
                let customer = random.chance(0.2) ? nil : String(12_000 + Int.random(in: 0..<4_000, using: &random))
                let country = random.chance(0.85) ? countries[0] : random.pick(countries)
                let cancellation = random.chance(0.02)
                for item in 0..<min(lines - written, Int.random(in: 1...40, using: &random)) {
                    let productID = firstProduct + Int64(Int(pow(Double.random(in: 0..<1, using: &random), 2) * 3_000))
                    let quantity = Int.random(in: 1...24, using: &random) * (cancellation ? -1 : 1)
                    let price = Int.random(in: 300...15_000, using: &random)
                    try line.execute(arguments: [storeID, "\(invoice)#\(item)", (cancellation ? "C" : "") + String(invoice), ShopClock.dayString(at), at,
                                                 productID, customer, country, quantity, price, price * 6 / 10, cancellation])
                    written += 1
                }
            }
            try db.execute(sql: "ANALYZE")
            return storeID
        }
    }
}
