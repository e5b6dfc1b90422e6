import Foundation
import PostgresNIO
import ShopTalkCore

/// Stores an import's parsed sales rows in PostgreSQL, as `SalesImporter` does on SQLite: the store
/// (created when missing), a product per code (new ones untracked, with no stock; known ones renamed to
/// their most frequent description), the customers, and the lines under their keys, in one transaction
/// through the catalog, which tells running instances that products changed.
struct PostgresSalesImport: Sendable {
    let catalog: PostgresCatalog

    func write(
        _ parsed: [(Int, SalesImporter.Row)], slug: String, currency: String, now: Date, progress: @Sendable (Double) -> Void
    ) async throws -> (Int, Int, Int, Int) {
        let store = try await catalog.database.createStore(slug: slug, name: SalesImporter.storeName(slug), currency: currency)
        let storeID = store.id
        return try await catalog.write(storeID: storeID) { connection, logger in
            var known: [String: Int64] = [:]
            for row in try await connection.rows("SELECT id, upper(sku) FROM products WHERE store_id = \(storeID)", logger: logger) {
                let (id, sku) = try row.decode((Int64, String).self)
                known[sku] = known[sku] ?? id
            }
            var productIDs: [String: Int64] = [:]
            for product in SalesImporter.products(of: parsed) {
                if let id = known[product.code.uppercased()] {
                    if product.described {
                        try await connection.rows("UPDATE products SET name = \(product.name), updated_at = \(now) WHERE id = \(id)", logger: logger)
                    }
                    productIDs[product.code] = id
                    continue
                }
                let sample = product.sample
                let id = try await connection.rows("""
                    INSERT INTO products (store_id, sku, name, brand, category, description, price_cents, cost_cents, stock,
                                          low_stock_threshold, stock_tracked, created_at, updated_at)
                    VALUES (\(storeID), \(product.code), \(product.name), \(sample?.brand ?? ""), \(sample?.category ?? ""), '',
                            \(product.priceCents), \(sample?.costMilli.map { $0 / 10 }), 0, 0, false, \(now), \(now))
                    RETURNING id
                    """, logger: logger).first?.decode(Int64.self)
                productIDs[product.code] = id
            }
            var customers = Set<String>()
            for (_, row) in parsed {
                guard let customer = row.customer, customers.insert(customer).inserted else { continue }
                try await connection.rows("""
                    INSERT INTO customers (store_id, external_id, country, created_at) VALUES (\(storeID), \(customer), \(row.country), \(now))
                    ON CONFLICT (store_id, external_id) DO NOTHING
                    """, logger: logger)
            }
            progress(0.6)
            let lines = zip(parsed, SalesImporter.lineKeys(parsed)).map { parsedRow, key in
                let row = parsedRow.1
                return SalesLines.Line(key: key, invoice: row.invoice, at: row.at, productID: productIDs[row.stockCode], customer: row.customer,
                                               country: row.country, quantity: row.quantity, priceMilli: row.priceMilli, costMilli: row.costMilli,
                                               cancellation: row.cancellation)
            }
            let imported = try await PostgresSalesLines.insert(lines, storeID: storeID, on: connection, logger: logger)
            return (imported, productIDs.count, customers.count, Set(parsed.map(\.1.invoice)).count)
        }
    }
}
