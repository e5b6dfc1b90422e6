import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// One conversation answered by two instances at once: each has its own `SessionManager` and live
/// `ChatSession` for it, and they share the conversation through PostgreSQL and its session locks. The
/// catalog is the seeded SQLite demo store; only the conversation is shared here.
@Suite("PostgreSQL session order", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresSessionOrderTests {
    @Test func oneSessionOnTwoInstancesTakesTurnsAndKeepsWhatTheShopperMeant() async throws {
        let shop = try await TestDatabase.seeded().open()
        let demo = try #require(try await shop.store(slug: DemoStore.slug))
        let language = try await SharedLanguageModel.shared.model()
        let catalog = SQLiteCatalog(database: shop)
        let engine = ChatEngine(
            classifier: language.classifier, extractor: language.extractor,
            stores: ChatEngine.Stores(
                catalog: catalog, orders: SQLiteOrders(database: shop), discounts: SQLiteDiscounts(database: shop, snapshots: catalog.snapshots),
                tickets: SQLiteTickets(database: shop), history: catalog, analytics: SQLiteAnalytics(database: shop)
            ),
            clock: .system
        )
        try await TestPostgres.withDatabase { database in
            let shared = try await database.createStore(slug: demo.slug, name: demo.name, currency: demo.currency)
            try #require(shared.id == demo.id)
            try await TestPostgres.secondInstance(of: database) { other in
                let pools = [database, other]
                let writers = pools.map { TurnWriter(store: PostgresConversationStore(database: $0), logger: testLogger) }
                let managers = (0..<2).map { index in
                    SessionManager(store: PostgresConversationStore(database: pools[index]), writer: writers[index], clock: .system, ttl: 3600,
                                   rateLimit: .init(perSecond: 1_000, burst: 1_000), logger: testLogger,
                                   locks: PostgresSessionLocks(database: pools[index], wait: .seconds(30)))
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in writers { group.addTask { try await writer.run() } }
                    defer { group.cancelAll() }
                    func say(_ text: String, on session: ChatSession, _ instance: Int, id: String) async throws -> Reply {
                        try await session.respond(to: text, clientID: id, clientAddress: nil, role: .customer, engine: engine,
                                                  writer: writers[instance], now: Date()).reply
                    }
                    let a = try await managers[0].open(token: nil, store: demo).session
                    _ = try await say("hi there", on: a, 0, id: "m1")
                    let opened = try await managers[1].open(token: a.id, store: demo)
                    #expect(opened.resumed)
                    let b = opened.session
                    // The search starts on instance a after b loaded the session; b's refinement continues it.
                    _ = try await say("show me headphones", on: a, 0, id: "m2")
                    let refined = try await say("under $100", on: b, 1, id: "m3")
                    let cards = try #require(refined.products)
                    #expect(!cards.isEmpty && cards.allSatisfy { $0.category == "headphones" && $0.price <= 100 }, "\(cards.map(\.name))")
                    // 20 messages at once, alternately on the two instances: each turn takes the next number.
                    try await withThrowingTaskGroup(of: Void.self) { sending in
                        for index in 0..<20 {
                            sending.addTask { _ = try await say("thanks \(index)", on: index % 2 == 0 ? a : b, index % 2, id: "c\(index)") }
                        }
                        try await sending.waitForAll()
                    }
                    let stored = try await PostgresConversationStore(database: database).replies(sessionID: a.id, after: 0, limit: 200)
                    #expect(stored.map(\.replyID) == (1...23).map { "r\($0)" })
                    #expect(Set(stored.compactMap(\.clientMessageID)) == Set(["m1", "m2", "m3"] + (0..<20).map { "c\($0)" }))
                    // Either instance resumes it at the last reply.
                    #expect(try await managers[0].open(token: a.id, store: demo).session.id == a.id)
                    #expect(try await say("thanks again", on: a, 0, id: "m4").intent.name == "thanks")
                    let last = try await PostgresConversationStore(database: other).session(id: a.id, storeID: demo.id)
                    #expect(last?.lastSeq == 24)
                }
            }
        }
    }
}
