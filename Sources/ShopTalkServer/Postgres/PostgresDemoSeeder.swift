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
        let lock = Self.seedLock
        let databaseLogger = database.logger
        return try await database.client.withConnection { connection in
            try await connection.rows("SELECT pg_advisory_lock(\(lock))", logger: databaseLogger)
            let result: Result<Bool, any Error>
            do {
                if try await database.hasStores() {
                    result = .success(false)
                } else {
                    try await seed(clock: clock, logger: logger)
                    result = .success(true)
                }
            } catch {
                result = .failure(error)
            }
            _ = try? await connection.rows("SELECT pg_advisory_unlock(\(lock))", logger: databaseLogger)
            return try result.get()
        }
    }

    private func seed(clock: ShopClock, logger: Logger) async throws {
        let demo = DemoStore.generate(today: clock.today())
        let now = clock.now()
        let store = try await database.createStore(slug: demo.store.slug, name: demo.store.name, currency: demo.store.currency)
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
        for section in DemoPolicies.sections(now: now) { try await policies.savePolicy(section, storeID: store.id) }
        logger.info("Seeded demo store", metadata: [
            "store.slug": "\(store.slug)", "store.products": "\(demo.products.count)", "store.customers": "\(demo.customers.count)",
            "store.orders": "\(demo.orders.count)", "db.backend": "postgresql",
        ])
    }
}
