import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Conversations as the turn writer stores them and a resume reads them back, on each backend; the
/// reader is a second connection to the same database, as another instance would be.
@Suite("Conversation storage")
struct ConversationStoreTests {
    /// Runs `body` with a writer's store and a second instance's store on one database holding two stores.
    static func with(_ backend: StorageBackend,
                     _ body: @escaping @Sendable (_ writing: any ConversationStore, _ reading: any ConversationStore, _ stores: [Int64]) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let file = TestDatabase()
            let database = try file.open()
            var stores: [Int64] = []
            for slug in ["a", "b"] {
                stores.append(try await database.writer.write { db in
                    try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES (?, ?, 'USD', ?)", arguments: [slug, slug, Date()])
                    return db.lastInsertedRowID
                })
            }
            try await body(database, try file.open(), stores)
        case .postgres:
            try await TestPostgres.withDatabase { database in
                var stores: [Int64] = []
                for slug in ["a", "b"] {
                    stores.append(try #require(try await database.rows("INSERT INTO stores (slug, name) VALUES (\(slug), \(slug)) RETURNING id").first?.decode(Int64.self)))
                }
                try await TestPostgres.secondInstance(of: database) { other in
                    try await body(PostgresConversationStore(database: database), PostgresConversationStore(database: other), stores)
                }
            }
        }
    }

    static func turn(_ session: String, store: Int64, seq: Int, role: String = "customer", at date: Date) -> TurnRecord {
        TurnRecord(sessionId: session, storeId: store, seq: seq, clientMessageId: seq == 1 ? nil : "c\(seq)", text: "message \(seq)",
                   intent: "search_products", confidence: 0.9, entities: "[]", replyId: "r\(seq)", reply: "{\"id\":\"r\(seq)\"}", createdAt: date, role: role)
    }

    @Test(arguments: StorageBackend.reachable) func aSessionWrittenOnOneInstanceResumesAndReplaysOnAnother(backend: StorageBackend) async throws {
        try await Self.with(backend) { writing, reading, stores in
            let writer = TurnWriter(store: writing, logger: testLogger)
            let running = Task { try await writer.run() }
            defer { running.cancel() }
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let record = SessionRecord(id: "tok-1", storeId: stores[0], role: "customer", state: "{}", lastSeq: 0, createdAt: start, lastSeenAt: start)
            try await writer.commit(.turn(Self.turn("tok-1", store: stores[0], seq: 1, at: start), state: "{\"n\":1}", lastSeenAt: start, create: record))
            try await writer.commit(.role(sessionID: "tok-1", role: "owner"))
            try await writer.commit(.turn(Self.turn("tok-1", store: stores[0], seq: 2, role: "owner", at: start + 5), state: "{\"n\":2}", lastSeenAt: start + 5, create: nil))
            let resumed = try #require(try await reading.session(id: "tok-1", storeID: stores[0]))
            #expect(resumed.state == "{\"n\":2}")
            #expect(resumed.lastSeq == 2)
            #expect(resumed.role == "owner")
            #expect(abs(resumed.lastSeenAt.timeIntervalSince(start + 5)) < 0.001)
            #expect(try await reading.replies(sessionID: "tok-1", after: 0, limit: 200).map(\.replyID) == ["r1", "r2"])
            let second = try #require(try await reading.replies(sessionID: "tok-1", after: 1, limit: 200).first)
            #expect(second == StoredReply(frame: "{\"id\":\"r2\"}", replyID: "r2", clientMessageID: "c2", role: "owner"))
            #expect(try await reading.replies(sessionID: "tok-1", after: 0, limit: 1).count == 1)
            // Another store's token is not this store's session.
            #expect(try await reading.session(id: "tok-1", storeID: stores[1]) == nil)
        }
    }

    @Test(arguments: StorageBackend.reachable) func aBadWriteFailsAloneAndPurgingDeletesOldConversationsWithTheirTurns(backend: StorageBackend) async throws {
        try await Self.with(backend) { writing, reading, stores in
            let writer = TurnWriter(store: writing, logger: testLogger)
            let running = Task { try await writer.run() }
            defer { running.cancel() }
            let old = Date(timeIntervalSince1970: 1_700_000_000)
            let recent = old + 40 * 86_400
            for (token, at) in [("old", old), ("recent", recent)] {
                let record = SessionRecord(id: token, storeId: stores[1], role: "customer", state: "{}", lastSeq: 0, createdAt: at, lastSeenAt: at)
                try await writer.commit(.turn(Self.turn(token, store: stores[1], seq: 1, at: at), state: "{}", lastSeenAt: at, create: record))
            }
            // The same sequence number twice is refused, and only that write fails.
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { (try? await writer.commit(.turn(Self.turn("recent", store: stores[1], seq: 1, at: recent), state: "{\"dup\":1}", lastSeenAt: recent, create: nil))) != nil }
                group.addTask { (try? await writer.commit(.state(sessionID: "recent", state: "{\"reset\":1}", lastSeenAt: recent))) != nil }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
            #expect(try await reading.session(id: "recent", storeID: stores[1])?.state == "{\"reset\":1}")
            try await writer.commit(.purge(before: old + 30 * 86_400))
            #expect(try await reading.session(id: "old", storeID: stores[1]) == nil)
            #expect(try await reading.replies(sessionID: "old", after: 0, limit: 10).isEmpty)
            #expect(try await reading.session(id: "recent", storeID: stores[1]) != nil)
        }
    }

    /// A group commit's batch of turns from several sessions, some stored with their first turn: stored
    /// whole, and a batch with one bad turn stores none of them (PostgreSQL writes such a batch as one
    /// statement, SQLite in one transaction).
    @Test(arguments: StorageBackend.reachable) func aBatchOfTurnsFromSeveralSessionsIsStoredWholeOrNotAtAll(backend: StorageBackend) async throws {
        try await Self.with(backend) { writing, reading, stores in
            let at = Date(timeIntervalSince1970: 1_800_000_000)
            func record(_ id: String) -> SessionRecord {
                SessionRecord(id: id, storeId: stores[0], role: "customer", state: "{}", lastSeq: 0, createdAt: at, lastSeenAt: at)
            }
            try await writing.apply([.turn(Self.turn("old", store: stores[0], seq: 1, at: at), state: "{\"n\":1}", lastSeenAt: at, create: record("old"))])
            try await writing.apply([
                .turn(Self.turn("old", store: stores[0], seq: 2, at: at + 1), state: "{\"n\":2}", lastSeenAt: at + 1, create: nil),
                .turn(Self.turn("new", store: stores[0], seq: 1, at: at + 2), state: "{\"m\":1}", lastSeenAt: at + 2, create: record("new")),
            ])
            let old = try #require(try await reading.session(id: "old", storeID: stores[0]))
            #expect(old.state == "{\"n\":2}" && old.lastSeq == 2 && abs(old.lastSeenAt.timeIntervalSince(at + 1)) < 0.001)
            let new = try #require(try await reading.session(id: "new", storeID: stores[0]))
            #expect(new.state == "{\"m\":1}" && new.lastSeq == 1 && abs(new.createdAt.timeIntervalSince(at)) < 0.001)
            #expect(try await reading.replies(sessionID: "old", after: 0, limit: 10).map(\.replyID) == ["r1", "r2"])
            #expect(try await reading.replies(sessionID: "new", after: 0, limit: 10).first?.clientMessageID == nil)
            // Sequence number 2 of "new" is fine; 2 of "old" is taken, so neither is stored.
            await #expect(throws: (any Error).self) {
                try await writing.apply([
                    .turn(Self.turn("new", store: stores[0], seq: 2, at: at + 3), state: "{\"m\":2}", lastSeenAt: at + 3, create: nil),
                    .turn(Self.turn("old", store: stores[0], seq: 2, at: at + 3), state: "{\"n\":3}", lastSeenAt: at + 3, create: nil),
                ])
            }
            #expect(try await reading.session(id: "new", storeID: stores[0])?.lastSeq == 1)
            #expect(try await reading.session(id: "old", storeID: stores[0])?.state == "{\"n\":2}")
            #expect(try await reading.replies(sessionID: "new", after: 0, limit: 10).count == 1)
        }
    }

    /// The turn writer's prepared insert stores each column as the record's own Codable insert does.
    @Test func thePreparedTurnInsertStoresWhatTheRecordsInsertStores() async throws {
        let database = try TestDatabase().open()
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('a', 'a', 'USD', ?)", arguments: [Date()])
            let store = db.lastInsertedRowID
            let at = Date(timeIntervalSince1970: 1_800_000_000.123)
            for session in ["by-record", "prepared"] {
                try SessionRecord(id: session, storeId: store, role: "customer", state: "{}", lastSeq: 0, createdAt: at, lastSeenAt: at).insert(db)
            }
            for seq in 1...2 {
                try Self.turn("by-record", store: store, seq: seq, at: at + Double(seq)).insert(db)
                try SessionWrite.insert(Self.turn("prepared", store: store, seq: seq, at: at + Double(seq)), db)
            }
            let columns = "storeId, seq, clientMessageId, text, intent, confidence, entities, replyId, reply, createdAt, role, typeof(createdAt), typeof(confidence)"
            let byRecord = try Row.fetchAll(db, sql: "SELECT \(columns) FROM turns WHERE sessionId = 'by-record' ORDER BY seq")
            let prepared = try Row.fetchAll(db, sql: "SELECT \(columns) FROM turns WHERE sessionId = 'prepared' ORDER BY seq")
            #expect(byRecord.count == 2)
            #expect(byRecord == prepared)
        }
    }

}
