import Foundation
import PostgresNIO
@testable import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The catalog on PostgreSQL: its full-text search, its snapshots and their invalidation across instances.
@Suite("PostgreSQL catalog", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresCatalogTests {
    /// The demo store's products and discounts in a new store; returns the store's id.
    static func seedDemo(_ catalog: PostgresCatalog, database: PostgresAppDatabase) async throws -> Int64 {
        let storeID = try #require(try await database.rows("INSERT INTO stores (slug, name) VALUES ('demo', 'Demo') RETURNING id").first?.decode(Int64.self))
        let demo = DemoStore.generate(today: try #require(ShopClock.parseDay("2026-11-21")))
        try await catalog.save(products: demo.products.enumerated().map { ($0.element, ($0.offset * 37) % 500) }, storeID: storeID)
        try await catalog.save(discounts: demo.discounts, storeID: storeID)
        return storeID
    }

    static let searches: [ProductQuery] = [
        ProductQuery(text: "sony headphones", limit: 50), ProductQuery(text: "running shoes", limit: 50),
        ProductQuery(text: "wireless noise cancelling", limit: 50), ProductQuery(text: "headphone", limit: 50),
        ProductQuery(text: "apple", maxPrice: Money(cents: 30_000), limit: 50), ProductQuery(text: "zzqx flux capacitor"),
        ProductQuery(category: "headphones", maxPrice: Money(cents: 10_000), limit: 50),
        ProductQuery(category: "Laptops", minPrice: Money(cents: 50_000), maxPrice: Money(cents: 100_000), limit: 50),
        ProductQuery(category: "phones", brand: "samsung", limit: 50), ProductQuery(category: "shoes", color: "Black", size: "42", limit: 50),
        ProductQuery(category: "clothing", color: "red", inStockOnly: true, limit: 50), ProductQuery(category: "tvs", cheapestFirst: true, limit: 50),
        ProductQuery(category: "smartwatches", offset: 10), ProductQuery(limit: 400),
    ]

    @Test func theFullTextIndexFindsWhatTheSnapshotFinds() async throws {
        try await TestPostgres.withDatabase { database in
            let catalog = PostgresCatalog(database: database)
            let storeID = try await Self.seedDemo(catalog, database: database)
            for query in Self.searches {
                let fromDatabase = try await catalog.searchInDatabase(query, storeID: storeID)
                let fromMemory = try await catalog.search(query, storeID: storeID)
                #expect(fromDatabase.total == fromMemory.total, "\(query)")
                if query.text == nil {
                    // Without text both engines rank by the same columns: the same products in the same order.
                    #expect(fromDatabase.products.map(\.id) == fromMemory.products.map(\.id), "\(query)")
                } else {
                    // Text relevance is BM25 in memory and ts_rank here: the same products, ranked each its own way.
                    #expect(Set(fromDatabase.products.map(\.id)) == Set(fromMemory.products.map(\.id)), "\(query)")
                }
            }
            let sony = try await catalog.searchInDatabase(ProductQuery(text: "sony headphones", limit: 50), storeID: storeID)
            #expect(sony.total > 0)
            #expect(sony.products.allSatisfy { $0.brand == "Sony" })
        }
    }

    @Test(arguments: ["'; DROP TABLE products; --", "a & b | !c:*", "((( ':* \\", "🙂🙂", String(repeating: "x", count: 5_000), "ÜBER café"])
    func hostileSearchTextIsOnlyText(text: String) async throws {
        try await TestPostgres.withDatabase { database in
            let catalog = PostgresCatalog(database: database)
            let storeID = try await Self.seedDemo(catalog, database: database)
            let page = try await catalog.searchInDatabase(ProductQuery(text: text), storeID: storeID)
            #expect(page.total >= 0)
            #expect(try await catalog.searchInDatabase(ProductQuery(limit: 1), storeID: storeID).total > 300)
        }
    }

    @Test func theSearchUsesTheGINIndex() async throws {
        try await TestPostgres.withDatabase { database in
            let plan = try await database.transaction { connection in
                try await connection.rows("SET LOCAL enable_seqscan = off", logger: database.logger)
                return try await connection.rows("""
                    EXPLAIN SELECT id FROM products WHERE search @@ to_tsquery('shoptalk', 'headphone:*')
                    """, logger: database.logger).map { try $0.decode(String.self) }.joined(separator: "\n")
            }
            #expect(plan.contains("products_search"), "\(plan)")
        }
    }

    @Test func aProductChangedOnOneInstanceIsSeenByTheOthersWithinASecond() async throws {
        try await TestPostgres.withDatabase { database in
            try await TestPostgres.secondInstance(of: database) { other in
                // Snapshots recheck their version only every minute: only the outbox event can be in time.
                let catalogs = [(database, "a"), (other, "b")].map { pool, name in
                    PostgresCatalog(database: pool, outbox: EventOutbox(database: pool, instanceID: name), recheckInterval: .seconds(60))
                }
                let storeID = try await Self.seedDemo(catalogs[0], database: database)
                let followers = [(database, "a"), (other, "b")].enumerated().map { index, instance in
                    EventFollower(outbox: EventOutbox(database: instance.0, instanceID: instance.1), pollInterval: .seconds(30), logger: testLogger) { event in
                        catalogs[index].apply(event)
                    }
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for follower in followers { group.addTask { try await follower.run() } }
                    defer { group.cancelAll() }
                    try await waitUntil(seconds: 60) { followers.allSatisfy(\.position.listening) }
                    let query = ProductQuery(text: "headphones", limit: 1)
                    let before = try #require(try await catalogs[1].search(query, storeID: storeID).products.first)
                    let started = ContinuousClock.now
                    #expect(try await catalogs[0].setStock(productID: before.id, storeID: storeID, stock: before.stock + 7))
                    var seen = before.stock
                    while seen != before.stock + 7, ContinuousClock.now - started < .seconds(5) {
                        try await Task.sleep(for: .milliseconds(20))
                        seen = try await catalogs[1].products(ids: [before.id], storeID: storeID).first?.stock ?? -1
                    }
                    #expect(seen == before.stock + 7)
                    // Milliseconds idle; the bound leaves room for a CI machine running every suite at once.
                    #expect(ContinuousClock.now - started < .seconds(3))
                    // Another store's product id is not this store's: the write changes nothing.
                    #expect(try await catalogs[0].setStock(productID: before.id, storeID: storeID + 1, stock: 0) == false)
                }
            }
        }
    }

    @Test func codeRedemptionsOnTwoInstancesNeverPassTheLimit() async throws {
        try await TestPostgres.withDatabase(maxConnections: 30) { database in
            try await TestPostgres.secondInstance(of: database) { other in
                let catalogs = [PostgresCatalog(database: database), PostgresCatalog(database: other)]
                let storeID = try #require(try await database.rows("INSERT INTO stores (slug, name) VALUES ('s', 'S') RETURNING id").first?.decode(Int64.self))
                try await catalogs[0].save(discounts: [
                    Discount(id: 0, code: "LIMITED25", description: "25 uses", kind: .percentage, percentOff: 10, usageLimit: 25),
                    Discount(id: 0, code: "OFF", description: "switched off", kind: .percentage, percentOff: 10, isActive: false),
                ], storeID: storeID)
                let redeemed = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for attempt in 0..<200 {
                        group.addTask { try await catalogs[attempt % 2].redeem(code: attempt % 3 == 0 ? "limited25" : "LIMITED25", storeID: storeID) }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(redeemed == 25)
                let fresh = try await PostgresCatalog(database: other).snapshots.snapshot(storeID: storeID)
                #expect(fresh.discounts.first { $0.code == "LIMITED25" }?.usedCount == 25)
                #expect(try await catalogs[0].redeem(code: "OFF", storeID: storeID) == false)
                #expect(try await catalogs[0].redeem(code: "LIMITED25", storeID: storeID + 1) == false)
            }
        }
    }
}
