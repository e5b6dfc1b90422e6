import Foundation
import ShopTalkCore

/// An AI-credits ledger as the server and the `credits` command use it, whichever database keeps it:
/// `CreditLedger` on SQLite, `PostgresCreditLedger` on PostgreSQL. Both answer the same tests.
public protocol CreditBook: AICredits {
    /// Adds credits that expire after the policy's grant lifetime (or `expiresAt`); a repeated
    /// `requestID` adds nothing.
    func grant(storeID: Int64, millicredits: Int, requestID: String, expiresAt: Date?) async throws
    /// The balance in thousandths of a credit, after removing expired credits.
    func balance(storeID: Int64) async throws -> Int
    /// Holds left by a process that died mid-call: they charged nothing and are marked failed.
    func releaseStaleHolds(olderThan age: TimeInterval) async throws -> Int
    /// The most recent ledger entries, newest first.
    func recent(storeID: Int64, limit: Int) async throws -> [CreditLedger.LedgerEntry]
    /// Credits charged per feature and per day between two days, inclusive.
    func usage(storeID: Int64, from: String, to: String) async throws -> CreditUsage
    /// Records a purchase as pending; a reference already used in the store is a conflict.
    func createPurchase(storeID: Int64, reference: String, amountPaidCents: Int, currency: String, millicredits: Int, bonus: Int) async throws
    /// Completes or fails a pending purchase; completing adds its credits (and bonus) once, however many
    /// times it is asked. Returns the purchase's status.
    func finishPurchase(storeID: Int64, reference: String, completed: Bool) async throws -> String
}

/// What a ledger line records. Stored as its raw value on both backends.
public enum LedgerKind: String, Sendable, CaseIterable {
    /// A call's price, held while it runs.
    case hold
    /// A call that succeeded: the hold became its charge.
    case charge
    /// A call that failed: the hold dropped to zero.
    case failed
    case grant
    case purchase
    /// What an expired grant took with it.
    case expiry
}

extension CreditBook {
    /// Adds credits that expire after the policy's grant lifetime.
    public func grant(storeID: Int64, millicredits: Int, requestID: String) async throws {
        try await grant(storeID: storeID, millicredits: millicredits, requestID: requestID, expiresAt: nil)
    }
}
