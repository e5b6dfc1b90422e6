import Foundation
import PostgresNIO
import ShopTalkCore

extension PostgresCatalog {
    /// Adds the products, or updates those whose SKU the store already has, in one transaction; returns
    /// their ids in the order given.
    @discardableResult
    public func save(products: [(product: Product, popularity: Int)], storeID: Int64, at date: Date = Date()) async throws -> [Int64] {
        try await write(storeID: storeID) { connection, logger in
            var ids: [Int64] = []
            for (product, popularity) in products {
                ids.append(try await Self.upsert(product, popularity: popularity, storeID: storeID, at: date, on: connection, logger: logger).id)
            }
            return ids
        }
    }

    /// Adds the products of an import, or updates those whose SKU the store already has (keeping their
    /// popularity and creation time), in one transaction; returns how many were created and updated.
    public func importProducts(_ products: [Product], storeID: Int64, now: Date) async throws -> (created: Int, updated: Int) {
        try await write(storeID: storeID) { connection, logger in
            var created = 0
            for product in products {
                let saved = try await Self.upsert(product, popularity: nil, storeID: storeID, at: now, on: connection, logger: logger)
                if saved.created { created += 1 }
            }
            return (created, products.count - created)
        }
    }

    /// Inserts one product, or updates the store's product with its SKU (keeping its creation time, and its
    /// popularity when `popularity` is nil); says whether the row is new.
    private static func upsert(_ product: Product, popularity: Int?, storeID: Int64, at date: Date,
                               on connection: PostgresConnection, logger: Logger) async throws -> (id: Int64, created: Bool) {
        let popularityUpdate = popularity == nil ? "" : ", popularity = EXCLUDED.popularity"
        let rows = try await connection.rows("""
            INSERT INTO products (store_id, sku, name, brand, category, description, price_cents, original_price_cents, cost_cents,
                                  stock, low_stock_threshold, colors, sizes, rating, image_url, popularity, created_at, updated_at)
            VALUES (\(storeID), \(product.sku), \(product.name), \(product.brand), \(product.category), \(product.description),
                    \(product.price.cents), \(product.originalPrice?.cents), \(product.cost?.cents), \(product.stock),
                    \(product.lowStockThreshold), \(product.colors), \(product.sizes), \(product.rating), \(product.imageURL),
                    \(popularity ?? 0), \(date), \(date))
            ON CONFLICT (store_id, sku) DO UPDATE SET name = EXCLUDED.name, brand = EXCLUDED.brand, category = EXCLUDED.category,
                description = EXCLUDED.description, price_cents = EXCLUDED.price_cents,
                original_price_cents = EXCLUDED.original_price_cents, cost_cents = EXCLUDED.cost_cents, stock = EXCLUDED.stock,
                low_stock_threshold = EXCLUDED.low_stock_threshold, colors = EXCLUDED.colors, sizes = EXCLUDED.sizes,
                rating = EXCLUDED.rating, image_url = EXCLUDED.image_url, updated_at = EXCLUDED.updated_at\(unescaped: popularityUpdate)
            RETURNING id, (xmax = 0)
            """, logger: logger)
        guard let row = rows.first else { throw ChatError(.internal, "The product \(product.sku) was not saved.") }
        let (id, created) = try row.decode((Int64, Bool).self)
        return (id, created)
    }

    /// Adds the discounts, or replaces those whose code the store already has.
    public func save(discounts: [Discount], storeID: Int64) async throws {
        try await write(storeID: storeID) { connection, logger in
            for discount in discounts {
                try await connection.rows("""
                    INSERT INTO discounts (store_id, code, description, kind, percent_off, amount_off_cents, max_discount_cents, min_spend_cents,
                                           category, brand, usage_limit, used_count, starts_at, ends_at, is_active)
                    VALUES (\(storeID), \(discount.code), \(discount.description), \(discount.kind.rawValue), \(discount.percentOff),
                            \(discount.amountOff?.cents), \(discount.maxDiscount?.cents), \(discount.minSpend?.cents), \(discount.category),
                            \(discount.brand), \(discount.usageLimit), \(discount.usedCount), \(discount.startsAt), \(discount.endsAt),
                            \(discount.isActive))
                    ON CONFLICT (store_id, code) DO UPDATE SET description = EXCLUDED.description, kind = EXCLUDED.kind,
                        percent_off = EXCLUDED.percent_off, amount_off_cents = EXCLUDED.amount_off_cents,
                        max_discount_cents = EXCLUDED.max_discount_cents, min_spend_cents = EXCLUDED.min_spend_cents,
                        category = EXCLUDED.category, brand = EXCLUDED.brand, usage_limit = EXCLUDED.usage_limit,
                        used_count = EXCLUDED.used_count, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, is_active = EXCLUDED.is_active
                    """, logger: logger)
            }
        }
    }

    public func updateDescription(productID: Int64, storeID: Int64, description: String) async throws {
        try await write(storeID: storeID) { connection, logger in
            try await connection.rows("""
                UPDATE products SET description = \(description), updated_at = now() WHERE id = \(productID) AND store_id = \(storeID)
                """, logger: logger)
        }
    }

    /// Sets a product's stock (an import, a sale, a return); returns whether the store has that product.
    @discardableResult
    public func setStock(productID: Int64, storeID: Int64, stock: Int) async throws -> Bool {
        try await write(storeID: storeID) { connection, logger in
            try await connection.rows("""
                UPDATE products SET stock = \(max(0, stock)), updated_at = now() WHERE id = \(productID) AND store_id = \(storeID) RETURNING id
                """, logger: logger).isEmpty == false
        }
    }

    /// Counts one use of a discount code, unless it is inactive or at its usage limit; returns whether it
    /// was counted. The check and the count are one conditional UPDATE, which PostgreSQL runs against the
    /// row's latest committed value under its row lock, so instances redeeming at once never pass a limit.
    /// Called inside the order's own transaction, the use is undone with it.
    static func redeem(code: String, storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.rows("""
            UPDATE discounts SET used_count = used_count + 1
            WHERE store_id = \(storeID) AND lower(code) = lower(\(code)) AND is_active AND (usage_limit IS NULL OR used_count < usage_limit)
            RETURNING id
            """, logger: logger).isEmpty == false
    }

    /// Redeems a discount code on its own (see `redeem(code:storeID:on:logger:)`).
    public func redeem(code: String, storeID: Int64) async throws -> Bool {
        try await write(storeID: storeID) { connection, logger in
            try await Self.redeem(code: code, storeID: storeID, on: connection, logger: logger)
        }
    }

    /// Runs one catalog write and, in the same transaction, tells every instance of it; this instance's
    /// snapshot is dropped as soon as it commits.
    @discardableResult
    func write<T: Sendable>(storeID: Int64, _ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = database.logger
        let result = try await database.transaction { connection in
            let result = try await body(connection, logger)
            try await outbox?.append(kind: Self.changedEvent, storeID: storeID, payload: "{}", on: connection)
            return result
        }
        snapshots.invalidate(storeID: storeID)
        return result
    }
}

/// The discounts table's columns and rows.
enum PostgresDiscounts {
    static let columns = """
        id, code, description, kind, percent_off, amount_off_cents, max_discount_cents, min_spend_cents, category, brand,
        usage_limit, used_count, starts_at, ends_at, is_active
        """

    /// A row's discount (nil when its kind is unknown to this version) and its code.
    static func discount(from row: PostgresRow) throws -> (discount: Discount?, code: String) {
        let columns = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ name: String, _: T.Type = T.self) throws -> T { try columns[name].decode(T.self) }
        let code: String = try value("code")
        guard let kind = Discount.Kind(rawValue: try value("kind")) else { return (nil, code) }
        let discount = Discount(
            id: try value("id"), code: code, description: try value("description"), kind: kind, percentOff: try value("percent_off"),
            amountOff: try value("amount_off_cents", Int?.self).map(Money.init(cents:)),
            maxDiscount: try value("max_discount_cents", Int?.self).map(Money.init(cents:)),
            minSpend: try value("min_spend_cents", Int?.self).map(Money.init(cents:)), category: try value("category"),
            brand: try value("brand"), usageLimit: try value("usage_limit"), usedCount: try value("used_count"),
            startsAt: try value("starts_at"), endsAt: try value("ends_at"), isActive: try value("is_active")
        )
        return (discount, code)
    }
}
