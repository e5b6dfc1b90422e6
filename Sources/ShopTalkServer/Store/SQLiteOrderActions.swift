import Foundation
import GRDB
import ShopTalkCore

/// Order actions in SQLite. Each runs in one write transaction: the order is read, checked against the
/// policy, changed, its sale undone and stock put back (a cancellation), its return numbered (a return),
/// its timeline written and the request key recorded. SQLite runs write transactions one at a time, so a
/// key retried at once, from another connection or after a crash, finds the first one's record and does
/// nothing again.
public struct SQLiteOrderActions: OrderActionStore {
    let database: AppDatabase
    /// Called after a cancellation commits, so catalog snapshots see the stock that went back.
    let onRestock: @Sendable (Int64) async -> Void

    public init(database: AppDatabase, onRestock: @escaping @Sendable (Int64) async -> Void = { _ in }) {
        self.database = database
        self.onRestock = onRestock
    }

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-order-actions") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN deliveryAddress TEXT")
            try db.execute(sql: """
                CREATE TABLE order_actions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    storeId INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                    orderId INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                    requestKey TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    returnNumber TEXT,
                    at DATETIME NOT NULL,
                    UNIQUE (storeId, requestKey)
                )
                """)
            try db.execute(sql: """
                CREATE TABLE order_returns (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    storeId INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                    orderId INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                    number TEXT NOT NULL,
                    lines TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    UNIQUE (storeId, number)
                )
                """)
            try db.execute(sql: "CREATE INDEX order_returns_order ON order_returns (orderId)")
        }
    }

    public func perform(_ action: OrderAction, number: String, storeID: Int64, requestKey: String, policy: OrderActionPolicy, at now: Date) async throws -> OrderActionResult {
        let result = try await database.writer.write { db -> OrderActionResult in
            guard case let (orderID, order)? = try SQLiteOrders.stored(number: number, storeID: storeID, db: db)
            else { throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.") }
            if let done = try Row.fetchOne(db, sql: "SELECT orderId, kind, returnNumber FROM order_actions WHERE storeId = ? AND requestKey = ?",
                                           arguments: [storeID, requestKey]) {
                guard (done["orderId"] as Int64?) == orderID, (done["kind"] as String?) == action.kind else {
                    throw ChatError(.conflict, "This request key was already used for another action.")
                }
                return OrderActionResult(order: order, returnNumber: done["returnNumber"], repeated: true)
            }
            let plan = try policy.plan(action, for: order, returned: try Self.returned(orderID: orderID, db: db), now: now)
            if let status = plan.status {
                try db.execute(sql: "UPDATE orders SET status = ? WHERE id = ?", arguments: [status.rawValue, orderID])
                if status == .cancelled { try SalesLines.undoSale(orderID: orderID, storeID: storeID, at: now, db: db) }
            }
            if let address = plan.address {
                try db.execute(sql: "UPDATE orders SET deliveryAddress = ? WHERE id = ?", arguments: [address, orderID])
            }
            var returnNumber: String?
            if let lines = plan.returnLines {
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM order_returns WHERE storeId = ?", arguments: [storeID]) ?? 0
                returnNumber = "RET-\(1001 + count)"
                let encoded = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
                try db.execute(sql: "INSERT INTO order_returns (storeId, orderId, number, lines, reason, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [storeID, orderID, returnNumber, encoded, plan.reason ?? "", now])
            }
            let note = returnNumber.map { "\(plan.note) — \($0)" } ?? plan.note
            try db.execute(sql: "INSERT INTO order_events (orderId, storeId, status, at, note) VALUES (?, ?, ?, ?, ?)",
                           arguments: [orderID, storeID, plan.eventStatus.rawValue, now, note])
            try db.execute(sql: "INSERT INTO order_actions (storeId, orderId, requestKey, kind, returnNumber, at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [storeID, orderID, requestKey, action.kind, returnNumber, now])
            guard let changed = try SQLiteOrders.order(number: number, storeID: storeID, db: db) else {
                throw ChatError(.internal, "The order was not stored.")
            }
            return OrderActionResult(order: changed, returnNumber: returnNumber, repeated: false)
        }
        if !result.repeated, case .cancel = action { await onRestock(storeID) }
        return result
    }

    public func returnedQuantities(number: String, storeID: Int64) async throws -> [String: Int] {
        try await database.writer.read { db in
            guard let orderID = try Int64.fetchOne(db, sql: "SELECT id FROM orders WHERE storeId = ? AND number = ? COLLATE NOCASE", arguments: [storeID, number])
            else { return [:] }
            return try Self.returned(orderID: orderID, db: db)
        }
    }

    public func returns(number: String, storeID: Int64) async throws -> [OrderReturn] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.number, r.lines, r.reason, r.createdAt FROM order_returns r JOIN orders o ON o.id = r.orderId
                WHERE r.storeId = ? AND o.number = ? COLLATE NOCASE ORDER BY r.id
                """, arguments: [storeID, number]).map { row in
                OrderReturn(number: row["number"], lines: OrderReturn.decodeLines(row["lines"]), reason: row["reason"], createdAt: row["createdAt"])
            }
        }
    }

    /// The quantity of each line already in a return.
    static func returned(orderID: Int64, db: Database) throws -> [String: Int] {
        let stored = try String.fetchAll(db, sql: "SELECT lines FROM order_returns WHERE orderId = ?", arguments: [orderID])
        return OrderReturn.quantities(stored.map(OrderReturn.decodeLines))
    }
}
