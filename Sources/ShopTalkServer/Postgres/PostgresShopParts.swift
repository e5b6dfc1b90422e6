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
