import Foundation
import PostgresNIO
import ShopTalkCore

extension PostgresCreditLedger: CreditsReport {
    /// Credits charged per feature and per day (UTC) between two days, inclusive, as SQLite's ledger reports them.
    public func usage(storeID: Int64, from: String, to: String) async throws -> CreditUsage {
        guard let start = ShopClock.parseDay(from), let end = ShopClock.parseDay(to) else {
            return CreditUsage(from: from, to: to, features: [], days: [])
        }
        let until = end.addingTimeInterval(86_400)
        let features = try await database.rows("""
            SELECT COALESCE(feature, ''), count(*) FILTER (WHERE kind = 'charge'), count(*) FILTER (WHERE kind = 'failed'),
                   (-COALESCE(sum(millicredits) FILTER (WHERE kind = 'charge'), 0))::bigint, COALESCE(sum(provider_cost_micros), 0)::bigint
            FROM credit_ledger WHERE store_id = \(storeID) AND kind IN ('charge', 'failed') AND created_at >= \(start) AND created_at < \(until)
            GROUP BY 1 ORDER BY 1
            """).map { row in
            let (feature, calls, failed, spent, cost) = try row.decode((String, Int, Int, Int, Int).self)
            return CreditUsage.Feature(feature: feature, calls: calls, failedCalls: failed, credits: Double(spent) / 1000, providerCost: Double(cost) / 1_000_000)
        }
        let days = try await database.rows("""
            SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), (-sum(millicredits))::bigint FROM credit_ledger
            WHERE store_id = \(storeID) AND kind = 'charge' AND created_at >= \(start) AND created_at < \(until) GROUP BY 1 ORDER BY 1
            """).map { row in
            let (day, spent) = try row.decode((String, Int).self)
            return CreditUsage.Day(day: day, credits: Double(spent) / 1000)
        }
        return CreditUsage(from: from, to: to, features: features, days: days)
    }
}
