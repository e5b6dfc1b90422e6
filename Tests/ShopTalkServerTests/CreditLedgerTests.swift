import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Synchronization
import Testing

@Suite("AI-credits ledger")
struct CreditLedgerTests {
    func store(_ database: AppDatabase) async throws -> Int64 {
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('shop', 'Shop', 'USD', ?)", arguments: [Date()])
            return db.lastInsertedRowID
        }
    }

    @Test func athousandConcurrentCallsAgainstFiftyCreditsChargeExactlyAHundred() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        var policy = CreditLedger.Policy()
        policy.prices[.ownerQuery] = 500
        policy.callsPerMinute = 10_000
        let ledger = CreditLedger(database: database, policy: policy, clock: .system)
        try await ledger.grant(storeID: storeID, millicredits: 50_000, requestID: "grant-1")
        let succeeded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<1_000 {
                group.addTask {
                    do {
                        try await ledger.reserve(storeID: storeID, requestID: "call-\(index)", feature: .ownerQuery)
                    } catch is CreditRefusal {
                        return false
                    }
                    try await ledger.settle(storeID: storeID, requestID: "call-\(index)",
                                            usage: AIUsage(model: "m", promptTokens: 10, completionTokens: 5, providerCostMicros: 3, latencyMs: 1))
                    return true
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(succeeded == 100)
        #expect(try await ledger.balance(storeID: storeID) == 0)
        let charges = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'charge'") }
        #expect(charges == 100)
    }

    @Test func aRetriedRequestIsNeverChargedTwiceAndAFailedCallChargesNothing() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        let ledger = CreditLedger(database: database, clock: .system)
        try await ledger.grant(storeID: storeID, millicredits: 5_000, requestID: "g")
        let usage = AIUsage(model: "m", promptTokens: 1, completionTokens: 1, providerCostMicros: 1, latencyMs: 1)
        try await ledger.reserve(storeID: storeID, requestID: "r1", feature: .fallbackChat)
        try await ledger.settle(storeID: storeID, requestID: "r1", usage: usage)
        try await ledger.settle(storeID: storeID, requestID: "r1", usage: usage)
        await #expect(throws: CreditRefusal.self) { try await ledger.reserve(storeID: storeID, requestID: "r1", feature: .fallbackChat) }
        #expect(try await ledger.balance(storeID: storeID) == 4_800)
        try await ledger.reserve(storeID: storeID, requestID: "r2", feature: .fallbackChat)
        #expect(try await ledger.balance(storeID: storeID) == 4_600)  // held while the call runs
        try await ledger.settle(storeID: storeID, requestID: "r2", usage: nil)
        #expect(try await ledger.balance(storeID: storeID) == 4_800)
        let failed = try await database.writer.read { db in try Row.fetchOne(db, sql: "SELECT kind, millicredits, success FROM credit_ledger WHERE requestId = 'r2'") }
        #expect(failed?["kind"] == "failed")
        #expect(failed?["millicredits"] == 0)
    }

    @Test func expiredCreditsLeaveThroughAnExplicitEntryOnlyOnce() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        let ledger = CreditLedger(database: database, clock: .system)
        try await ledger.grant(storeID: storeID, millicredits: 10_000, requestID: "old", expiresAt: Date().addingTimeInterval(3_600))
        try await ledger.grant(storeID: storeID, millicredits: 2_000, requestID: "new", expiresAt: Date().addingTimeInterval(86_400 * 30))
        let usage = AIUsage(model: "m", promptTokens: 1, completionTokens: 1, providerCostMicros: 1, latencyMs: 1)
        for index in 0..<6 {
            try await ledger.reserve(storeID: storeID, requestID: "c\(index)", feature: .ownerQuery)
            try await ledger.settle(storeID: storeID, requestID: "c\(index)", usage: usage)
        }
        #expect(try await ledger.balance(storeID: storeID) == 9_000)
        // Two hours later the first grant has expired: its 7 unspent credits go, the newer 2 stay.
        let later = CreditLedger(database: database, clock: ShopClock(offset: 7_200))
        #expect(try await later.balance(storeID: storeID) == 2_000)
        #expect(try await later.balance(storeID: storeID) == 2_000)
        let expiries = try await database.writer.read { db in try Int.fetchAll(db, sql: "SELECT millicredits FROM credit_ledger WHERE kind = 'expiry'") }
        #expect(expiries == [-7_000])
        await #expect(throws: CreditRefusal.self) {
            for index in 0..<5 { try await later.reserve(storeID: storeID, requestID: "late\(index)", feature: .ownerQuery) }
        }
    }

    @Test func budgetCapsAndTheRateLimitStopCallsBeforeTheyAreMade() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        var policy = CreditLedger.Policy()
        policy.dailyCap = 1_000
        let ledger = CreditLedger(database: database, policy: policy, clock: .system)
        try await ledger.grant(storeID: storeID, millicredits: 50_000, requestID: "g")
        try await ledger.reserve(storeID: storeID, requestID: "a", feature: .ownerQuery)
        try await ledger.reserve(storeID: storeID, requestID: "b", feature: .ownerQuery)
        await #expect(throws: CreditRefusal(.dailyCap, "Today's AI budget of 1 credits is used up.")) {
            try await ledger.reserve(storeID: storeID, requestID: "c", feature: .ownerQuery)
        }
        var fast = CreditLedger.Policy()
        fast.callsPerMinute = 2
        let limited = CreditLedger(database: database, policy: fast, clock: .system)
        // Two calls a minute: whatever earlier calls still count, the third attempt at the latest is refused.
        var refusal: CreditRefusal?
        for attempt in 0..<3 where refusal == nil {
            do {
                try await limited.reserve(storeID: storeID, requestID: "d\(attempt)", feature: .fallbackChat)
            } catch let refused as CreditRefusal {
                refusal = refused
            }
        }
        #expect(refusal?.reason == .rateLimited)
    }

    @Test func lowAndDepletedAlertsFireOncePerDownwardCrossing() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        var policy = CreditLedger.Policy()
        policy.lowBalanceThreshold = 1_000
        let seen = Mutex<[String]>([])
        let ledger = CreditLedger(database: database, policy: policy, clock: .system) { _, alert in seen.withLock { $0.append(alert.kind) } }
        try await ledger.grant(storeID: storeID, millicredits: 2_000, requestID: "g")
        let usage = AIUsage(model: "m", promptTokens: 1, completionTokens: 1, providerCostMicros: 1, latencyMs: 1)
        for index in 0..<4 {
            try await ledger.reserve(storeID: storeID, requestID: "q\(index)", feature: .ownerQuery)
            try await ledger.settle(storeID: storeID, requestID: "q\(index)", usage: usage)
        }
        #expect(seen.withLock { $0 } == ["credits_low", "credits_depleted"])
        try await ledger.grant(storeID: storeID, millicredits: 2_000, requestID: "g2")
        for index in 4..<6 {
            try await ledger.reserve(storeID: storeID, requestID: "q\(index)", feature: .ownerQuery)
            try await ledger.settle(storeID: storeID, requestID: "q\(index)", usage: usage)
        }
        #expect(seen.withLock { $0 } == ["credits_low", "credits_depleted", "credits_low"])
        let recorded = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credit_alerts") }
        #expect(recorded == 3)
    }

    @Test func holdsLeftByACrashChargeNothing() async throws {
        let database = try TestDatabase().open()
        let storeID = try await store(database)
        let ledger = CreditLedger(database: database, clock: .system)
        try await ledger.grant(storeID: storeID, millicredits: 1_000, requestID: "g")
        try await ledger.reserve(storeID: storeID, requestID: "in-flight", feature: .fallbackChat)
        #expect(try await ledger.balance(storeID: storeID) == 800)
        // The process restarts: holds older than the longest call are released.
        let restarted = CreditLedger(database: database, clock: ShopClock(offset: 600))
        #expect(try await restarted.releaseStaleHolds(olderThan: 300) == 1)
        #expect(try await restarted.balance(storeID: storeID) == 1_000)
    }
}
