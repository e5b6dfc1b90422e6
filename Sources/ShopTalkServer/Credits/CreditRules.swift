import Foundation
import ShopTalkCore

/// The ledger's decisions, apart from where the ledger is kept: whether a call may be made, which credits
/// expire, and which balance crossings owners hear of. Each backend reads the figures inside its own
/// serialized transaction and asks these rules, so SQLite and PostgreSQL refuse and expire alike.
enum CreditRules {
    /// The start of the day and of the month that `now` falls in, for the budget caps.
    static func periodStarts(_ now: Date) -> (day: Date, month: Date) {
        let day = ShopClock.calendar.startOfDay(for: now)
        let month = ShopClock.calendar.dateInterval(of: .month, for: now)?.start ?? day
        return (day, month)
    }

    /// Why a call costing `price` may not be made given the store's figures, or nil when it may.
    static func refusal(
        policy: CreditLedger.Policy, price: Int, balance: Int, spentToday: Int, spentThisMonth: Int, callsThisMinute: Int
    ) -> CreditRefusal? {
        guard balance >= price else {
            return CreditRefusal(.insufficientBalance, "Not enough AI credits: \(credits(balance)) left, this needs \(credits(price)).")
        }
        guard spentToday.addingReportingOverflow(price).partialValue <= policy.dailyCap else {
            return CreditRefusal(.dailyCap, "Today's AI budget of \(credits(policy.dailyCap)) credits is used up.")
        }
        guard spentThisMonth.addingReportingOverflow(price).partialValue <= policy.monthlyCap else {
            return CreditRefusal(.monthlyCap, "This month's AI budget of \(credits(policy.monthlyCap)) credits is used up.")
        }
        guard callsThisMinute < policy.callsPerMinute else {
            return CreditRefusal(.rateLimited, "Too many AI calls this minute (limit \(policy.callsPerMinute)).")
        }
        return nil
    }

    /// A grant or purchase as the expiry rule sees it.
    struct Grant {
        let id: Int64
        let millicredits: Int
        let expiresAt: Date?
        /// What an earlier expiry entry already took from it, if it has expired before.
        let expired: Int?
    }

    /// The expiry entries to write: for each grant that has expired and has none yet, what was left of it.
    /// Spending (`spent`, a positive total) is allocated to grants soonest-expiring first, so an expired
    /// grant takes with it only what was not spent before it expired. `grants` come in that order.
    static func expiries(grants: [Grant], spent: Int, now: Date) -> [(grantID: Int64, millicredits: Int)] {
        var spend = spent
        var entries: [(grantID: Int64, millicredits: Int)] = []
        for grant in grants {
            if let expired = grant.expired {
                // Expired already: it keeps the spending it had then.
                spend = max(0, spend - (grant.millicredits - expired))
                continue
            }
            let consumed = min(grant.millicredits, max(0, spend))
            spend = max(0, spend - consumed)
            guard let expiresAt = grant.expiresAt, expiresAt <= now else { continue }
            let remainder = grant.millicredits - consumed
            if remainder > 0 { entries.append((grant.id, remainder)) }
        }
        return entries
    }

    /// The alerts a charge that took the balance from `before` to `after` raises: low once on the way
    /// down through the threshold, depleted once on reaching zero.
    static func crossings(before: Int, after: Int, threshold: Int) -> [CreditLedger.Alert] {
        var alerts: [CreditLedger.Alert] = []
        if before > threshold && after <= threshold && after > 0 {
            alerts.append(CreditLedger.Alert(kind: "credits_low", balance: Double(after) / 1000, threshold: Double(threshold) / 1000))
        }
        if before > 0 && after <= 0 {
            alerts.append(CreditLedger.Alert(kind: "credits_depleted", balance: Double(after) / 1000, threshold: 0))
        }
        return alerts
    }

    static func credits(_ millicredits: Int) -> String {
        CreditsHandler.format(Double(millicredits) / 1000)
    }
}
