import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The owner's analytics on PostgreSQL answer what they answer on SQLite: the same sales imported into
/// both, and every metric, ranking, series and breakdown asked of both under many filters; the demo
/// store seeded into both; and orders placed and cancelled on PostgreSQL moving the figures.
@Suite("PostgreSQL analytics", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresAnalyticsTests {
    static let metrics: [SalesQuery.Metric] = [
        .revenue, .units, .orders, .customers, .aov, .margin, .repeatRate, .newCustomers, .basketSize, .returnRate, .revenuePerCustomer, .returns,
    ]

    /// Six months of sales in the generic layout, from a fixed pseudo-random sequence: 24 products in
    /// four categories and three brands (costs on two thirds), 40 customers and guests, five countries
    /// under several spellings, returns, and hours across the day.
    static func salesCSV() -> String {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let categories = ["mugs", "lamps", "candles", "frames"]
        let brands = ["Northwind", "Acme", "Hearth"]
        let countries = ["United Kingdom", "USA", "United States", "France", "EIRE", "Germany"]
        var lines = ["order_number,date,sku,product_name,quantity,unit_price,customer_id,country,category,brand,cost"]
        for order in 0..<420 {
            let day = String(format: "2011-%02d-%02d %02d:%02d:00", 1 + next(6), 1 + next(28), 7 + next(14), next(60))
            let customer = next(5) == 0 ? "" : "C\(next(40))"
            let country = countries[next(countries.count)]
            for _ in 0..<(1 + next(4)) {
                let sku = next(24)
                let price = Double(100 + sku * 37 % 900) / 100
                let quantity = next(9) == 0 ? -(1 + next(2)) : 1 + next(6)
                let cost = sku % 3 == 0 ? "" : String(format: "%.2f", price * 0.55)
                lines.append("O\(order),\(day),SKU\(sku),Item number \(sku),\(quantity),\(String(format: "%.2f", price)),\(customer),\(country),"
                             + "\(categories[sku % 4]),\(brands[sku % 3]),\(cost)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        default: false
        }
    }

    static func same(_ a: [(String, Double)], _ b: [(String, Double)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && same($0.1, $1.1) }
    }

    /// Every question of the analytics asked of both backends under `filter`; returns what differed.
    static func differences(_ sqlite: SQLiteAnalytics, _ sqliteStore: Int64, _ postgres: PostgresAnalytics, _ postgresStore: Int64,
                            filter: (SalesFilter, SalesFilter)) async throws -> [String] {
        var differ: [String] = []
        let (lite, pg) = filter
        for metric in metrics {
            let a = try await sqlite.total(metric, filter: lite, storeID: sqliteStore)
            let b = try await postgres.total(metric, filter: pg, storeID: postgresStore)
            if !same(a, b) { differ.append("total \(metric): \(String(describing: a)) vs \(String(describing: b))") }
            guard metric.isGroupable else { continue }
            for dimension in [SalesQuery.Dimension.product, .customer, .country, .category, .brand] {
                for ascending in [false, true] {
                    let a = try await sqlite.ranking(dimension, metric: metric, filter: lite, limit: 5, ascending: ascending, storeID: sqliteStore)
                    let b = try await postgres.ranking(dimension, metric: metric, filter: pg, limit: 5, ascending: ascending, storeID: postgresStore)
                    if !same(a, b) { differ.append("ranking \(dimension) \(metric) asc=\(ascending): \(a) vs \(b)") }
                }
            }
            for granularity in [SalesQuery.Granularity.day, .week, .month] {
                let a = try await sqlite.series(metric, by: granularity, filter: lite, storeID: sqliteStore)
                let b = try await postgres.series(metric, by: granularity, filter: pg, storeID: postgresStore)
                if !same(a, b) { differ.append("series \(granularity) \(metric): \(a.prefix(4)) vs \(b.prefix(4))") }
            }
            for slot in [SalesQuery.TimeSlot.weekday, .hour] {
                let a = try await sqlite.breakdown(metric, by: slot, filter: lite, storeID: sqliteStore).map { ("\($0.0)", $0.1) }
                let b = try await postgres.breakdown(metric, by: slot, filter: pg, storeID: postgresStore).map { ("\($0.0)", $0.1) }
                if !same(a, b) { differ.append("breakdown \(slot) \(metric): \(a) vs \(b)") }
            }
        }
        let mixA = try await sqlite.customerMix(filter: lite, storeID: sqliteStore)
        let mixB = try await postgres.customerMix(filter: pg, storeID: postgresStore)
        if mixA.newCustomers != mixB.newCustomers || mixA.returningCustomers != mixB.returningCustomers
            || !same(mixA.newRevenue, mixB.newRevenue) || !same(mixA.returningRevenue, mixB.returningRevenue) {
            differ.append("customer mix: \(mixA) vs \(mixB)")
        }
        let pairsA = try await sqlite.boughtTogether(filter: lite, limit: 6, storeID: sqliteStore).map { "\($0.0)+\($0.1)=\($0.2)" }
        let pairsB = try await postgres.boughtTogether(filter: pg, limit: 6, storeID: postgresStore).map { "\($0.0)+\($0.1)=\($0.2)" }
        if pairsA != pairsB { differ.append("bought together: \(pairsA) vs \(pairsB)") }
        let daysA = try await sqlite.customerOrderDays(filter: lite, storeID: sqliteStore).mapValues { $0.sorted() }
        let daysB = try await postgres.customerOrderDays(filter: pg, storeID: postgresStore).mapValues { $0.sorted() }
        if daysA != daysB { differ.append("customer order days differ (\(daysA.count) vs \(daysB.count) customers)") }
        let slowA = try await sqlite.slowMovers(filter: lite, limit: 5, storeID: sqliteStore)
        let slowB = try await postgres.slowMovers(filter: pg, limit: 5, storeID: postgresStore)
        if !same(slowA, slowB) { differ.append("slow movers: \(slowA) vs \(slowB)") }
        let perfA = try await sqlite.productPerformance(filter: lite, storeID: sqliteStore)
        let perfB = try await postgres.productPerformance(filter: pg, storeID: postgresStore)
        if perfA.count != perfB.count || zip(perfA, perfB).contains(where: { a, b in
            a.name != b.name || !same(a.revenue, b.revenue) || !same(a.units, b.units) || !same(a.margin, b.margin) || a.stock != b.stock
                || !same(a.unitCost, b.unitCost) || !same(a.unitPrice, b.unitPrice)
        }) { differ.append("product performance differs") }
        return differ
    }

    /// The same filter on each backend, with product ids translated through their SKUs.
    static func filters(sqlite: [String: Int64], postgres: [String: Int64]) -> [(SalesFilter, SalesFilter)] {
        var all: [(SalesFilter, SalesFilter)] = [(SalesFilter(), SalesFilter())]
        func add(_ change: (inout SalesFilter) -> Void, skus: [String] = []) {
            var a = SalesFilter(), b = SalesFilter()
            change(&a)
            change(&b)
            if !skus.isEmpty {
                a.productIDs = skus.compactMap { sqlite[$0] }
                b.productIDs = skus.compactMap { postgres[$0] }
            }
            all.append((a, b))
        }
        add { $0.from = "2011-02-10"; $0.to = "2011-04-20" }
        add { $0.from = "2011-03-01"; $0.to = "2011-03-31" }
        add { $0.country = "US" }
        add { $0.category = "Mugs"; $0.from = "2011-01-15"; $0.to = "2011-05-31" }
        add { $0.brand = "acme" }
        add({ $0.from = "2011-02-01"; $0.to = "2011-06-30" }, skus: ["SKU3", "SKU7"])
        add { $0.customer = "C7" }
        add({ $0.customer = "C12" }, skus: ["SKU5"])
        add { $0.country = "eire"; $0.category = "lamps" }
        return all
    }

    static func skus(_ rows: [(Int64, String)]) -> [String: Int64] {
        Dictionary(rows.map { ($0.1, $0.0) }) { first, _ in first }
    }

    @Test func importedSalesAnswerEveryQuestionAsOnSQLite() async throws {
        let csv = Self.salesCSV()
        let file = TestDatabase()
        let sqlite = try file.open()
        let now = Date()
        let liteReport = try await SalesImporter(database: sqlite).importCSV(csv, storeSlug: "retail", format: .shoptalk, currency: "USD", now: now)
        let liteStore = try #require(try await sqlite.store(slug: "retail"))
        let liteSKUs = Self.skus(try await sqlite.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, sku FROM products WHERE storeId = ?", arguments: [liteStore.id]).map { ($0["id"], $0["sku"]) }
        })
        try await TestPostgres.withDatabase(deadline: 400) { database in
            let importer = SalesImporter(database: database)
            let report = try await importer.importCSV(csv, storeSlug: "retail", format: .shoptalk, currency: "USD", now: now)
            #expect(report.imported == liteReport.imported && report.products == liteReport.products && report.customers == liteReport.customers)
            #expect(report.problems.isEmpty && report.imported > 800, "\(report.problems.prefix(3))")
            let again = try await importer.importCSV(csv, storeSlug: "retail", format: .shoptalk, currency: "USD", now: now)
            #expect(again.imported == 0 && again.alreadyPresent == report.imported)
            let store = try #require(try await database.store(slug: "retail"))
            let skus = Self.skus(try await database.rows("SELECT id, sku FROM products WHERE store_id = \(store.id)").map { try $0.decode((Int64, String).self) })
            let postgres = PostgresAnalytics(database: database)
            let analytics = SQLiteAnalytics(database: sqlite)
            for filter in Self.filters(sqlite: liteSKUs, postgres: skus) {
                let differ = try await Self.differences(analytics, liteStore.id, postgres, store.id, filter: filter)
                #expect(differ.isEmpty, "\(filter.1): \(differ.prefix(5))")
            }
            #expect(try await postgres.dataRange(storeID: store.id)! == (try await analytics.dataRange(storeID: liteStore.id))!)
            let ids = Array(skus.values.prefix(5))
            let daily = try await postgres.dailyUnits(productIDs: ids, from: "2011-01-01", to: "2011-06-30", storeID: store.id)
            let liteDaily = try await analytics.dailyUnits(productIDs: ids.compactMap { id in skus.first { $0.value == id }.flatMap { liteSKUs[$0.key] } },
                                                          from: "2011-01-01", to: "2011-06-30", storeID: liteStore.id)
            #expect(daily.values.map(\.count).sorted() == liteDaily.values.map(\.count).sorted())
            // The rollups agree with the lines they were kept from, after a delete too.
            try await database.rows("DELETE FROM sales_lines WHERE store_id = \(store.id) AND invoice IN ('O5', 'O77', 'O300')")
            let fromLines = try await database.rows("""
                SELECT COALESCE(SUM(quantity * unit_price_milli), 0)::bigint, COUNT(DISTINCT invoice)::bigint FROM sales_lines WHERE store_id = \(store.id)
                """).first!.decode((Int, Int).self)
            let fromRollups = try await database.rows("""
                SELECT (SELECT SUM(revenue_milli) FROM sales_day WHERE store_id = \(store.id))::bigint,
                       (SELECT SUM(revenue_milli) FROM sales_month_product WHERE store_id = \(store.id))::bigint,
                       (SELECT COUNT(*) FROM sales_invoices WHERE store_id = \(store.id))::bigint
                """).first!.decode((Int, Int, Int).self)
            #expect(fromRollups.0 == fromLines.0 && fromRollups.1 == fromLines.0 && fromRollups.2 == fromLines.1)
        }
    }

    @Test func theDemoStoreAndItsNewOrdersAnswerAsOnSQLite() async throws {
        let file = try await TestDatabase.seeded()
        let sqlite = try file.open()
        let liteStore = try #require(try await sqlite.store(slug: DemoStore.slug))
        let clock = ShopClock(today: ShopClock.parseDay("2026-03-15")!)
        try await TestPostgres.withDatabase(deadline: 400) { database in
            let catalog = PostgresCatalog(database: database, outbox: nil)
            try await PostgresDemoSeeder(database: database, catalog: catalog).seedIfEmpty(clock: clock, logger: testLogger)
            let store = try #require(try await database.store(slug: DemoStore.slug))
            let postgres = PostgresAnalytics(database: database)
            let analytics = SQLiteAnalytics(database: sqlite)
            let whole = (SalesFilter(), SalesFilter())
            var recent = SalesFilter()
            recent.from = "2026-01-01"
            recent.category = "electronics"
            for filter in [whole, (recent, recent)] {
                let differ = try await Self.differences(analytics, liteStore.id, postgres, store.id, filter: filter)
                #expect(differ.isEmpty, "\(differ.prefix(5))")
            }
            #expect(try await analytics.namedCustomers(storeID: liteStore.id).map { "\($0.id) \($0.name)" }
                    == (try await postgres.namedCustomers(storeID: store.id).map { "\($0.id) \($0.name)" }))
            let restockA = try await analytics.restock(storeID: liteStore.id, today: "2026-03-15")
            let restockB = try await postgres.restock(storeID: store.id, today: "2026-03-15")
            #expect(restockA.tracked == restockB.tracked && restockA.lines == restockB.lines)
            #expect(try await analytics.recentOrders(since: .distantPast, storeID: liteStore.id).count
                    == (try await postgres.recentOrders(since: .distantPast, storeID: store.id).count))

            // An order placed through the desk is a sale at once; cancelling it undoes the sale.
            var today = SalesFilter()
            today.from = "2026-03-15"
            today.to = "2026-03-15"
            let before = try await postgres.total(.revenue, filter: today, storeID: store.id) ?? 0
            let product = try #require(try await database.rows("""
                SELECT id FROM products WHERE store_id = \(store.id) AND stock > 5 ORDER BY id LIMIT 1
                """).first?.decode(Int64.self))
            let desk = PostgresOrderDesk(catalog: catalog, orders: PostgresOrders(database: database))
            let body: [String: JSONValue] = ["email": .string("new@example.com"), "items": .array([.object(["productId": .number(Double(product)), "quantity": .number(2)])])]
            let (order, _) = try await desk.place(body, store: store, now: clock.now())
            let after = try await postgres.total(.revenue, filter: today, storeID: store.id) ?? 0
            #expect(abs(after - before - Double(order.total.cents) / 100) < 0.001, "\(before) → \(after) for \(order.total)")
            _ = try await desk.updateStatus(number: order.number, ["status": .string("cancelled")], store: store, now: clock.now())
            let undone = try await postgres.total(.revenue, filter: today, storeID: store.id) ?? 0
            #expect(abs(undone - before) < 0.001)
            // A refused code is remembered for the order risk score.
            var coded = body
            coded["code"] = .string("NO-SUCH-CODE")
            await #expect(throws: ChatError.self) { _ = try await desk.place(coded, store: store, now: clock.now()) }
            #expect(try await database.rows("SELECT count(*)::bigint FROM code_attempts").first?.decode(Int.self) == 1)
        }
    }

    /// `shoptalk seed` on PostgreSQL: an existing store's catalog, orders and sales are replaced by the
    /// demo store's and answer as a fresh SQLite seed does; the store keeps its id and its policies.
    @Test func reseedingReplacesTheStoresDataAndAnswersAsAFreshSeed() async throws {
        let file = try await TestDatabase.seeded()
        let sqlite = try file.open()
        let liteStore = try #require(try await sqlite.store(slug: DemoStore.slug))
        let clock = ShopClock(today: ShopClock.parseDay("2026-03-15")!)
        try await TestPostgres.withDatabase(deadline: 400) { database in
            let catalog = PostgresCatalog(database: database, outbox: nil)
            try await PostgresDemoSeeder(database: database, catalog: catalog).seedIfEmpty(clock: clock, logger: testLogger)
            let store = try #require(try await database.store(slug: DemoStore.slug))
            let policies = try await PostgresPolicies(database: database).policies(storeID: store.id).count
            let extra = Product(id: 0, sku: "EXTRA-1", name: "Extra lamp", brand: "", category: "", description: "", price: Money(cents: 999), stock: 3, lowStockThreshold: 5)
            try await catalog.save(products: [(extra, 0)], storeID: store.id)
            let product = try #require(try await database.rows("SELECT id FROM products WHERE store_id = \(store.id) AND stock > 5 ORDER BY id LIMIT 1").first?.decode(Int64.self))
            let desk = PostgresOrderDesk(catalog: catalog, orders: PostgresOrders(database: database))
            _ = try await desk.place(["email": .string("new@example.com"), "items": .array([.object(["productId": .number(Double(product)), "quantity": .number(2)])])],
                                     store: store, now: clock.now())

            let reseeded = try await CommandDatabase.postgres(database).seedDemo(slug: DemoStore.slug, clock: clock, logger: testLogger)
            #expect(reseeded.id == store.id)
            #expect(try await database.rows("SELECT 1 FROM products WHERE sku = 'EXTRA-1'").isEmpty)
            #expect(try await PostgresPolicies(database: database).policies(storeID: store.id).count == policies)
            let differ = try await Self.differences(SQLiteAnalytics(database: sqlite), liteStore.id, PostgresAnalytics(database: database), store.id,
                                                    filter: (SalesFilter(), SalesFilter()))
            #expect(differ.isEmpty, "\(differ.prefix(5))")
            // Another slug is a new store with the same demo data.
            let second = try await CommandDatabase.postgres(database).seedDemo(slug: "second", clock: clock, logger: testLogger)
            #expect(second.id != store.id && second.slug == "second")
            #expect(try await database.rows("SELECT count(*)::bigint FROM orders WHERE store_id = \(second.id)").first?.decode(Int.self)
                    == (try await database.rows("SELECT count(*)::bigint FROM orders WHERE store_id = \(store.id)").first?.decode(Int.self)))
        }
    }
}
