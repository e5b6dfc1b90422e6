import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// Order actions in PostgreSQL, as on SQLite: one transaction per action. The order's row lock comes
/// first, so two instances acting on one order (or retrying one request) take turns, and the second finds
/// the first's request key or the order as the first left it. A return also takes the store's row lock
/// while it numbers the return. A cancellation puts the stock back and tells every instance's catalog.
public struct PostgresOrderActions: OrderActionStore {
    let database: PostgresAppDatabase
    let catalog: PostgresCatalog

    public init(database: PostgresAppDatabase, catalog: PostgresCatalog) {
        self.database = database
        self.catalog = catalog
    }

    static let migration = PostgresMigration(name: "pg11-order-actions", statements: [
        "ALTER TABLE orders ADD COLUMN delivery_address text",
        """
        CREATE TABLE order_actions (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            request_key text NOT NULL,
            kind text NOT NULL,
            return_number text,
            at timestamptz NOT NULL,
            UNIQUE (store_id, request_key)
        )
        """,
        """
        CREATE TABLE order_returns (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            number text NOT NULL,
            lines text NOT NULL,
            reason text NOT NULL,
            created_at timestamptz NOT NULL,
            UNIQUE (store_id, number)
        )
        """,
        "CREATE INDEX order_returns_order ON order_returns (order_id)",
    ])

    public func perform(_ action: OrderAction, number: String, storeID: Int64, requestKey: String, policy: OrderActionPolicy, at now: Date) async throws -> OrderActionResult {
        let logger = database.logger
        let outbox = catalog.outbox
        let result = try await database.transaction { connection -> OrderActionResult in
            guard case let (orderID, order)? = try await PostgresOrders.stored(number: number, storeID: storeID, locking: true, on: connection, logger: logger)
            else { throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.") }
            if let done = try await connection.rows("""
                SELECT order_id, kind, return_number FROM order_actions WHERE store_id = \(storeID) AND request_key = \(requestKey)
                """, logger: logger).first {
                let (doneOrder, kind, returnNumber) = try done.decode((Int64, String, String?).self)
                guard doneOrder == orderID, kind == action.kind else {
                    throw ChatError(.conflict, "This request key was already used for another action.")
                }
                return OrderActionResult(order: order, returnNumber: returnNumber, repeated: true)
            }
            let returned = try await Self.returned(orderID: orderID, on: connection, logger: logger)
            let plan = try policy.plan(action, for: order, returned: returned, now: now)
            if let status = plan.status {
                try await connection.rows("UPDATE orders SET status = \(status.rawValue) WHERE id = \(orderID)", logger: logger)
                if status == .cancelled { try await PostgresSalesLines.undoSale(orderID: orderID, at: now, storeID: storeID, on: connection, logger: logger) }
            }
            for restock in plan.restock {
                try await connection.rows("""
                    UPDATE products SET stock = stock + \(restock.quantity), updated_at = \(now)
                    WHERE id = \(restock.productID) AND store_id = \(storeID)
                    """, logger: logger)
            }
            if !plan.restock.isEmpty {
                _ = try await PostgresStockWatch.check(plan.restock.map(\.productID), storeID: storeID, now: now, on: connection, logger: logger)
                try await outbox?.append(kind: PostgresCatalog.changedEvent, storeID: storeID, payload: "{}", on: connection)
            }
            if let address = plan.address {
                try await connection.rows("UPDATE orders SET delivery_address = \(address) WHERE id = \(orderID)", logger: logger)
            }
            var returnNumber: String?
            if let lines = plan.returnLines {
                try await connection.rows("SELECT id FROM stores WHERE id = \(storeID) FOR UPDATE", logger: logger)
                let count = try await connection.rows("SELECT count(*) FROM order_returns WHERE store_id = \(storeID)", logger: logger)
                    .first?.decode(Int64.self) ?? 0
                let numbered = "RET-\(1001 + count)"
                let encoded = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
                try await connection.rows("""
                    INSERT INTO order_returns (store_id, order_id, number, lines, reason, created_at)
                    VALUES (\(storeID), \(orderID), \(numbered), \(encoded), \(plan.reason ?? ""), \(now))
                    """, logger: logger)
                returnNumber = numbered
            }
            let note = returnNumber.map { "\(plan.note) — \($0)" } ?? plan.note
            try await connection.rows("""
                INSERT INTO order_events (order_id, store_id, status, at, note) VALUES (\(orderID), \(storeID), \(plan.eventStatus.rawValue), \(now), \(note))
                """, logger: logger)
            try await connection.rows("""
                INSERT INTO order_actions (store_id, order_id, request_key, kind, return_number, at)
                VALUES (\(storeID), \(orderID), \(requestKey), \(action.kind), \(returnNumber), \(now))
                """, logger: logger)
            guard let changed = try await PostgresOrders.order(number: number, storeID: storeID, on: connection, logger: logger) else {
                throw ChatError(.internal, "The order was not stored.")
            }
            return OrderActionResult(order: changed, returnNumber: returnNumber, repeated: false)
        }
        if !result.repeated, case .cancel = action { catalog.snapshots.invalidate(storeID: storeID) }
        return result
    }

    public func returnedQuantities(number: String, storeID: Int64) async throws -> [String: Int] {
        OrderReturn.quantities(try await returns(number: number, storeID: storeID).map(\.lines))
    }

    public func returns(number: String, storeID: Int64) async throws -> [OrderReturn] {
        try await database.rows("""
            SELECT r.number, r.lines, r.reason, r.created_at FROM order_returns r JOIN orders o ON o.id = r.order_id
            WHERE r.store_id = \(storeID) AND lower(o.number) = lower(\(number)) ORDER BY r.id
            """).map { row in
            let (number, lines, reason, createdAt) = try row.decode((String, String, String, Date).self)
            return OrderReturn(number: number, lines: OrderReturn.decodeLines(lines), reason: reason, createdAt: createdAt)
        }
    }

    static func returned(orderID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> [String: Int] {
        let rows = try await connection.rows("SELECT lines FROM order_returns WHERE order_id = \(orderID)", logger: logger)
        return OrderReturn.quantities(try rows.map { OrderReturn.decodeLines(try $0.decode(String.self)) })
    }
}
