import Foundation
import PostgresNIO
@testable import ShopTalkServer
import Synchronization
import Testing

/// What several instances on one PostgreSQL database rely on: migrations applied once, the event outbox,
/// per-session locks and shared rate limits. Each "instance" here is a pool of its own on the database.
@Suite("PostgreSQL coordination", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresCoordinationTests {
    @Test func migrationsRunOnceWhenThreeInstancesStartTogether() async throws {
        try await TestPostgres.withDatabase(migrated: false) { database in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<3 {
                    group.addTask { try await TestPostgres.secondInstance(of: database) { try await $0.migrate() } }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let names = PostgresAppDatabase.migrations.map(\.name)
            #expect(applied.filter { !$0.isEmpty } == [names])
            #expect(try await database.appliedMigrations().sorted() == names.sorted())
            #expect(try await database.migrate().isEmpty)
        }
    }

    @Test func everyInstanceGetsEveryEventInOrderWithoutWaitingForThePoll() async throws {
        try await TestPostgres.withDatabase { database in
            let seen = Shared<[String: [Int64]]>([:])
            // A 30 s poll: only the NOTIFY wake-up can deliver within the second asked for.
            let followers = ["a", "b"].map { name in
                EventFollower(outbox: EventOutbox(database: database, instanceID: name), pollInterval: .seconds(30), logger: testLogger) { event in
                    seen.withLock { $0[name, default: []].append(event.seq) }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for follower in followers { group.addTask { try await follower.run() } }
                defer { group.cancelAll() }
                try await waitUntil(seconds: 60) { followers.allSatisfy(\.position.listening) }
                let publishers = ["a", "b"].map { EventOutbox(database: database, instanceID: $0) }
                let published = try await withThrowingTaskGroup(of: Int64.self) { publishing in
                    for index in 0..<40 {
                        publishing.addTask { try await publishers[index % 2].publish(kind: "test", storeID: 1, payload: "{\"n\":\(index)}") }
                    }
                    return try await publishing.reduce(into: [Int64]()) { $0.append($1) }.sorted()
                }
                // Timed from the last commit: what is measured is the wake-up, not 40 appends taking turns.
                let started = ContinuousClock.now
                try await waitUntil(seconds: 25) { seen.withLock { $0["a"]?.count == 40 && $0["b"]?.count == 40 } }
                // Well inside the 30 s poll (a second or two when the machine is idle, more under the whole suite).
                #expect(ContinuousClock.now - started < .seconds(10))
                #expect(seen.withLock { $0["a"] } == published)
                #expect(seen.withLock { $0["b"] } == published)
                #expect(followers.allSatisfy { $0.position.lag == 0 })
            }
        }
    }

    @Test func aRestartedInstanceCatchesUpFromWhereItStopped() async throws {
        try await TestPostgres.withDatabase { database in
            let outbox = EventOutbox(database: database, instanceID: "a")
            let seen = Shared<[String]>([])
            @Sendable func follow(_ body: @Sendable (EventFollower) async throws -> Void) async throws {
                let follower = EventFollower(outbox: outbox, pollInterval: .milliseconds(50), logger: testLogger) { event in
                    seen.withLock { $0.append(event.payload) }
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await follower.run() }
                    try await body(follower)
                    group.cancelAll()
                }
            }
            try await outbox.publish(kind: "test", storeID: nil, payload: "before it ever ran")
            try await follow { follower in
                // A new instance starts at the head: once it has read it, what follows is delivered.
                try await waitUntil(seconds: 30) { follower.position.delivered > 0 }
                for payload in ["one", "two"] { try await outbox.publish(kind: "test", storeID: nil, payload: payload) }
                try await waitUntil(seconds: 30) { seen.withLock { $0.count } >= 2 }
            }
            // While it is down, three more; restarted, it delivers exactly those.
            for payload in ["three", "four", "five"] { try await outbox.publish(kind: "test", storeID: nil, payload: payload) }
            try await follow { _ in try await waitUntil(seconds: 30) { seen.withLock { $0.count } >= 5 } }
            #expect(seen.withLock { $0 } == ["one", "two", "three", "four", "five"])
        }
    }

    @Test func publishersRacingNeverMakeAFollowerSkipAnEvent() async throws {
        try await TestPostgres.withDatabase(maxConnections: 30) { database in
            let seen = Shared<[Int64]>([])
            let follower = EventFollower(outbox: EventOutbox(database: database, instanceID: "reader"), pollInterval: .milliseconds(2), logger: testLogger) { event in
                seen.withLock { $0.append(event.seq) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await follower.run() }
                defer { group.cancelAll() }
                try await waitUntil(seconds: 60) { follower.position.listening }
                try await TestPostgres.secondInstance(of: database) { other in
                    try await withThrowingTaskGroup(of: Void.self) { publishing in
                        for index in 0..<300 {
                            let outbox = EventOutbox(database: index % 2 == 0 ? database : other, instanceID: "writer\(index % 2)")
                            publishing.addTask { try await outbox.publish(kind: "test", storeID: nil, payload: "\(index)") }
                        }
                        try await publishing.waitForAll()
                    }
                }
                try await waitUntil(seconds: 10) { seen.withLock { $0.count } >= 300 }
                let delivered = seen.withLock { $0 }
                #expect(delivered.count == 300)
                #expect(delivered == delivered.sorted())
                #expect(Set(delivered).count == 300)
            }
        }
    }
}

/// Polls `condition` every 20 ms until it holds; fails the test after `seconds`.
func waitUntil(seconds: Double, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(seconds) s", sourceLocation: sourceLocation)
            return
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}
