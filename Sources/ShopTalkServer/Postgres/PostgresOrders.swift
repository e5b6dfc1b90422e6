import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// Customers and orders in PostgreSQL: the same rows as SQLite's `customers`, `orders`, `order_items` and
/// `order_events`. Order numbers and emails compare without case, as SQLite's NOCASE columns do, through
/// indexes on their lower-case form. Every value is bound.
public struct PostgresOrders: OrderStore {
    let database: PostgresAppDatabase

    public init(database: PostgresAppDatabase) {
        self.database = database
    }

    static let migration = PostgresMigration(name: "pg8-orders", statements: [
        """
        CREATE TABLE customers (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            external_id text NOT NULL,
            name text NOT NULL DEFAULT '',
            email text NOT NULL DEFAULT '',
            country text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL,
            UNIQUE (store_id, external_id)
        )
        """,
        "CREATE INDEX customers_store_email ON customers (store_id, lower(email))",
        """
        CREATE TABLE orders (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            number text NOT NULL,
            customer_id bigint REFERENCES customers(id) ON DELETE SET NULL,
            email text NOT NULL DEFAULT '',
            status text NOT NULL,
            placed_at timestamptz NOT NULL,
            total_cents bigint NOT NULL,
            discount_code text,
            discount_cents bigint NOT NULL DEFAULT 0,
            carrier text,
            tracking_number text,
            estimated_delivery timestamptz,
            country text NOT NULL DEFAULT ''
        )
        """,
        "CREATE UNIQUE INDEX orders_store_number ON orders (store_id, lower(number))",
        "CREATE INDEX orders_store_placed ON orders (store_id, placed_at)",
        """
        CREATE TABLE order_items (
            id bigserial PRIMARY KEY,
            order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            product_id bigint REFERENCES products(id) ON DELETE SET NULL,
            product_name text NOT NULL,
            quantity bigint NOT NULL,
            unit_price_cents bigint NOT NULL
        )
        """,
        "CREATE INDEX order_items_order ON order_items (order_id)",
        "CREATE INDEX order_items_store_product ON order_items (store_id, product_id)",
        """
        CREATE TABLE order_events (
            id bigserial PRIMARY KEY,
            order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            status text NOT NULL,
            at timestamptz NOT NULL,
            note text
        )
        """,
        "CREATE INDEX order_events_order ON order_events (order_id, at)",
    ])

    public func order(number: String, storeID: Int64) async throws -> Order? {
        let logger = database.logger
        // One connection and one snapshot for the order and its lines, as SQLite's read transaction gives.
        return try await database.transaction { connection in
            try await Self.order(number: number, storeID: storeID, on: connection, logger: logger)
        }
    }

    /// The order with its lines and timeline, read on `connection` (in its transaction); `locking` takes
    /// the order's row lock until that transaction ends.
    static func order(number: String, storeID: Int64, locking: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> Order? {
        try await stored(number: number, storeID: storeID, locking: locking, on: connection, logger: logger)?.order
    }

    /// `order(number:…)` with the order's row id, for a caller that goes on to change it.
    static func stored(number: String, storeID: Int64, locking: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> (id: Int64, order: Order)? {
        if locking {
            try await connection.rows("SELECT id FROM orders WHERE store_id = \(storeID) AND lower(number) = lower(\(number)) FOR UPDATE", logger: logger)
        }
        guard let row = try await connection.rows("""
            SELECT o.id, o.number, c.external_id, o.email, o.status, o.placed_at, o.discount_code, o.discount_cents,
                   o.carrier, o.tracking_number, o.estimated_delivery, o.country, o.delivery_address
            FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
            WHERE o.store_id = \(storeID) AND lower(o.number) = lower(\(number))
            """, logger: logger).first else { return nil }
        let (id, number, customer, email, status, placedAt, code, discount, carrier, tracking, eta, country, address) =
            try row.decode((Int64, String, String?, String, String, Date, String?, Int, String?, String?, Date?, String, String?).self)
        let items = try await connection.rows("""
            SELECT product_id, product_name, quantity, unit_price_cents FROM order_items WHERE order_id = \(id) ORDER BY id
            """, logger: logger).map { row in
            let (product, name, quantity, price) = try row.decode((Int64?, String, Int, Int).self)
            return Order.Item(productID: product, name: name, quantity: quantity, unitPrice: Money(cents: price))
        }
        let events = try await connection.rows("""
            SELECT status, at, note FROM order_events WHERE order_id = \(id) ORDER BY at, id
            """, logger: logger).compactMap { row -> Order.Event? in
            let (status, at, note) = try row.decode((String, Date, String?).self)
            return Order.Status(rawValue: status).map { Order.Event(status: $0, at: at, note: note) }
        }
        var shipment: Order.Shipment?
        if let carrier, let tracking, let eta {
            shipment = Order.Shipment(carrier: carrier, trackingNumber: tracking, estimatedDelivery: eta)
        }
        return (id, Order(
            number: number, customerExternalID: customer, email: email, status: Order.Status(rawValue: status) ?? .pending,
            placedAt: placedAt, items: items, discountCode: code, discountAmount: Money(cents: discount), shipment: shipment,
            events: events, country: country, deliveryAddress: address
        ))
    }

    /// Stores `order` with its lines and timeline in one transaction; the customer is found by its
    /// external id, then by email, or left empty. A number already used in the store is refused.
    @discardableResult
    public func insert(_ order: Order, storeID: Int64) async throws -> Int64 {
        let logger = database.logger
        return try await database.transaction { connection in
            try await Self.insert(order, storeID: storeID, on: connection, logger: logger)
        }
    }

    /// `insert(_:storeID:)` inside the caller's transaction.
    static func insert(_ order: Order, storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        var customerID: Int64?
        if let external = order.customerExternalID {
            customerID = try await connection.rows(
                "SELECT id FROM customers WHERE store_id = \(storeID) AND external_id = \(external)", logger: logger
            ).first?.decode(Int64.self)
        }
        if customerID == nil, !order.email.isEmpty {
            customerID = try await connection.rows(
                "SELECT id FROM customers WHERE store_id = \(storeID) AND lower(email) = lower(\(order.email)) ORDER BY id LIMIT 1", logger: logger
            ).first?.decode(Int64.self)
        }
        let taken = try await connection.rows(
            "SELECT 1 FROM orders WHERE store_id = \(storeID) AND lower(number) = lower(\(order.number))", logger: logger
        )
        guard taken.isEmpty else {
            throw ChatError(.conflict, "Order \(order.number.prefix(40)) already exists in this store.")
        }
        guard let orderID = try await connection.rows("""
            INSERT INTO orders (store_id, number, customer_id, email, status, placed_at, total_cents, discount_code, discount_cents,
                                carrier, tracking_number, estimated_delivery, country)
            VALUES (\(storeID), \(order.number), \(customerID), \(order.email), \(order.status.rawValue), \(order.placedAt),
                    \(order.total.cents), \(order.discountCode), \(order.discountAmount.cents), \(order.shipment?.carrier),
                    \(order.shipment?.trackingNumber), \(order.shipment?.estimatedDelivery), \(order.country))
            RETURNING id
            """, logger: logger).first?.decode(Int64.self) else {
            throw ChatError(.internal, "The order was not stored.")
        }
        for item in order.items {
            try await connection.rows("""
                INSERT INTO order_items (order_id, store_id, product_id, product_name, quantity, unit_price_cents)
                VALUES (\(orderID), \(storeID), \(item.productID), \(item.name), \(item.quantity), \(item.unitPrice.cents))
                """, logger: logger)
        }
        for event in order.events {
            try await connection.rows("""
                INSERT INTO order_events (order_id, store_id, status, at, note)
                VALUES (\(orderID), \(storeID), \(event.status.rawValue), \(event.at), \(event.note))
                """, logger: logger)
        }
        return orderID
    }

    /// Adds a customer, or updates the name, email and country of the one with `externalID`. Returns its id.
    @discardableResult
    public func upsertCustomer(externalID: String, name: String, email: String, country: String, storeID: Int64, at: Date) async throws -> Int64 {
        let rows = try await database.rows("""
            INSERT INTO customers (store_id, external_id, name, email, country, created_at)
            VALUES (\(storeID), \(externalID), \(name), \(email), \(country), \(at))
            ON CONFLICT (store_id, external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, country = EXCLUDED.country
            RETURNING id
            """)
        guard let id = try rows.first?.decode(Int64.self) else { throw ChatError(.internal, "The customer was not stored.") }
        return id
    }
}
