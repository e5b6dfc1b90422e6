import Foundation
import PostgresNIO
import ShopTalkCore

/// The owner's product routes on PostgreSQL, with the validation of `CatalogAdmin`. Each write is one
/// transaction through `PostgresCatalog.write`, which publishes `catalog.changed` in it, so every
/// instance's snapshot sees the change. A product at or below its low-stock threshold (or the owner's
/// alert threshold) after an update alerts as `PostgresStockWatch` says, under the row's lock: once per
/// fall, as on SQLite.
struct PostgresCatalogAdmin: CatalogAdministration {
    let catalog: PostgresCatalog

    func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        try await catalog.search(query, storeID: storeID)
    }

    func product(id: Int64, storeID: Int64) async throws -> Product {
        guard let product = try await catalog.products(ids: [id], storeID: storeID).first else {
            throw ChatError(.notFound, "There is no product \(id) in this store.")
        }
        return product
    }

    func createProduct(_ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> Product {
        var product = Product(id: 0, sku: "", name: "", brand: "", category: "", description: "", price: .zero, stock: 0, lowStockThreshold: 5)
        try CatalogAdmin.apply(body, to: &product, creating: true)
        let new = product
        let id = try await catalog.write(storeID: storeID) { connection, logger -> Int64 in
            let rows = try await connection.rows("""
                INSERT INTO products (store_id, sku, name, brand, category, description, price_cents, original_price_cents, cost_cents,
                                      stock, low_stock_threshold, colors, sizes, rating, image_url, popularity, created_at, updated_at)
                VALUES (\(storeID), \(new.sku), \(new.name), \(new.brand), \(new.category), \(new.description), \(new.price.cents),
                        \(new.originalPrice?.cents), \(new.cost?.cents), \(new.stock), \(new.lowStockThreshold), \(new.colors), \(new.sizes),
                        \(new.rating), \(new.imageURL), 0, \(now), \(now))
                ON CONFLICT (store_id, sku) DO NOTHING
                RETURNING id
                """, logger: logger)
            guard let id = try rows.first?.decode(Int64.self) else { throw ChatError(.conflict, "A product with SKU \(new.sku) already exists.") }
            return id
        }
        return try await self.product(id: id, storeID: storeID)
    }

    func updateProduct(id: Int64, _ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> (Product, [StockWatch.LowStock]) {
        let lowStock = try await catalog.write(storeID: storeID) { connection, logger -> [StockWatch.LowStock] in
            // The row as stored, under its lock: another instance's snapshot may not have the last change yet.
            guard let row = try await connection.rows("""
                SELECT \(unescaped: PostgresCatalog.columns) FROM products p WHERE p.id = \(id) AND p.store_id = \(storeID) FOR UPDATE
                """, logger: logger).first else { throw ChatError(.notFound, "There is no product \(id) in this store.") }
            var product = try PostgresCatalog.product(from: row).product
            try CatalogAdmin.apply(body, to: &product, creating: false)
            let updated = product
            if try await !connection.rows("""
                SELECT 1 FROM products WHERE store_id = \(storeID) AND sku = \(updated.sku) AND id <> \(id)
                """, logger: logger).isEmpty {
                throw ChatError(.conflict, "Another product already has SKU \(updated.sku).")
            }
            try await connection.rows("""
                UPDATE products SET sku = \(updated.sku), name = \(updated.name), brand = \(updated.brand), category = \(updated.category),
                    description = \(updated.description), price_cents = \(updated.price.cents), original_price_cents = \(updated.originalPrice?.cents),
                    cost_cents = \(updated.cost?.cents), stock = \(updated.stock), low_stock_threshold = \(updated.lowStockThreshold),
                    colors = \(updated.colors), sizes = \(updated.sizes), rating = \(updated.rating), image_url = \(updated.imageURL),
                    updated_at = \(now)
                WHERE id = \(id) AND store_id = \(storeID)
                """, logger: logger)
            return try await PostgresStockWatch.check([id], storeID: storeID, now: now, on: connection, logger: logger)
        }
        return (try await self.product(id: id, storeID: storeID), lowStock)
    }

    func deleteProduct(id: Int64, storeID: Int64) async throws {
        let deleted = try await catalog.write(storeID: storeID) { connection, logger in
            try await connection.rows("DELETE FROM products WHERE id = \(id) AND store_id = \(storeID) RETURNING id", logger: logger).isEmpty == false
        }
        guard deleted else { throw ChatError(.notFound, "There is no product \(id) in this store.") }
    }
}

/// The owner's discount routes on PostgreSQL, with the validation of `DiscountAdmin`; codes are unique
/// per store without regard to case, and a request never writes how often a code was used.
struct PostgresDiscountAdmin: DiscountAdministration {
    let catalog: PostgresCatalog

    func list(storeID: Int64) async throws -> [Discount] {
        try await catalog.snapshots.snapshot(storeID: storeID).discounts
    }

    func create(_ body: [String: JSONValue], storeID: Int64) async throws -> Discount {
        var discount = Discount(id: 0, code: "", description: "", kind: .percentage)
        try DiscountAdmin.apply(body, to: &discount, creating: true)
        let new = discount
        try await catalog.write(storeID: storeID) { connection, logger in
            try await Self.refuseTaken(new.code, except: nil, storeID: storeID, connection, logger)
            try await connection.rows("""
                INSERT INTO discounts (store_id, code, description, kind, percent_off, amount_off_cents, max_discount_cents, min_spend_cents,
                                       category, brand, usage_limit, used_count, starts_at, ends_at, is_active)
                VALUES (\(storeID), \(new.code), \(new.description), \(new.kind.rawValue), \(new.percentOff), \(new.amountOff?.cents),
                        \(new.maxDiscount?.cents), \(new.minSpend?.cents), \(new.category), \(new.brand), \(new.usageLimit), 0,
                        \(new.startsAt), \(new.endsAt), \(new.isActive))
                """, logger: logger)
        }
        return try await self.discount(code: new.code, storeID: storeID)
    }

    func update(code: String, _ body: [String: JSONValue], storeID: Int64) async throws -> Discount {
        let updated = try await catalog.write(storeID: storeID) { connection, logger -> Discount in
            // The row as stored, under its lock (another instance's snapshot may lag behind).
            guard let row = try await connection.rows("""
                SELECT \(unescaped: PostgresDiscounts.columns) FROM discounts WHERE store_id = \(storeID) AND lower(code) = lower(\(code)) FOR UPDATE
                """, logger: logger).first, var discount = try PostgresDiscounts.discount(from: row).discount
            else { throw ChatError(.notFound, "There is no discount code \(code.prefix(40)).") }
            try DiscountAdmin.apply(body, to: &discount, creating: false)
            let updated = discount
            try await Self.refuseTaken(updated.code, except: updated.id, storeID: storeID, connection, logger)
            try await connection.rows("""
                UPDATE discounts SET code = \(updated.code), description = \(updated.description), kind = \(updated.kind.rawValue),
                    percent_off = \(updated.percentOff), amount_off_cents = \(updated.amountOff?.cents),
                    max_discount_cents = \(updated.maxDiscount?.cents), min_spend_cents = \(updated.minSpend?.cents),
                    category = \(updated.category), brand = \(updated.brand), usage_limit = \(updated.usageLimit),
                    starts_at = \(updated.startsAt), ends_at = \(updated.endsAt), is_active = \(updated.isActive)
                WHERE id = \(updated.id) AND store_id = \(storeID)
                """, logger: logger)
            return updated
        }
        return try await self.discount(code: updated.code, storeID: storeID)
    }

    func delete(code: String, storeID: Int64) async throws {
        let deleted = try await catalog.write(storeID: storeID) { connection, logger in
            try await connection.rows("""
                DELETE FROM discounts WHERE store_id = \(storeID) AND lower(code) = lower(\(code)) RETURNING id
                """, logger: logger).isEmpty == false
        }
        guard deleted else { throw ChatError(.notFound, "There is no discount code \(code.prefix(40)).") }
    }

    /// Refuses `code` when another discount of the store has it, whatever the case.
    private static func refuseTaken(_ code: String, except id: Int64?, storeID: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        // Two creations of one code at once: the store's lock makes the second see the first.
        try await connection.rows("SELECT id FROM stores WHERE id = \(storeID) FOR UPDATE", logger: logger)
        let taken = try await connection.rows("""
            SELECT id FROM discounts WHERE store_id = \(storeID) AND lower(code) = lower(\(code)) AND id <> \(id ?? -1)
            """, logger: logger)
        if !taken.isEmpty { throw ChatError(.conflict, "The code \(code) already exists.") }
    }
}
