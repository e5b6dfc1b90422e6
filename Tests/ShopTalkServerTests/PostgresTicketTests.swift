import Foundation
import PostgresNIO
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Tickets filed on several instances at once, and their announcement to the others.
@Suite("PostgreSQL tickets", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresTicketTests {
    @Test func ticketsFiledOnTwoInstancesAtOnceGetDistinctReferencesAndReachTheOtherInstance() async throws {
        try await TestPostgres.withDatabase(maxConnections: 30) { database in
            try await TestPostgres.secondInstance(of: database) { other in
                var created: [Int64] = []
                for slug in ["a", "b"] {
                    created.append(try #require(try await database.rows("INSERT INTO stores (slug, name) VALUES (\(slug), \(slug)) RETURNING id").first?.decode(Int64.self)))
                }
                let stores = created
                let desks = [PostgresTickets(database: database, outbox: EventOutbox(database: database, instanceID: "a")),
                             PostgresTickets(database: other, outbox: EventOutbox(database: other, instanceID: "b"))]
                let heard = Shared<[PostgresTickets.Created]>([])
                let follower = EventFollower(outbox: EventOutbox(database: database, instanceID: "a"), pollInterval: .seconds(30), logger: testLogger) { event in
                    guard event.kind == PostgresTickets.createdEvent, event.origin == "b",
                          let created = try? JSONDecoder().decode(PostgresTickets.Created.self, from: Data(event.payload.utf8)) else { return }
                    heard.withLock { $0.append(created) }
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await follower.run() }
                    defer { group.cancelAll() }
                    try await waitUntil(seconds: 60) { follower.position.listening }
                    let references = try await withThrowingTaskGroup(of: String.self) { filing in
                        for index in 0..<60 {
                            filing.addTask {
                                try await desks[index % 2].createTicket(storeID: stores[0], sessionID: "s\(index)", text: "broken \(index)",
                                                                        category: "damaged", orderNumber: index % 3 == 0 ? "ORD-\(index)" : nil, at: Date()).reference
                            }
                        }
                        return try await filing.reduce(into: [String]()) { $0.append($1) }
                    }
                    #expect(Set(references) == Set((1001...1060).map { "TCK-\($0)" }))
                    #expect(try await desks[1].createTicket(storeID: stores[1], sessionID: "x", text: "t", category: "other", orderNumber: nil, at: Date()).reference == "TCK-1001")
                    // Instance a hears of the 30 instance b filed, through the outbox, well inside its 30 s poll.
                    try await waitUntil(seconds: 10) { heard.withLock { $0.count } == 31 }
                    #expect(heard.withLock { $0.filter { $0.orderNumber != nil }.count } >= 10)
                    await #expect(throws: ChatError.self) {
                        try await desks[0].createTicket(storeID: 999_999, sessionID: "x", text: "t", category: "other", orderNumber: nil, at: Date())
                    }
                }
            }
        }
    }
}
