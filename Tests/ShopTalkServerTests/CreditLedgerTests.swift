import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Synchronization
import Testing

/// Where a store under test keeps its rows: the ledger and conversation tests run on both.
enum StorageBackend: String, CustomTestStringConvertible, CaseIterable {
    case sqlite, postgres
    var testDescription: String { rawValue }

    /// The backends this run can reach (PostgreSQL when `SHOPTALK_TEST_POSTGRES` names a server).
    static var reachable: [StorageBackend] { TestPostgres.available ? allCases : [.sqlite] }
}

/// Makes ledgers of one backend over one database with one store in it.
struct LedgerHarness: Sendable {
    let storeID: Int64
    let make: @Sendable (CreditLedger.Policy, ShopClock, @escaping @Sendable (Int64, CreditLedger.Alert) -> Void) -> any CreditBook

    func ledger(policy: CreditLedger.Policy = .init(), clock: ShopClock = .system,
                onAlert: @escaping @Sendable (Int64, CreditLedger.Alert) -> Void = { _, _ in }) -> any CreditBook {
        make(policy, clock, onAlert)
    }

    /// The store's entries of `kind`, newest first.
    func entries(_ kind: LedgerKind) async throws -> [CreditLedger.LedgerEntry] {
        try await ledger().recent(storeID: storeID, limit: 100_000).filter { $0.kind == kind.rawValue }
    }

    static func with(_ backend: StorageBackend, _ body: @escaping @Sendable (LedgerHarness) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let database = try TestDatabase().open()
            let storeID = try await database.writer.write { db in
                try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('shop', 'Shop', 'USD', ?)", arguments: [Date()])
                return db.lastInsertedRowID
            }
            try await body(LedgerHarness(storeID: storeID) { CreditLedger(database: database, policy: $0, clock: $1, onAlert: $2) })
        case .postgres:
            try await TestPostgres.withDatabase(maxConnections: 30) { database in
                let rows = try await database.rows("INSERT INTO stores (slug, name) VALUES ('shop', 'Shop') RETURNING id")
                let storeID = try #require(try rows.first?.decode(Int64.self))
                try await body(LedgerHarness(storeID: storeID) { PostgresCreditLedger(database: database, policy: $0, clock: $1, onAlert: $2) })
            }
        }
    }
}

@Suite("AI-credits ledger")
struct CreditLedgerTests {
    @Test(arguments: StorageBackend.reachable) func athousandConcurrentCallsAgainstFiftyCreditsChargeExactlyAHundred(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            var policy = CreditLedger.Policy()
            policy.prices[.ownerQuery] = 500
            policy.callsPerMinute = 10_000
            let ledger = books.ledger(policy: policy)
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
            #expect(try await books.entries(.charge).count == 100)
        }
    }

    @Test(arguments: StorageBackend.reachable) func aRetriedRequestIsNeverChargedTwiceAndAFailedCallChargesNothing(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            let ledger = books.ledger()
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
            let failed = try await books.entries(.failed)
            #expect(failed.map(\.requestId) == ["r2"])
            #expect(failed.first?.credits == 0)
            #expect(failed.first?.success == false)
        }
    }

    @Test(arguments: StorageBackend.reachable) func expiredCreditsLeaveThroughAnExplicitEntryOnlyOnce(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            let ledger = books.ledger()
            try await ledger.grant(storeID: storeID, millicredits: 10_000, requestID: "old", expiresAt: Date().addingTimeInterval(3_600))
            try await ledger.grant(storeID: storeID, millicredits: 2_000, requestID: "new", expiresAt: Date().addingTimeInterval(86_400 * 30))
            let usage = AIUsage(model: "m", promptTokens: 1, completionTokens: 1, providerCostMicros: 1, latencyMs: 1)
            for index in 0..<6 {
                try await ledger.reserve(storeID: storeID, requestID: "c\(index)", feature: .ownerQuery)
                try await ledger.settle(storeID: storeID, requestID: "c\(index)", usage: usage)
            }
            #expect(try await ledger.balance(storeID: storeID) == 9_000)
            // Two hours later the first grant has expired: its 7 unspent credits go, the newer 2 stay.
            let later = books.ledger(clock: ShopClock(offset: 7_200))
            #expect(try await later.balance(storeID: storeID) == 2_000)
            #expect(try await later.balance(storeID: storeID) == 2_000)
            #expect(try await books.entries(.expiry).map(\.credits) == [-7])
            await #expect(throws: CreditRefusal.self) {
                for index in 0..<5 { try await later.reserve(storeID: storeID, requestID: "late\(index)", feature: .ownerQuery) }
            }
        }
    }

    @Test(arguments: StorageBackend.reachable) func budgetCapsAndTheRateLimitStopCallsBeforeTheyAreMade(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            var policy = CreditLedger.Policy()
            policy.dailyCap = 1_000
            let ledger = books.ledger(policy: policy)
            try await ledger.grant(storeID: storeID, millicredits: 50_000, requestID: "g")
            try await ledger.reserve(storeID: storeID, requestID: "a", feature: .ownerQuery)
            try await ledger.reserve(storeID: storeID, requestID: "b", feature: .ownerQuery)
            await #expect(throws: CreditRefusal(.dailyCap, "Today's AI budget of 1 credits is used up.")) {
                try await ledger.reserve(storeID: storeID, requestID: "c", feature: .ownerQuery)
            }
            var fast = CreditLedger.Policy()
            fast.callsPerMinute = 2
            let limited = books.ledger(policy: fast)
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
    }

    @Test(arguments: StorageBackend.reachable) func lowAndDepletedAlertsFireOncePerDownwardCrossing(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            var policy = CreditLedger.Policy()
            policy.lowBalanceThreshold = 1_000
            let seen = Mutex<[String]>([])
            let ledger = books.ledger(policy: policy) { _, alert in seen.withLock { $0.append(alert.kind) } }
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
        }
    }

    @Test(arguments: StorageBackend.reachable) func holdsLeftByACrashChargeNothing(backend: StorageBackend) async throws {
        try await LedgerHarness.with(backend) { books in
            let storeID = books.storeID
            let ledger = books.ledger()
            try await ledger.grant(storeID: storeID, millicredits: 1_000, requestID: "g")
            try await ledger.reserve(storeID: storeID, requestID: "in-flight", feature: .fallbackChat)
            #expect(try await ledger.balance(storeID: storeID) == 800)
            // The process restarts: holds older than the longest call are released.
            let restarted = books.ledger(clock: ShopClock(offset: 600))
            #expect(try await restarted.releaseStaleHolds(olderThan: 300) == 1)
            #expect(try await restarted.balance(storeID: storeID) == 1_000)
        }
    }
}
