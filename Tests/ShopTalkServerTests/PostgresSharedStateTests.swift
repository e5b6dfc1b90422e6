import Foundation
import PostgresNIO
@testable import ShopTalkServer
import Synchronization
import Testing

/// Session locks and shared rate limits across instances (pools of their own on one database).
@Suite("PostgreSQL shared state", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresSharedStateTests {
    @Test func oneSessionsTurnsOnTwoInstancesNeverOverlapButOtherSessionsRunAlongside() async throws {
        try await TestPostgres.withDatabase { database in
            try await TestPostgres.secondInstance(of: database) { other in
                let instances = [PostgresSessionLocks(database: database), PostgresSessionLocks(database: other)]
                let log = Shared<[String]>([])
                let inside = Shared<[String: Int]>([:])
                let overlapped = Shared(false)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for turn in 0..<16 {
                        let session = turn % 4 == 0 ? "other" : "busy"
                        group.addTask {
                            try await instances[turn % 2].withLock(session: session) {
                                let count = inside.withLock { $0[session, default: 0] += 1; return $0[session]! }
                                if count > 1 { overlapped.withLock { $0 = true } }
                                log.withLock { $0.append("\(session) in") }
                                try await Task.sleep(for: .milliseconds(30))
                                inside.withLock { $0[session, default: 0] -= 1 }
                                log.withLock { $0.append("\(session) out") }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(!overlapped.withLock { $0 })
                #expect(log.withLock { $0.count } == 32)
                // Locks are per session: while one session's turn is held open, another session's turn runs.
                let (release, releasing) = AsyncStream<Void>.makeStream()
                let holding = Shared(false)
                let holder = Task {
                    try await instances[0].withLock(session: "held") {
                        holding.withLock { $0 = true }
                        for await _ in release { break }
                    }
                }
                try await waitUntil(seconds: 30) { holding.withLock { $0 } }
                #expect(try await instances[1].withLock(session: "free") { true })
                releasing.yield()
                try await holder.value
            }
        }
    }

    @Test func aLockHeldByADeadInstanceIsReleasedWithItsConnection() async throws {
        try await TestPostgres.withDatabase { database in
            let holding = Shared(false)
            let holder = Task {
                try await TestPostgres.secondInstance(of: database) { crashed in
                    try await PostgresSessionLocks(database: crashed).withLock(session: "s1") {
                        holding.withLock { $0 = true }
                        try await Task.sleep(for: .seconds(60))
                    }
                }
            }
            try await waitUntil(seconds: 30) { holding.withLock { $0 } }
            // The holder's process dies: its server connection goes, as with kill -9. pg_locks spans the
            // cluster, so only this test's database is touched (the other tests run alongside).
            try await database.rows("""
                SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)
            // Were the lock still held, this would give up with SessionBusy after the wait.
            let ran = try await PostgresSessionLocks(database: database, wait: .seconds(5)).withLock(session: "s1") { true }
            #expect(ran)
            holder.cancel()
            _ = await holder.result
        }
    }

    @Test func aHungHolderMakesTheOthersGiveUpRatherThanWaitForever() async throws {
        try await TestPostgres.withDatabase { database in
            let holding = Shared(false)
            let (release, releasing) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await PostgresSessionLocks(database: database).withLock(session: "s2") {
                    holding.withLock { $0 = true }
                    for await _ in release { break }  // hung until the test lets it go
                }
            }
            try await waitUntil(seconds: 30) { holding.withLock { $0 } }
            try await TestPostgres.secondInstance(of: database) { other in
                let started = ContinuousClock.now
                await #expect(throws: SessionBusy.self) {
                    try await PostgresSessionLocks(database: other, wait: .milliseconds(300)).withLock(session: "s2") {}
                }
                #expect(ContinuousClock.now - started < .seconds(10))
                // Once the holder is done the session is free again, on the same pooled connections.
                releasing.yield()
                _ = try await holder.value
                #expect(try await PostgresSessionLocks(database: other, wait: .seconds(10)).withLock(session: "s2") { 7 } == 7)
            }
        }
    }

    @Test func aRateLimitIsSharedByEveryInstance() async throws {
        try await TestPostgres.withDatabase(maxConnections: 30) { database in
            try await TestPostgres.secondInstance(of: database) { other in
                let limiters = [SharedRateLimiter(database: database, limit: 10, window: 60), SharedRateLimiter(database: other, limit: 10, window: 60)]
                let now = Date(timeIntervalSince1970: 1_800_000_030)  // mid-window
                let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for hit in 0..<40 { group.addTask { try await limiters[hit % 2].allow("203.0.113.7", now: now) } }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(allowed == 10)
                #expect(try await limiters[1].allow("198.51.100.1", now: now))
                #expect(try await limiters[0].allow("203.0.113.7", now: now.addingTimeInterval(60)))
            }
        }
    }
}
