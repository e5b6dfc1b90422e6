import Foundation
import PostgresNIO
import ShopTalkCore

/// Discounts on PostgreSQL, read from the store's catalog snapshot (kept fresh by `catalog.changed`).
struct PostgresDiscountStore: DiscountStore {
    let snapshots: CatalogSnapshots

    func discounts(storeID: Int64) async throws -> [Discount] {
        try await snapshots.snapshot(storeID: storeID).discounts
    }
}

/// Products bought together, counted from PostgreSQL's order lines, as `SQLiteCatalog` counts them.
struct PostgresPurchaseHistory: PurchaseHistory {
    let database: PostgresAppDatabase
    let catalog: PostgresCatalog

    func boughtTogether(productID: Int64, storeID: Int64, limit: Int) async throws -> [(Product, Int)] {
        let rows = try await database.rows("""
            SELECT other.product_id, count(DISTINCT other.order_id)::bigint AS shared
            FROM order_items mine
            JOIN order_items other ON other.order_id = mine.order_id AND other.product_id <> mine.product_id
            JOIN products p ON p.id = other.product_id
            WHERE mine.product_id = \(productID) AND mine.store_id = \(storeID) AND p.store_id = \(storeID)
            GROUP BY other.product_id, p.popularity ORDER BY shared DESC, p.popularity DESC LIMIT \(max(1, limit))
            """)
        let counted = try rows.map { try $0.decode((Int64, Int).self) }
        let products = Dictionary(try await catalog.products(ids: counted.map(\.0), storeID: storeID).map { ($0.id, $0) }) { first, _ in first }
        return counted.compactMap { id, shared in products[id].map { ($0, shared) } }
    }
}

/// The sales data and its analytics are not on PostgreSQL yet: an owner's business question there is
/// answered with that, never with a number made up or read from elsewhere.
struct AnalyticsNotOnThisBackend: SalesAnalytics {
    private func refuse<T>() throws -> T {
        throw ChatError(.unavailable, "Sales analytics run on the SQLite backend only for now; this server uses PostgreSQL.")
    }

    func total(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) async throws -> Double? { try refuse() }
    func ranking(_ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool,
                 storeID: Int64) async throws -> [(String, Double)] { try refuse() }
    func series(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) async throws -> [(String, Double)] {
        try refuse()
    }
    func restock(storeID: Int64, today: String) async throws -> (lines: [RestockLine], tracked: Int) { try refuse() }
    func slowMovers(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, Double)] { try refuse() }
    func customerOrderDays(filter: SalesFilter, storeID: Int64) async throws -> [String: [String]] { try refuse() }
    func customerMix(filter: SalesFilter, storeID: Int64) async throws -> CustomerMix { try refuse() }
    func breakdown(_ metric: SalesQuery.Metric, by slot: SalesQuery.TimeSlot, filter: SalesFilter, storeID: Int64) async throws -> [(Int, Double)] {
        try refuse()
    }
    func boughtTogether(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, String, Int)] { try refuse() }
    func productPerformance(filter: SalesFilter, storeID: Int64) async throws -> [ProductPerformance] { try refuse() }
    func dailyUnits(productIDs: [Int64], from: String, to: String, storeID: Int64) async throws -> [Int64: [String: Double]] { try refuse() }
    func inventorySettings(storeID: Int64) async throws -> InventorySettings { try refuse() }
    func recentOrders(since: Date, storeID: Int64) async throws -> [OrderRiskFacts] { try refuse() }
    func customerNames(_ ids: [String], storeID: Int64) async throws -> [String: String] { try refuse() }
    func dataRange(storeID: Int64) async throws -> (String, String)? { try refuse() }
    func productMatcher(storeID: Int64) async throws -> ProductNameMatcher { try refuse() }
}
