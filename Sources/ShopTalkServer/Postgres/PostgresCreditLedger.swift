import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// The AI-credits ledger on PostgreSQL, for any number of instances on one database. It keeps the same
/// books as `CreditLedger` (holds, charges, failed calls, grants, purchases, expiry entries; amounts in
/// thousandths of a credit) and asks the same `CreditRules`. Each store's ledger transactions take turns
/// on an advisory lock held until commit, so a balance is checked and a hold written as one step however
/// many instances charge at once; `(store_id, request_id)` is unique, so a retried request is never
/// charged twice, and a hold whose instance died is released by `releaseStaleHolds`.
public struct PostgresCreditLedger: CreditBook {
    let database: PostgresAppDatabase
    let policy: CreditLedger.Policy
    let clock: ShopClock
    /// Called with each alert as it is recorded.
    let onAlert: @Sendable (Int64, CreditLedger.Alert) -> Void

    public init(database: PostgresAppDatabase, policy: CreditLedger.Policy = .init(), clock: ShopClock,
                onAlert: @escaping @Sendable (Int64, CreditLedger.Alert) -> Void = { _, _ in }) {
        self.database = database
        self.policy = policy
        self.clock = clock
        self.onAlert = onAlert
    }

    public func reserve(storeID: Int64, requestID: String, feature: AIFeature) async throws {
        let price = policy.prices[feature] ?? 0
        let now = clock.now()
        let policy = self.policy
        let logger = database.logger
        try await database.transaction { connection in
            try await Self.lock(storeID: storeID, connection, logger)
            try await Self.expire(storeID: storeID, now: now, connection, logger)
            let taken = try await Self.int(connection, logger, "SELECT count(*) FROM credit_ledger WHERE store_id = \(storeID) AND request_id = \(requestID)")
            if taken > 0 { throw CreditRefusal(.duplicate, "Request \(requestID) was already made.") }
            let periods = CreditRules.periodStarts(now)
            let minuteAgo = now.addingTimeInterval(-60)
            let figures = try await connection.query("""
                SELECT COALESCE(SUM(millicredits), 0)::bigint,
                    COALESCE(-SUM(millicredits) FILTER (WHERE kind IN ('hold', 'charge') AND created_at >= \(periods.day)), 0)::bigint,
                    COALESCE(-SUM(millicredits) FILTER (WHERE kind IN ('hold', 'charge') AND created_at >= \(periods.month)), 0)::bigint,
                    count(*) FILTER (WHERE kind IN ('hold', 'charge', 'failed') AND created_at >= \(minuteAgo))
                FROM credit_ledger WHERE store_id = \(storeID)
                """, logger: logger).collect()
            guard let row = figures.first else { return }
            let (balance, today, month, calls) = try row.decode((Int, Int, Int, Int).self)
            if let refusal = CreditRules.refusal(policy: policy, price: price, balance: balance, spentToday: today,
                                                 spentThisMonth: month, callsThisMinute: calls) {
                throw refusal
            }
            try await connection.rows("""
                INSERT INTO credit_ledger (store_id, request_id, kind, feature, millicredits, success, created_at)
                VALUES (\(storeID), \(requestID), 'hold', \(feature.rawValue), \(-price), false, \(now))
                """, logger: logger)
        }
    }

    public func settle(storeID: Int64, requestID: String, usage: AIUsage?) async throws {
        let now = clock.now()
        let threshold = policy.lowBalanceThreshold
        let logger = database.logger
        let alerts = try await database.transaction { connection -> [CreditLedger.Alert] in
            try await Self.lock(storeID: storeID, connection, logger)
            let held = try await connection.query(
                "SELECT kind, millicredits FROM credit_ledger WHERE store_id = \(storeID) AND request_id = \(requestID)", logger: logger
            ).collect()
            guard let row = held.first, let (kind, amount) = try? row.decode((String, Int).self), kind == LedgerKind.hold.rawValue else {
                return []  // settled already: settling is idempotent too
            }
            guard let usage else {
                try await connection.rows("""
                    UPDATE credit_ledger SET kind = 'failed', millicredits = 0, success = false WHERE store_id = \(storeID) AND request_id = \(requestID)
                    """, logger: logger)
                return []
            }
            try await connection.rows("""
                UPDATE credit_ledger SET kind = 'charge', success = true, tokens_in = \(usage.promptTokens), tokens_out = \(usage.completionTokens),
                    provider_cost_micros = \(usage.providerCostMicros), latency_ms = \(usage.latencyMs), model = \(usage.model)
                WHERE store_id = \(storeID) AND request_id = \(requestID)
                """, logger: logger)
            let after = try await Self.balance(storeID: storeID, connection, logger)
            let alerts = CreditRules.crossings(before: after - amount, after: after, threshold: threshold)
            for alert in alerts {
                try await connection.rows("""
                    INSERT INTO credit_alerts (store_id, kind, balance_millicredits, created_at) VALUES (\(storeID), \(alert.kind), \(after), \(now))
                    """, logger: logger)
            }
            return alerts
        }
        for alert in alerts { onAlert(storeID, alert) }
    }

    public func grant(storeID: Int64, millicredits: Int, requestID: String, expiresAt: Date? = nil) async throws {
        let now = clock.now()
        let expiry = expiresAt ?? now.addingTimeInterval(policy.grantLifetime)
        try await database.rows("""
            INSERT INTO credit_ledger (store_id, request_id, kind, millicredits, success, expires_at, created_at)
            VALUES (\(storeID), \(requestID), 'grant', \(millicredits), true, \(expiry), \(now)) ON CONFLICT (store_id, request_id) DO NOTHING
            """)
    }

    public func balance(storeID: Int64) async throws -> Int {
        let now = clock.now()
        let logger = database.logger
        return try await database.transaction { connection in
            try await Self.lock(storeID: storeID, connection, logger)
            try await Self.expire(storeID: storeID, now: now, connection, logger)
            return try await Self.balance(storeID: storeID, connection, logger)
        }
    }

    public func releaseStaleHolds(olderThan age: TimeInterval) async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-age)
        let rows = try await database.rows("""
            UPDATE credit_ledger SET kind = 'failed', millicredits = 0 WHERE kind = 'hold' AND created_at < \(cutoff) RETURNING id
            """)
        return rows.count
    }

    public func recent(storeID: Int64, limit: Int) async throws -> [CreditLedger.LedgerEntry] {
        let rows = try await database.rows("""
            SELECT request_id, kind, feature, millicredits, tokens_in, tokens_out, latency_ms, model, success, expires_at, created_at
            FROM credit_ledger WHERE store_id = \(storeID) ORDER BY id DESC LIMIT \(max(0, limit))
            """)
        return try rows.map { row in
            let (request, kind, feature, amount, tokensIn, tokensOut, latency, model, success, expires, created) = try row.decode(
                (String, String, String?, Int, Int?, Int?, Int?, String?, Bool, Date?, Date).self)
            return CreditLedger.LedgerEntry(requestId: request, kind: kind, feature: feature, credits: Double(amount) / 1000, tokensIn: tokensIn,
                                            tokensOut: tokensOut, latencyMs: latency, model: model, success: success, expiresAt: expires, createdAt: created)
        }
    }

    /// Serializes this store's ledger transactions across every instance until the transaction ends.
    static func lock(storeID: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.rows("SELECT pg_advisory_xact_lock(hashtextextended(\("credits:\(storeID)"), 0))", logger: logger)
    }

    static func balance(storeID: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        try await int(connection, logger, "SELECT COALESCE(SUM(millicredits), 0)::bigint FROM credit_ledger WHERE store_id = \(storeID)")
    }

    static func int(_ connection: PostgresConnection, _ logger: Logger, _ query: PostgresQuery) async throws -> Int {
        let rows = try await connection.query(query, logger: logger).collect()
        return try rows.first?.decode(Int.self) ?? 0
    }

    /// Writes the expiry entries `CreditRules.expiries` asks for.
    static func expire(storeID: Int64, now: Date, _ connection: PostgresConnection, _ logger: Logger) async throws {
        let rows = try await connection.query("""
            SELECT g.id, g.millicredits, g.expires_at, -e.millicredits FROM credit_ledger g
            LEFT JOIN credit_ledger e ON e.store_id = g.store_id AND e.request_id = 'expiry:' || g.id
            WHERE g.store_id = \(storeID) AND g.kind IN ('grant', 'purchase') ORDER BY g.expires_at NULLS LAST, g.id
            """, logger: logger).collect()
        let grants = try rows.map { row in
            let (id, amount, expiresAt, expired) = try row.decode((Int64, Int, Date?, Int?).self)
            return CreditRules.Grant(id: id, millicredits: amount, expiresAt: expiresAt, expired: expired)
        }
        guard grants.contains(where: { ($0.expiresAt.map { $0 <= now } ?? false) && $0.expired == nil }) else { return }
        let spent = -(try await int(connection, logger, """
            SELECT COALESCE(SUM(millicredits), 0)::bigint FROM credit_ledger WHERE store_id = \(storeID) AND kind IN ('hold', 'charge')
            """))
        for entry in CreditRules.expiries(grants: grants, spent: spent, now: now) {
            try await connection.rows("""
                INSERT INTO credit_ledger (store_id, request_id, kind, millicredits, success, created_at)
                VALUES (\(storeID), \("expiry:\(entry.grantID)"), 'expiry', \(-entry.millicredits), true, \(now)) ON CONFLICT (store_id, request_id) DO NOTHING
                """, logger: logger)
        }
    }
}
