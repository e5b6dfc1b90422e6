import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// Loyalty points in PostgreSQL, as on SQLite: settings per store and an append-only ledger with unique
/// references. Every write (bringing the ledger up to date, a bonus, a redemption) holds the store's
/// row lock, so instances take turns on one store's ledger and a balance is never spent twice.
public struct PostgresLoyalty: LoyaltyStore {
    let database: PostgresAppDatabase
    let catalog: PostgresCatalog

    public init(database: PostgresAppDatabase, catalog: PostgresCatalog) {
        self.database = database
        self.catalog = catalog
    }

    static let migration = PostgresMigration(name: "pg12-loyalty", statements: [
        "CREATE TABLE loyalty_settings (store_id bigint PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE, settings text NOT NULL)",
        """
        CREATE TABLE points_ledger (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            email text NOT NULL,
            kind text NOT NULL,
            points bigint NOT NULL,
            reference text NOT NULL,
            note text NOT NULL DEFAULT '',
            at timestamptz NOT NULL,
            UNIQUE (store_id, reference)
        )
        """,
        "CREATE INDEX points_ledger_email ON points_ledger (store_id, email)",
        """
        CREATE FUNCTION points_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'points lines are never changed or deleted'; END $$
        """,
        "CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only()",
    ])

    public func settings(storeID: Int64) async throws -> LoyaltySettings {
        let logger = database.logger
        return try await database.transaction { try await Self.settings(storeID: storeID, on: $0, logger: logger) }
    }

    static func settings(storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> LoyaltySettings {
        guard let text = try await connection.rows("SELECT settings FROM loyalty_settings WHERE store_id = \(storeID)", logger: logger).first?.decode(String.self)
        else { return LoyaltySettings() }
        return (try? JSONDecoder().decode(LoyaltySettings.self, from: Data(text.utf8))) ?? LoyaltySettings()
    }

    public func saveSettings(_ settings: LoyaltySettings, storeID: Int64) async throws {
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.rows("""
            INSERT INTO loyalty_settings (store_id, settings) VALUES (\(storeID), \(text))
            ON CONFLICT (store_id) DO UPDATE SET settings = EXCLUDED.settings
            """)
    }

    @discardableResult
    public func sync(storeID: Int64, now: Date) async throws -> Int {
        let logger = database.logger
        return try await database.transaction { try await Self.sync(storeID: storeID, now: now, on: $0, logger: logger) }
    }

    static func sync(storeID: Int64, now: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.rows("SELECT id FROM stores WHERE id = \(storeID) FOR UPDATE", logger: logger)
        let settings = try await settings(storeID: storeID, on: connection, logger: logger)
        var added = 0
        // Every newly delivered order earns in one statement (an instance starting on a large store
        // would otherwise make one round trip per order).
        let earned = try await connection.rows("""
            INSERT INTO points_ledger (store_id, email, kind, points, reference, note, at)
            SELECT o.store_id, lower(o.email), 'earn', LEAST(floor(GREATEST(o.total_cents, 0) * \(settings.pointsPerUnit)::float8 / 100), 2147483647)::bigint,
                   'earn:' || o.number, 'Order ' || o.number, o.placed_at
            FROM orders o
            WHERE o.store_id = \(storeID) AND o.status = 'delivered' AND o.email <> ''
              AND NOT EXISTS (SELECT 1 FROM points_ledger p WHERE p.store_id = o.store_id AND p.reference = 'earn:' || o.number)
            ON CONFLICT (store_id, reference) DO NOTHING
            RETURNING 1
            """, logger: logger)
        added += earned.count
        added += try await takeBackReturns(storeID: storeID, now: now, on: connection, logger: logger)
        // What a cancelled or returned order earned, less what its returns already took back.
        let undone = try await connection.rows("""
            SELECT o.number, o.status, p.email, (p.points + COALESCE((
                       SELECT SUM(x.points) FROM order_returns r JOIN points_ledger x ON x.store_id = r.store_id AND x.reference = 'return:' || r.number
                       WHERE r.order_id = o.id), 0))::bigint
            FROM orders o
            JOIN points_ledger p ON p.store_id = o.store_id AND p.reference = 'earn:' || o.number
            WHERE o.store_id = \(storeID) AND o.status IN ('cancelled', 'returned')
              AND NOT EXISTS (SELECT 1 FROM points_ledger r WHERE r.store_id = o.store_id AND r.reference = 'reverse:' || o.number)
            """, logger: logger)
        for row in undone {
            let (number, status, email, points) = try row.decode((String, String, String, Int).self)
            let balance = try await balance(email: email, storeID: storeID, on: connection, logger: logger)
            let taken = min(points, max(0, balance))
            let spent = taken < points ? " (\(points - taken) had been spent)" : ""
            try await append(storeID: storeID, email: email, kind: "reverse", points: -taken, reference: "reverse:\(number)",
                             note: "Order \(number) \(status)\(spent)", at: now, on: connection, logger: logger)
            added += 1
        }
        return added
    }

    /// Each return not yet counted takes back its share of the points its order earned.
    static func takeBackReturns(storeID: Int64, now: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let pending = try await connection.rows("""
            SELECT r.id, r.order_id, r.number, o.number, p.email, p.points FROM order_returns r
            JOIN orders o ON o.id = r.order_id
            JOIN points_ledger p ON p.store_id = r.store_id AND p.reference = 'earn:' || o.number
            WHERE r.store_id = \(storeID) AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.store_id = r.store_id AND x.reference = 'return:' || r.number)
            ORDER BY r.id
            """, logger: logger).map { try $0.decode((Int64, Int64, String, String, String, Int).self) }
        for (returnID, orderID, number, orderNumber, email, earned) in pending {
            let goods = try await connection.rows("""
                SELECT product_name, quantity, unit_price_cents FROM order_items WHERE order_id = \(orderID) ORDER BY id
                """, logger: logger).map { row in
                let (name, quantity, unit) = try row.decode((String, Int, Int64).self)
                return ReturnPoints.Goods(name: name, quantity: quantity, unitCents: unit)
            }
            let returns = try await connection.rows("SELECT id, lines FROM order_returns WHERE order_id = \(orderID) AND id <= \(returnID)", logger: logger)
                .map { try $0.decode((Int64, String).self) }
            let lines = { (upTo: Bool) in OrderReturn.quantities(returns.filter { upTo || $0.0 < returnID }.map { OrderReturn.decodeLines($0.1) }) }
            let points = ReturnPoints.points(earned: earned, goods: goods, before: lines(false), through: lines(true))
            let taken = min(points, max(0, try await balance(email: email, storeID: storeID, on: connection, logger: logger)))
            let spent = taken < points ? " (\(points - taken) had been spent)" : ""
            try await append(storeID: storeID, email: email, kind: "reverse", points: -taken, reference: "return:\(number)",
                             note: "Return \(number) of order \(orderNumber)\(spent)", at: now, on: connection, logger: logger)
        }
        return pending.count
    }

    public func account(email: String, storeID: Int64, limit: Int) async throws -> PointsAccount {
        try await sync(storeID: storeID, now: Date())
        let email = email.lowercased()
        let logger = database.logger
        return try await database.transaction { connection in
            let history = try await connection.rows("""
                SELECT kind, points, reference, note, at FROM points_ledger WHERE store_id = \(storeID) AND email = \(email)
                ORDER BY id DESC LIMIT \(max(0, min(limit, 500)))
                """, logger: logger).map { row in
                let (kind, points, reference, note, at) = try row.decode((String, Int, String, String, Date).self)
                return PointsEntry(kind: kind, points: points, reference: reference, note: note, at: at)
            }
            return PointsAccount(email: email, balance: try await Self.balance(email: email, storeID: storeID, on: connection, logger: logger), history: history)
        }
    }

    public func top(storeID: Int64, limit: Int) async throws -> [PointsHolder] {
        try await sync(storeID: storeID, now: Date())
        return try await database.rows("""
            SELECT p.email, SUM(p.points)::bigint AS total,
                   (SELECT c.name FROM customers c WHERE c.store_id = p.store_id AND lower(c.email) = p.email AND c.name <> '' LIMIT 1)
            FROM points_ledger p WHERE p.store_id = \(storeID) GROUP BY p.store_id, p.email HAVING SUM(p.points) > 0
            ORDER BY total DESC, p.email LIMIT \(max(1, min(limit, 100)))
            """).map { row in
            let (email, points, name) = try row.decode((String, Int, String?).self)
            return PointsHolder(email: email, name: name, points: points)
        }
    }

    public func outstanding(storeID: Int64) async throws -> (points: Int, customers: Int) {
        try await sync(storeID: storeID, now: Date())
        let row = try await database.rows("""
            SELECT COALESCE(SUM(total), 0)::bigint, COUNT(*)::bigint
            FROM (SELECT SUM(points) AS total FROM points_ledger WHERE store_id = \(storeID) GROUP BY email HAVING SUM(points) > 0) held
            """).first
        return try row?.decode((Int, Int).self) ?? (0, 0)
    }

    public func payWeeklyBonus(storeID: Int64, now: Date) async throws -> Int {
        let logger = database.logger
        return try await database.transaction { connection in
            let settings = try await Self.settings(storeID: storeID, on: connection, logger: logger)
            guard settings.bonusTopN > 0, settings.bonusPoints > 0 else { return 0 }
            let (due, weekStart) = settings.lastBonus(before: now)
            let week = "bonus:\(ShopClock.dayString(weekStart)):"
            func paid() async throws -> Bool {
                try await !connection.rows("""
                    SELECT 1 FROM points_ledger WHERE store_id = \(storeID) AND kind = 'bonus' AND starts_with(reference, \(week)) LIMIT 1
                    """, logger: logger).isEmpty
            }
            // Checked before the store's lock (every instance asks every round), and again under it.
            guard try await !paid() else { return 0 }
            _ = try await Self.sync(storeID: storeID, now: now, on: connection, logger: logger)
            guard try await !paid() else { return 0 }
            let winners = try await connection.rows("""
                SELECT email FROM points_ledger WHERE store_id = \(storeID) AND kind = 'earn' AND at >= \(weekStart) AND at < \(due)
                GROUP BY email HAVING SUM(points) > 0 ORDER BY SUM(points) DESC, email LIMIT \(settings.bonusTopN)
                """, logger: logger).map { try $0.decode(String.self) }
            for (rank, email) in winners.enumerated() {
                try await Self.append(storeID: storeID, email: email, kind: "bonus", points: settings.bonusPoints, reference: week + email,
                                      note: "Weekly bonus: #\(rank + 1) shopper of the week from \(ShopClock.dayString(weekStart))",
                                      at: due, on: connection, logger: logger)
            }
            return winners.count
        }
    }

    public func redeem(points: Int, email: String, storeID: Int64, requestKey: String, now: Date) async throws -> PointsRedemption {
        let email = email.lowercased()
        let logger = database.logger
        let outbox = catalog.outbox
        let result = try await database.transaction { connection -> PointsRedemption in
            _ = try await Self.sync(storeID: storeID, now: now, on: connection, logger: logger)
            let settings = try await Self.settings(storeID: storeID, on: connection, logger: logger)
            if let done = try await connection.rows("""
                SELECT email, points, note FROM points_ledger WHERE store_id = \(storeID) AND reference = \("redeem:\(requestKey)")
                """, logger: logger).first {
                let (owner, spent, code) = try done.decode((String, Int, String).self)
                guard owner == email else { throw ChatError(.conflict, "This request key was already used.") }
                return PointsRedemption(code: code, points: -spent, value: LoyaltyRules.value(of: -spent, settings),
                                        balance: try await Self.balance(email: email, storeID: storeID, on: connection, logger: logger), repeated: true)
            }
            let balance = try await Self.balance(email: email, storeID: storeID, on: connection, logger: logger)
            let value = try LoyaltyRules.check(points: points, balance: balance, settings)
            let code = LoyaltyRules.newCode()
            try await connection.rows("""
                INSERT INTO discounts (store_id, code, description, kind, amount_off_cents, usage_limit, used_count, is_active)
                VALUES (\(storeID), \(code), \("\(points) points redeemed"), 'fixed_amount', \(value.cents), 1, 0, true)
                """, logger: logger)
            try await outbox?.append(kind: PostgresCatalog.changedEvent, storeID: storeID, payload: "{}", on: connection)
            try await Self.append(storeID: storeID, email: email, kind: "redeem", points: -points, reference: "redeem:\(requestKey)",
                                  note: code, at: now, on: connection, logger: logger)
            return PointsRedemption(code: code, points: points, value: value, balance: balance - points, repeated: false)
        }
        if !result.repeated { catalog.snapshots.invalidate(storeID: storeID) }
        return result
    }

    static func balance(email: String, storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.rows("""
            SELECT COALESCE(SUM(points), 0)::bigint FROM points_ledger WHERE store_id = \(storeID) AND email = \(email)
            """, logger: logger).first?.decode(Int.self) ?? 0
    }

    static func append(storeID: Int64, email: String, kind: String, points: Int, reference: String, note: String, at: Date,
                       on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.rows("""
            INSERT INTO points_ledger (store_id, email, kind, points, reference, note, at)
            VALUES (\(storeID), \(email), \(kind), \(points), \(reference), \(note), \(at)) ON CONFLICT (store_id, reference) DO NOTHING
            """, logger: logger)
    }
}
