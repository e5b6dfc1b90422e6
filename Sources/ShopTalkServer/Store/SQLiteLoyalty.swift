import Foundation
import GRDB
import ShopTalkCore

/// Loyalty points in SQLite: the settings of each store and an append-only ledger whose references are
/// unique per store, so no order earns twice, no week's bonus is paid twice and no redemption is spent
/// twice. SQLite runs write transactions one at a time, so a balance read and the line that spends it
/// are never interleaved with another spender.
public struct SQLiteLoyalty: LoyaltyStore {
    let database: AppDatabase
    /// Called after a redemption commits: its code is a discount, part of the catalog snapshots.
    let onNewCode: @Sendable (Int64) async -> Void

    public init(database: AppDatabase, onNewCode: @escaping @Sendable (Int64) async -> Void = { _ in }) {
        self.database = database
        self.onNewCode = onNewCode
    }

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-loyalty") { db in
            try db.execute(sql: """
                CREATE TABLE loyalty_settings (
                    storeId INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
                    settings TEXT NOT NULL
                )
                """)
            try db.execute(sql: """
                CREATE TABLE points_ledger (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    storeId INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                    email TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    points INTEGER NOT NULL,
                    reference TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    at DATETIME NOT NULL,
                    UNIQUE (storeId, reference)
                )
                """)
            try db.execute(sql: "CREATE INDEX points_ledger_email ON points_ledger (storeId, email)")
            // Append-only: the database refuses to change or remove a line.
            try db.execute(sql: "CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points lines are never changed'); END")
            try db.execute(sql: "CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger WHEN (SELECT COUNT(*) FROM stores WHERE id = old.storeId) > 0 BEGIN SELECT RAISE(ABORT, 'points lines are never deleted'); END")
        }
    }

    public func settings(storeID: Int64) async throws -> LoyaltySettings {
        try await database.writer.read { db in try Self.settings(storeID: storeID, db: db) }
    }

    static func settings(storeID: Int64, db: Database) throws -> LoyaltySettings {
        guard let text = try String.fetchOne(db, sql: "SELECT settings FROM loyalty_settings WHERE storeId = ?", arguments: [storeID]) else { return LoyaltySettings() }
        return (try? JSONDecoder().decode(LoyaltySettings.self, from: Data(text.utf8))) ?? LoyaltySettings()
    }

    public func saveSettings(_ settings: LoyaltySettings, storeID: Int64) async throws {
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO loyalty_settings (storeId, settings) VALUES (?, ?) ON CONFLICT (storeId) DO UPDATE SET settings = excluded.settings",
                           arguments: [storeID, text])
        }
    }

    @discardableResult
    public func sync(storeID: Int64, now: Date) async throws -> Int {
        try await database.writer.write { db in try Self.sync(storeID: storeID, now: now, db: db) }
    }

    static func sync(storeID: Int64, now: Date, db: Database) throws -> Int {
        let settings = try settings(storeID: storeID, db: db)
        var added = 0
        // Every newly delivered order earns in one statement; the arithmetic is `LoyaltySettings.points`'s
        // (a non-negative amount, so truncating is rounding down).
        try db.execute(sql: """
            INSERT OR IGNORE INTO points_ledger (storeId, email, kind, points, reference, note, at)
            SELECT o.storeId, lower(o.email), 'earn', MIN(CAST(MAX(o.totalCents, 0) * ? / 100 AS INTEGER), 2147483647),
                   'earn:' || o.number, 'Order ' || o.number, o.placedAt
            FROM orders o
            WHERE o.storeId = ? AND o.status = 'delivered' AND o.email <> ''
              AND NOT EXISTS (SELECT 1 FROM points_ledger p WHERE p.storeId = o.storeId AND p.reference = 'earn:' || o.number)
            """, arguments: [settings.pointsPerUnit, storeID])
        added += db.changesCount
        added += try takeBackReturns(storeID: storeID, now: now, db: db)
        // What a cancelled or returned order earned, less what its returns already took back.
        let undone = try Row.fetchAll(db, sql: """
            SELECT o.number, o.status, p.email, p.points + COALESCE((
                       SELECT SUM(x.points) FROM order_returns r JOIN points_ledger x ON x.storeId = r.storeId AND x.reference = 'return:' || r.number
                       WHERE r.orderId = o.id), 0) AS points
            FROM orders o
            JOIN points_ledger p ON p.storeId = o.storeId AND p.reference = 'earn:' || o.number
            WHERE o.storeId = ? AND o.status IN ('cancelled', 'returned')
              AND NOT EXISTS (SELECT 1 FROM points_ledger r WHERE r.storeId = o.storeId AND r.reference = 'reverse:' || o.number)
            """, arguments: [storeID])
        for row in undone {
            let number: String = row["number"], email: String = row["email"], points: Int = row["points"], status: String = row["status"]
            let balance = try balance(email: email, storeID: storeID, db: db)
            let taken = min(points, max(0, balance))
            let spent = taken < points ? " (\(points - taken) had been spent)" : ""
            try append(storeID: storeID, email: email, kind: "reverse", points: -taken, reference: "reverse:\(number)",
                       note: "Order \(number) \(status)\(spent)", at: now, db: db)
            added += 1
        }
        return added
    }

    /// Each return not yet counted takes back its share of the points its order earned.
    static func takeBackReturns(storeID: Int64, now: Date, db: Database) throws -> Int {
        let pending = try Row.fetchAll(db, sql: """
            SELECT r.id, r.orderId, r.number, o.number AS orderNumber, p.email, p.points FROM order_returns r
            JOIN orders o ON o.id = r.orderId
            JOIN points_ledger p ON p.storeId = r.storeId AND p.reference = 'earn:' || o.number
            WHERE r.storeId = ? AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.storeId = r.storeId AND x.reference = 'return:' || r.number)
            ORDER BY r.id
            """, arguments: [storeID])
        for row in pending {
            let returnID: Int64 = row["id"], orderID: Int64 = row["orderId"]
            let goods = try Row.fetchAll(db, sql: "SELECT productName, quantity, unitPriceCents FROM order_items WHERE orderId = ? ORDER BY id", arguments: [orderID]).map {
                ReturnPoints.Goods(name: $0["productName"], quantity: $0["quantity"], unitCents: $0["unitPriceCents"])
            }
            let returns = try Row.fetchAll(db, sql: "SELECT id, lines FROM order_returns WHERE orderId = ? AND id <= ?", arguments: [orderID, returnID])
            let lines = { (upTo: Bool) in OrderReturn.quantities(returns.filter { upTo || ($0["id"] as Int64) < returnID }.map { OrderReturn.decodeLines($0["lines"]) }) }
            let email: String = row["email"], number: String = row["number"], orderNumber: String = row["orderNumber"]
            let points = ReturnPoints.points(earned: row["points"], goods: goods, before: lines(false), through: lines(true))
            let taken = min(points, max(0, try balance(email: email, storeID: storeID, db: db)))
            let spent = taken < points ? " (\(points - taken) had been spent)" : ""
            try append(storeID: storeID, email: email, kind: "reverse", points: -taken, reference: "return:\(number)",
                       note: "Return \(number) of order \(orderNumber)\(spent)", at: now, db: db)
        }
        return pending.count
    }

    public func account(email: String, storeID: Int64, limit: Int) async throws -> PointsAccount {
        try await sync(storeID: storeID, now: Date())
        let email = email.lowercased()
        return try await database.writer.read { db in
            let history = try Row.fetchAll(db, sql: """
                SELECT kind, points, reference, note, at FROM points_ledger WHERE storeId = ? AND email = ? ORDER BY id DESC LIMIT ?
                """, arguments: [storeID, email, max(0, min(limit, 500))]).map {
                PointsEntry(kind: $0["kind"], points: $0["points"], reference: $0["reference"], note: $0["note"], at: $0["at"])
            }
            return PointsAccount(email: email, balance: try Self.balance(email: email, storeID: storeID, db: db), history: history)
        }
    }

    public func top(storeID: Int64, limit: Int) async throws -> [PointsHolder] {
        try await sync(storeID: storeID, now: Date())
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.email, SUM(p.points) AS points,
                       (SELECT c.name FROM customers c WHERE c.storeId = p.storeId AND lower(c.email) = p.email AND c.name <> '' LIMIT 1) AS name
                FROM points_ledger p WHERE p.storeId = ? GROUP BY p.email HAVING SUM(p.points) > 0
                ORDER BY points DESC, p.email LIMIT ?
                """, arguments: [storeID, max(1, min(limit, 100))]).map { PointsHolder(email: $0["email"], name: $0["name"], points: $0["points"]) }
        }
    }

    public func outstanding(storeID: Int64) async throws -> (points: Int, customers: Int) {
        try await sync(storeID: storeID, now: Date())
        return try await database.writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(total), 0) AS points, COUNT(*) AS customers
                FROM (SELECT SUM(points) AS total FROM points_ledger WHERE storeId = ? GROUP BY email HAVING SUM(points) > 0)
                """, arguments: [storeID])
            return (row?["points"] ?? 0, row?["customers"] ?? 0)
        }
    }

    public func payWeeklyBonus(storeID: Int64, now: Date) async throws -> Int {
        try await database.writer.write { db in
            let settings = try Self.settings(storeID: storeID, db: db)
            guard settings.bonusTopN > 0, settings.bonusPoints > 0 else { return 0 }
            let (due, weekStart) = settings.lastBonus(before: now)
            let week = "bonus:\(ShopClock.dayString(weekStart)):"
            // Checked first: the service asks every round, and a paid week needs no more work.
            let paid = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM points_ledger WHERE storeId = ? AND kind = 'bonus' AND reference LIKE ? || '%'",
                                        arguments: [storeID, week]) ?? 0
            guard paid == 0 else { return 0 }
            _ = try Self.sync(storeID: storeID, now: now, db: db)
            let winners = try String.fetchAll(db, sql: """
                SELECT email FROM points_ledger WHERE storeId = ? AND kind = 'earn' AND at >= ? AND at < ?
                GROUP BY email HAVING SUM(points) > 0 ORDER BY SUM(points) DESC, email LIMIT ?
                """, arguments: [storeID, weekStart, due, settings.bonusTopN])
            for (rank, email) in winners.enumerated() {
                try Self.append(storeID: storeID, email: email, kind: "bonus", points: settings.bonusPoints, reference: week + email,
                                note: "Weekly bonus: #\(rank + 1) shopper of the week from \(ShopClock.dayString(weekStart))", at: due, db: db)
            }
            return winners.count
        }
    }

    public func redeem(points: Int, email: String, storeID: Int64, requestKey: String, now: Date) async throws -> PointsRedemption {
        let email = email.lowercased()
        let result = try await database.writer.write { db -> PointsRedemption in
            _ = try Self.sync(storeID: storeID, now: now, db: db)
            let settings = try Self.settings(storeID: storeID, db: db)
            if let done = try Row.fetchOne(db, sql: "SELECT email, points, note FROM points_ledger WHERE storeId = ? AND reference = ?",
                                           arguments: [storeID, "redeem:\(requestKey)"]) {
                guard (done["email"] as String) == email else { throw ChatError(.conflict, "This request key was already used.") }
                let spent = -(done["points"] as Int)
                return PointsRedemption(code: done["note"], points: spent, value: LoyaltyRules.value(of: spent, settings),
                                        balance: try Self.balance(email: email, storeID: storeID, db: db), repeated: true)
            }
            let balance = try Self.balance(email: email, storeID: storeID, db: db)
            let value = try LoyaltyRules.check(points: points, balance: balance, settings)
            let code = LoyaltyRules.newCode()
            try db.execute(sql: """
                INSERT INTO discounts (storeId, code, description, kind, amountOffCents, usageLimit, usedCount, isActive)
                VALUES (?, ?, ?, 'fixed_amount', ?, 1, 0, 1)
                """, arguments: [storeID, code, "\(points) points redeemed", value.cents])
            try Self.append(storeID: storeID, email: email, kind: "redeem", points: -points, reference: "redeem:\(requestKey)", note: code, at: now, db: db)
            return PointsRedemption(code: code, points: points, value: value, balance: balance - points, repeated: false)
        }
        if !result.repeated { await onNewCode(storeID) }
        return result
    }

    static func balance(email: String, storeID: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE storeId = ? AND email = ?", arguments: [storeID, email]) ?? 0
    }

    static func append(storeID: Int64, email: String, kind: String, points: Int, reference: String, note: String, at: Date, db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO points_ledger (storeId, email, kind, points, reference, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [storeID, email, kind, points, reference, note, at])
    }
}
