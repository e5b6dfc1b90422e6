import Foundation
import GRDB
import ShopTalkCore

/// The AI-credits ledger of every store, in SQLite. The balance is the sum of the ledger: grants and
/// purchases are positive, charges negative. A call first reserves its price as a hold (a negative
/// entry), which becomes the charge on success or drops to zero on failure, so the balance can never go
/// negative even with many calls at once: each reservation is checked and written in one serialized
/// write transaction. Request ids are unique per store, so a retried request is never charged twice.
/// Amounts are in thousandths of a credit.
public struct CreditLedger: CreditBook {
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
            let periods = CreditRules.periodStarts(now)
            let recent = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM credit_ledger WHERE storeId = ? AND kind IN ('hold', 'charge', 'failed') AND createdAt >= ?
                """, arguments: [storeID, now.addingTimeInterval(-60)]) ?? 0
            if let refusal = CreditRules.refusal(
                policy: policy, price: price, balance: try Self.balance(storeID: storeID, db: db),
                spentToday: try Self.spent(storeID: storeID, since: periods.day, db: db),
                spentThisMonth: try Self.spent(storeID: storeID, since: periods.month, db: db), callsThisMinute: recent
            ) {
                throw refusal
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
            let alerts = CreditRules.crossings(before: after - (row["millicredits"] as Int), after: after, threshold: threshold)
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

    /// Expired grants leave the balance through explicit `expiry` entries (CreditRules.expiries).
    static func expire(storeID: Int64, now: Date, db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.id, g.millicredits, g.expiresAt, -e.millicredits AS expired FROM credit_ledger g
            LEFT JOIN credit_ledger e ON e.storeId = g.storeId AND e.requestId = 'expiry:' || g.id
            WHERE g.storeId = ? AND g.kind IN ('grant', 'purchase') ORDER BY COALESCE(g.expiresAt, '9999'), g.id
            """, arguments: [storeID])
        guard rows.contains(where: { ($0["expiresAt"] as Date?).map { $0 <= now } ?? false }) else { return }
        let grants = rows.map { CreditRules.Grant(id: $0["id"], millicredits: $0["millicredits"], expiresAt: $0["expiresAt"], expired: $0["expired"]) }
        let spent = -(try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(millicredits), 0) FROM credit_ledger WHERE storeId = ? AND kind IN ('hold', 'charge')
            """, arguments: [storeID]) ?? 0)
        for entry in CreditRules.expiries(grants: grants, spent: spent, now: now) {
            try db.execute(sql: """
                INSERT OR IGNORE INTO credit_ledger (storeId, requestId, kind, millicredits, success, createdAt)
                VALUES (?, ?, 'expiry', ?, 1, ?)
                """, arguments: [storeID, "expiry:\(entry.grantID)", -entry.millicredits, now])
        }
    }
}

extension CreditLedger: CreditsReport {
    public func usage(storeID: Int64, from: String, to: String) async throws -> CreditUsage {
        guard let start = ShopClock.parseDay(from), let end = ShopClock.parseDay(to) else {
            return CreditUsage(from: from, to: to, features: [], days: [])
        }
        let until = end.addingTimeInterval(86_400)
        return try await database.writer.read { db in
            let features = try Row.fetchAll(db, sql: """
                SELECT feature, SUM(CASE WHEN kind = 'charge' THEN 1 ELSE 0 END) AS calls, SUM(CASE WHEN kind = 'failed' THEN 1 ELSE 0 END) AS failed,
                    -SUM(CASE WHEN kind = 'charge' THEN millicredits ELSE 0 END) AS spent, COALESCE(SUM(providerCostMicros), 0) AS cost
                FROM credit_ledger WHERE storeId = ? AND kind IN ('charge', 'failed') AND createdAt >= ? AND createdAt < ?
                GROUP BY feature ORDER BY feature
                """, arguments: [storeID, start, until]).map { row in
                CreditUsage.Feature(feature: row["feature"] ?? "", calls: row["calls"], failedCalls: row["failed"],
                                    credits: Double(row["spent"] as Int) / 1000, providerCost: Double(row["cost"] as Int) / 1_000_000)
            }
            let days = try Row.fetchAll(db, sql: """
                SELECT substr(createdAt, 1, 10) AS day, -SUM(millicredits) AS spent FROM credit_ledger
                WHERE storeId = ? AND kind = 'charge' AND createdAt >= ? AND createdAt < ? GROUP BY day ORDER BY day
                """, arguments: [storeID, start, until]).map { CreditUsage.Day(day: $0["day"], credits: Double($0["spent"] as Int) / 1000) }
            return CreditUsage(from: from, to: to, features: features, days: days)
        }
    }

    /// The most recent ledger entries, newest first.
    public func recent(storeID: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT requestId, kind, feature, millicredits, tokensIn, tokensOut, latencyMs, model, success, expiresAt, createdAt
                FROM credit_ledger WHERE storeId = ? ORDER BY id DESC LIMIT ?
                """, arguments: [storeID, limit]).map { row in
                LedgerEntry(requestId: row["requestId"], kind: row["kind"], feature: row["feature"], credits: Double(row["millicredits"] as Int) / 1000,
                            tokensIn: row["tokensIn"], tokensOut: row["tokensOut"], latencyMs: row["latencyMs"], model: row["model"],
                            success: row["success"], expiresAt: row["expiresAt"], createdAt: row["createdAt"])
            }
        }
    }

    /// A ledger line as the REST API shows it.
    public struct LedgerEntry: Sendable, Encodable {
        public let requestId: String
        public let kind: String
        public let feature: String?
        public let credits: Double
        public let tokensIn: Int?
        public let tokensOut: Int?
        public let latencyMs: Int?
        public let model: String?
        public let success: Bool
        public let expiresAt: Date?
        public let createdAt: Date
    }

    /// Records a purchase as pending; its credits are added only when it completes.
    public func createPurchase(storeID: Int64, reference: String, amountPaidCents: Int, currency: String, millicredits: Int, bonus: Int) async throws {
        let now = clock.now()
        try await database.writer.write { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credit_purchases WHERE storeId = ? AND reference = ?", arguments: [storeID, reference]) ?? 0 > 0 {
                throw ChatError(.conflict, "A purchase with reference \(reference) already exists.")
            }
            try db.execute(sql: """
                INSERT INTO credit_purchases (storeId, reference, amountPaidCents, currency, millicredits, bonusMillicredits, status, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """, arguments: [storeID, reference, amountPaidCents, currency, millicredits, bonus, now, now])
        }
    }

    /// Completes or fails a pending purchase; completing adds its credits (and bonus) once.
    public func finishPurchase(storeID: Int64, reference: String, completed: Bool) async throws -> String {
        let now = clock.now()
        let lifetime = policy.grantLifetime
        return try await database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, millicredits, bonusMillicredits FROM credit_purchases WHERE storeId = ? AND reference = ?",
                                             arguments: [storeID, reference]) else {
                throw ChatError(.notFound, "There is no purchase \(reference).")
            }
            let status: String = row["status"]
            guard status == "pending" else {
                if (status == "completed") == completed { return status }
                throw ChatError(.invalid, "The purchase is already \(status).", fields: ["status": "purchase is already \(status)"])
            }
            let next = completed ? "completed" : "failed"
            try db.execute(sql: "UPDATE credit_purchases SET status = ?, updatedAt = ? WHERE storeId = ? AND reference = ?", arguments: [next, now, storeID, reference])
            if completed {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO credit_ledger (storeId, requestId, kind, millicredits, success, expiresAt, createdAt)
                    VALUES (?, ?, 'purchase', ?, 1, ?, ?)
                    """, arguments: [storeID, "purchase:\(reference)", (row["millicredits"] as Int) + (row["bonusMillicredits"] as Int), now.addingTimeInterval(lifetime), now])
            }
            return next
        }
    }
}
