import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The order-lookup lockout shared by instances through PostgreSQL.
@Suite("PostgreSQL lookup lockout", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresLookupGuardTests {
    @Test func guessesSpreadOverTwoInstancesAreLockedOutAfterTheSameNumberAsOnOne() async throws {
        try await TestPostgres.withDatabase { database in
            try await TestPostgres.secondInstance(of: database) { other in
                let guards = [database, other].map { pool in
                    LookupGuard(maxFailures: 5, window: 600, lockout: 2, clock: .system, store: PostgresLookupAttempts(database: pool))
                }
                // One address, a new session per guess, alternating instances: 4 failures leave it free.
                for guess in 0..<4 {
                    try await guards[guess % 2].check(["session-\(guess)", "addr:203.0.113.9"])
                    try await guards[guess % 2].recordFailure(["session-\(guess)", "addr:203.0.113.9"])
                }
                try await guards[0].check(["session-9", "addr:203.0.113.9"])
                // The fifth, on either instance, locks the address out on both.
                try await guards[1].recordFailure(["session-4", "addr:203.0.113.9"])
                for instance in guards {
                    await #expect(throws: ChatRefusal.self) { try await instance.check(["session-new", "addr:203.0.113.9"]) }
                }
                // Another address is not affected, and the lockout ends when its time is up.
                try await guards[0].check(["session-x", "addr:198.51.100.2"])
                try await Task.sleep(for: .milliseconds(2_200))
                try await guards[1].check(["session-new", "addr:203.0.113.9"])
            }
        }
    }

    @Test func concurrentFailuresAreAllCounted() async throws {
        try await TestPostgres.withDatabase(maxConnections: 30) { database in
            try await TestPostgres.secondInstance(of: database) { other in
                let stores = [PostgresLookupAttempts(database: database), PostgresLookupAttempts(database: other)]
                let rule = LookupAttempts.Rule(maxFailures: 1_000, window: 600, lockout: 600)
                let now = Date()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<40 { group.addTask { _ = try await stores[index % 2].recordFailure(key: "addr:x", now: now, rule: rule) } }
                    try await group.waitForAll()
                }
                #expect(try await stores[0].loadAttempts()["addr:x"]?.failures.count == 40)
            }
        }
    }
}
