import Foundation
import GRDB
import ShopTalkCore

/// The AI-credits ledger of every store, in SQLite. The balance is the sum of the ledger: grants and
/// purchases are positive, charges negative. A call first reserves its price as a hold (a negative
/// entry), which becomes the charge on success or drops to zero on failure, so the balance can never go
/// negative even with many calls at once: each reservation is checked and written in one serialized
/// write transaction. Request ids are unique per store, so a retried request is never charged twice.
/// Amounts are in thousandths of a credit.
public struct CreditLedger: AICredits {
    /// Prices and limits, per store.
    public struct Policy: Sendable {
        public var prices: [AIFeature: Int] = [.ownerQuery: 500, .productDescription: 100, .fallbackChat: 200]
        public var dailyCap = 100_000
        public var monthlyCap = 2_000_000
        public var callsPerMinute = 60
        public var lowBalanceThreshold = 10_000
        public var grantLifetime: TimeInterval = 182 * 86_400

        public init() {}
    }

    /// A balance crossing to report to owners.
    public struct Alert: Sendable, Encodable {
        public let kind: String
        public let balance: Double
        public let threshold: Double
    }

    let database: AppDatabase
    let policy: Policy
    let clock: ShopClock
    /// Called with each alert as it is recorded.
    let onAlert: @Sendable (Int64, Alert) -> Void

    public init(database: AppDatabase, policy: Policy = Policy(), clock: ShopClock, onAlert: @escaping @Sendable (Int64, Alert) -> Void = { _, _ in }) {
        self.database = database
        self.policy = policy
        self.clock = clock
        self.onAlert = onAlert
    }

    public func reserve(storeID: Int64, requestID: String, feature: AIFeature) async throws {
        let price = policy.prices[feature] ?? 0
        let now = clock.now()
        let policy = self.policy
        try await database.writer.write { db in
            try Self.expire(storeID: storeID, now: now, db: db)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credit_ledger WHERE storeId = ? AND requestId = ?", arguments: [storeID, requestID]) ?? 0 > 0 {
                throw CreditRefusal(.duplicate, "Request \(requestID) was already made.")
            }
            let balance = try Self.balance(storeID: storeID, db: db)
            guard balance >= price else {
                throw CreditRefusal(.insufficientBalance, "Not enough AI credits: \(Self.credits(balance)) left, this needs \(Self.credits(price)).")
            }
            let dayStart = ShopClock.calendar.startOfDay(for: now)
            let monthStart = ShopClock.calendar.date(from: ShopClock.calendar.dateComponents([.year, .month], from: now))!
            let spentToday = try Self.spent(storeID: storeID, since: dayStart, db: db)
            guard spentToday + price <= policy.dailyCap else {
                throw CreditRefusal(.dailyCap, "Today's AI budget of \(Self.credits(policy.dailyCap)) credits is used up.")
            }
            guard try Self.spent(storeID: storeID, since: monthStart, db: db) + price <= policy.monthlyCap else {
                throw CreditRefusal(.monthlyCap, "This month's AI budget of \(Self.credits(policy.monthlyCap)) credits is used up.")
            }
            let recent = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM credit_ledger WHERE storeId = ? AND kind IN ('hold', 'charge', 'failed') AND createdAt >= ?
                """, arguments: [storeID, now.addingTimeInterval(-60)]) ?? 0
            guard recent < policy.callsPerMinute else {
                throw CreditRefusal(.rateLimited, "Too many AI calls this minute (limit \(policy.callsPerMinute)).")
            }
            try db.execute(sql: """
                INSERT INTO credit_ledger (storeId, requestId, kind, feature, millicredits, success, createdAt)
                VALUES (?, ?, 'hold', ?, ?, 0, ?)
                """, arguments: [storeID, requestID, feature.rawValue, -price, now])
        }
    }

    public func settle(storeID: Int64, requestID: String, usage: AIUsage?) async throws {
        let now = clock.now()
        let threshold = policy.lowBalanceThreshold
        let alerts = try await database.writer.write { db -> [Alert] in
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, millicredits FROM credit_ledger WHERE storeId = ? AND requestId = ?", arguments: [storeID, requestID]),
                  row["kind"] as String == "hold"
            else { return [] }  // settled already: settling is idempotent too
            guard let usage else {
                try db.execute(sql: "UPDATE credit_ledger SET kind = 'failed', millicredits = 0, success = 0 WHERE storeId = ? AND requestId = ?",
                               arguments: [storeID, requestID])
                return []
            }
            try db.execute(sql: """
                UPDATE credit_ledger SET kind = 'charge', success = 1, tokensIn = ?, tokensOut = ?, providerCostMicros = ?, latencyMs = ?, model = ?
                WHERE storeId = ? AND requestId = ?
                """, arguments: [usage.promptTokens, usage.completionTokens, usage.providerCostMicros, usage.latencyMs, usage.model, storeID, requestID])
            let after = try Self.balance(storeID: storeID, db: db)
            let before = after - (row["millicredits"] as Int)
            var alerts: [Alert] = []
            if before > threshold && after <= threshold && after > 0 {
                alerts.append(Alert(kind: "credits_low", balance: Double(after) / 1000, threshold: Double(threshold) / 1000))
            }
            if before > 0 && after <= 0 {
                alerts.append(Alert(kind: "credits_depleted", balance: Double(after) / 1000, threshold: 0))
            }
            for alert in alerts {
                try db.execute(sql: "INSERT INTO credit_alerts (storeId, kind, balanceMillicredits, createdAt) VALUES (?, ?, ?, ?)",
                               arguments: [storeID, alert.kind, after, now])
            }
            return alerts
        }
        for alert in alerts { onAlert(storeID, alert) }
    }

    /// Adds credits that expire after the policy's grant lifetime (or `expiresAt`).
    public func grant(storeID: Int64, millicredits: Int, requestID: String, expiresAt: Date? = nil) async throws {
        let now = clock.now()
        let expiry = expiresAt ?? now.addingTimeInterval(policy.grantLifetime)
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO credit_ledger (storeId, requestId, kind, millicredits, success, expiresAt, createdAt)
                VALUES (?, ?, 'grant', ?, 1, ?, ?)
                """, arguments: [storeID, requestID, millicredits, expiry, now])
        }
    }

    /// The balance in thousandths of a credit, after removing expired credits.
    public func balance(storeID: Int64) async throws -> Int {
        let now = clock.now()
        return try await database.writer.write { db in
            try Self.expire(storeID: storeID, now: now, db: db)
            return try Self.balance(storeID: storeID, db: db)
        }
    }

    /// Holds left by a process that died mid-call: they charged nothing and are marked failed.
    public func releaseStaleHolds(olderThan age: TimeInterval) async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-age)
        return try await database.writer.write { db in
            try db.execute(sql: "UPDATE credit_ledger SET kind = 'failed', millicredits = 0 WHERE kind = 'hold' AND createdAt < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    static func balance(storeID: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(millicredits), 0) FROM credit_ledger WHERE storeId = ?", arguments: [storeID]) ?? 0
    }

    static func spent(storeID: Int64, since: Date, db: Database) throws -> Int {
        -(try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(millicredits), 0) FROM credit_ledger WHERE storeId = ? AND kind IN ('hold', 'charge') AND createdAt >= ?
            """, arguments: [storeID, since]) ?? 0)
    }

    /// Expired grants leave the balance through explicit `expiry` entries. Spending uses the oldest
    /// credits first, so an expired grant takes with it only what was not spent before it expired.
    static func expire(storeID: Int64, now: Date, db: Database) throws {
        let grants = try Row.fetchAll(db, sql: """
            SELECT id, millicredits, expiresAt FROM credit_ledger WHERE storeId = ? AND kind IN ('grant', 'purchase') ORDER BY COALESCE(expiresAt, '9999'), id
            """, arguments: [storeID])
        guard grants.contains(where: { ($0["expiresAt"] as Date?).map { $0 <= now } ?? false }) else { return }
        // Spending is allocated to grants soonest-expiring first.
        var spend = -(try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(millicredits), 0) FROM credit_ledger WHERE storeId = ? AND kind IN ('hold', 'charge')
            """, arguments: [storeID]) ?? 0)
        for grant in grants {
            let amount: Int = grant["millicredits"]
            let id: Int64 = grant["id"]
            if let expired = try Int.fetchOne(db, sql: "SELECT -millicredits FROM credit_ledger WHERE storeId = ? AND requestId = ?",
                                              arguments: [storeID, "expiry:\(id)"]) {
                // Expired already: it keeps the spending it had then.
                spend = max(0, spend - (amount - expired))
                continue
            }
            let consumed = min(amount, max(0, spend))
            spend = max(0, spend - consumed)
            guard let expiresAt = grant["expiresAt"] as Date?, expiresAt <= now else { continue }
            let remainder = amount - consumed
            guard remainder > 0 else { continue }
            try db.execute(sql: """
                INSERT OR IGNORE INTO credit_ledger (storeId, requestId, kind, millicredits, success, createdAt)
                VALUES (?, ?, 'expiry', ?, 1, ?)
                """, arguments: [storeID, "expiry:\(id)", -remainder, now])
        }
    }

    static func credits(_ millicredits: Int) -> String {
        let value = Double(millicredits) / 1000
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
