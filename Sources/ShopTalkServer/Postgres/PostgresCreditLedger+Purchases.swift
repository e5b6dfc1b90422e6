import Foundation
import PostgresNIO
import ShopTalkCore

/// Credit purchases on PostgreSQL, as `CreditLedger` keeps them on SQLite: pending until the payment
/// provider's answer completes or fails them. Completing is one transaction under the purchase's row
/// lock, and its ledger line's request id (`purchase:<reference>`) is unique, so two instances
/// completing one purchase at once add its credits once.
extension PostgresCreditLedger {
    public func createPurchase(storeID: Int64, reference: String, amountPaidCents: Int, currency: String, millicredits: Int, bonus: Int) async throws {
        let now = clock.now()
        let inserted = try await database.rows("""
            INSERT INTO credit_purchases (store_id, reference, amount_paid_cents, currency, millicredits, bonus_millicredits, status, created_at, updated_at)
            VALUES (\(storeID), \(reference), \(amountPaidCents), \(currency), \(millicredits), \(bonus), 'pending', \(now), \(now))
            ON CONFLICT (store_id, reference) DO NOTHING
            RETURNING id
            """)
        if inserted.isEmpty { throw ChatError(.conflict, "A purchase with reference \(reference) already exists.") }
    }

    public func finishPurchase(storeID: Int64, reference: String, completed: Bool) async throws -> String {
        let now = clock.now()
        let lifetime = policy.grantLifetime
        let logger = database.logger
        return try await database.transaction { connection in
            guard let row = try await connection.rows("""
                SELECT status, millicredits, bonus_millicredits FROM credit_purchases WHERE store_id = \(storeID) AND reference = \(reference) FOR UPDATE
                """, logger: logger).first else { throw ChatError(.notFound, "There is no purchase \(reference).") }
            let (status, millicredits, bonus) = try row.decode((String, Int, Int).self)
            guard status == "pending" else {
                if (status == "completed") == completed { return status }
                throw ChatError(.invalid, "The purchase is already \(status).", fields: ["status": "purchase is already \(status)"])
            }
            let next = completed ? "completed" : "failed"
            try await connection.rows("""
                UPDATE credit_purchases SET status = \(next), updated_at = \(now) WHERE store_id = \(storeID) AND reference = \(reference)
                """, logger: logger)
            if completed {
                try await Self.lock(storeID: storeID, connection, logger)
                try await connection.rows("""
                    INSERT INTO credit_ledger (store_id, request_id, kind, millicredits, success, expires_at, created_at)
                    VALUES (\(storeID), \("purchase:\(reference)"), 'purchase', \(millicredits + bonus), true, \(now.addingTimeInterval(lifetime)), \(now))
                    ON CONFLICT (store_id, request_id) DO NOTHING
                    """, logger: logger)
            }
            return next
        }
    }
}
