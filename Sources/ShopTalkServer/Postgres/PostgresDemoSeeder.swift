import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// Writes the generated demo store into an empty PostgreSQL database: its catalog, discounts, customers
/// orders and the sales lines behind the analytics. Instances starting together take turns on an
/// advisory lock, and only the first finds the database empty.
struct PostgresDemoSeeder: Sendable {
    let database: PostgresAppDatabase
    let catalog: PostgresCatalog
    static let seedLock: Int64 = 0x5348_4F50_5345_4544

    /// Seeds the demo store unless the database has a store already; returns whether it seeded.
    @discardableResult
    func seedIfEmpty(clock: ShopClock, logger: Logger) async throws -> Bool {
        try await locked {
            guard try await !database.hasStores() else { return false }
            try await seed(slug: DemoStore.slug, clock: clock, logger: logger)
            return true
        }
    }

    /// `shoptalk seed`: the demo store generated afresh under `slug`. A store with that slug keeps its
    /// row, sessions, tokens, policies and alert history; its catalog, discounts, customers, orders and
    /// sales are replaced, in one catalog write that tells running instances, and its open low-stock
    /// alerts (about products that are gone) are resolved.
    func reseed(slug: String, clock: ShopClock, logger: Logger) async throws -> Store {
        try await locked {
            if let existing = try await database.store(slug: slug) {
                let now = clock.now()
                try await catalog.write(storeID: existing.id) { connection, logger in
                    // The delete trigger takes the lines out of the rollups; rows it leaves at zero go too.
                    for table in ["sales_lines", "sales_day", "sales_day_product", "sales_month_product", "sales_invoices", "code_attempts",
                                  "orders", "customers", "discounts", "products"] {
                        try await connection.rows("DELETE FROM \(unescaped: table) WHERE store_id = \(existing.id)", logger: logger)
                    }
                    try await connection.rows("""
                        UPDATE alert_log SET resolved_at = \(now) WHERE store_id = \(existing.id) AND kind = 'low_stock' AND resolved_at IS NULL
                        """, logger: logger)
                }
            }
            return try await seed(slug: slug, clock: clock, logger: logger)
        }
    }

    /// Runs `body` holding the seeding lock, which instances starting together and `shoptalk seed` share.
    private func locked<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let lock = Self.seedLock
        let databaseLogger = database.logger
        return try await database.client.withConnection { connection in
            try await connection.rows("SELECT pg_advisory_lock(\(lock))", logger: databaseLogger)
            let result: Result<T, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            _ = try? await connection.rows("SELECT pg_advisory_unlock(\(lock))", logger: databaseLogger)
            return try result.get()
        }
    }

    @discardableResult
    private func seed(slug: String, clock: ShopClock, logger: Logger) async throws -> Store {
        let demo = DemoStore.generate(today: clock.today())
        let now = clock.now()
        let store = try await database.createStore(slug: slug, name: demo.store.name, currency: demo.store.currency)
        // Popularity is the units sold in orders that were not undone, as the SQLite seeder counts it.
        var sold: [Int64: Int] = [:]
        for order in demo.orders where order.status != .cancelled && order.status != .returned {
            for item in order.items { if let id = item.productID { sold[id, default: 0] += item.quantity } }
        }
        let ids = try await catalog.save(products: demo.products.map { ($0, sold[$0.id] ?? 0) }, storeID: store.id, at: now)
        let productIDs = Dictionary(zip(demo.products.map(\.id), ids)) { first, _ in first }
        try await catalog.save(discounts: demo.discounts, storeID: store.id)
        let orders = PostgresOrders(database: database)
        for customer in demo.customers {
            try await orders.upsertCustomer(externalID: customer.externalID, name: customer.name, email: customer.email,
                                            country: customer.country, storeID: store.id, at: now)
        }
        let costs = Dictionary(demo.products.compactMap { product in product.cost.flatMap { cost in productIDs[product.id].map { ($0, cost.cents) } } }) { first, _ in first }
        var lines: [SalesLines.Line] = []
        for var order in demo.orders {
            for index in order.items.indices { order.items[index].productID = order.items[index].productID.flatMap { productIDs[$0] } }
            try await orders.insert(order, storeID: store.id)
            lines += SalesLines.lines(of: order, costs: costs)
        }
        let storeID = store.id
        let databaseLogger = database.logger
        try await database.transaction { connection in
            try await PostgresSalesLines.insert(lines, storeID: storeID, on: connection, logger: databaseLogger)
        }
        let policies = PostgresPolicies(database: database)
        if try await policies.policies(storeID: store.id).isEmpty {
            for section in DemoPolicies.sections(now: now) { try await policies.savePolicy(section, storeID: store.id) }
        }
        logger.info("Seeded demo store", metadata: [
            "store.slug": "\(store.slug)", "store.products": "\(demo.products.count)", "store.customers": "\(demo.customers.count)",
            "store.orders": "\(demo.orders.count)", "db.backend": "postgresql",
        ])
        return store
    }
}
