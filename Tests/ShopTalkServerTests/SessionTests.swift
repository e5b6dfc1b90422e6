import Foundation
import GRDB
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// What one connection saw: its session token and the reply frames it received.
struct Conversation: Sendable {
    var session = ""
    var welcome: [String: JSONValue] = [:]
    var replies: [[String: JSONValue]] = []
}

/// Connects, sends `messages` one after another, and collects the welcome and the replies.
func converse(_ client: any TestClientProtocol, session: String? = nil, messages: [String]) async throws -> Conversation {
    let path = "/chat?store=demo" + (session.map { "&session=\($0)" } ?? "")
    let box = ConversationBox()
    try await client.ws(path) { inbound, outbound, _ in
        var frames = FrameReader(inbound)
        var conversation = Conversation()
        conversation.welcome = try await frames.next()
        conversation.session = conversation.welcome.string("session") ?? ""
        for (index, text) in messages.enumerated() {
            try await outbound.say(text, id: "m\(index)")
            conversation.replies.append(try await frames.next())
        }
        await box.set(conversation)
    }
    return await box.value
}

actor ConversationBox {
    var value = Conversation()
    func set(_ conversation: Conversation) { value = conversation }
}

@Suite("Sessions")
struct SessionTests {
    @Test func reconnectingWithTheTokenKeepsTheSlots() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            let first = try await converse(client, messages: ["show me laptops", "under $800"])
            #expect(first.replies[1].products.allSatisfy { ($0["price"]?.numberValue ?? 9_999) <= 800 })
            let second = try await converse(client, session: first.session, messages: ["only Dell"])
            #expect(second.welcome["resumed"] == .bool(true))
            #expect(second.session == first.session)
            #expect(second.welcome.string("lastReplyId") == "r2")
            let products = second.replies[0].products
            #expect(!products.isEmpty)
            for product in products {
                #expect(product["brand"] == .string("Dell"))
                #expect(product["category"] == .string("laptops"))
                #expect((product["price"]?.numberValue ?? 9_999) <= 800)
            }
            #expect(second.replies[0].string("id") == "r3")
        }
    }

    @Test func aRestartOnTheSameFileResumesAndReplaysMissedReplies() async throws {
        let database = try await TestDatabase.demoStore()
        let first = try await withLiveServer(testConfiguration(database)) { client in
            try await converse(client, messages: ["show me phones", "only Samsung", "under $500"])
        }
        #expect(first.replies.map { $0.string("id") } == ["r1", "r2", "r3"])

        // A new server process on the same database.
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo&session=\(first.session)") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                let welcome = try await frames.next()
                #expect(welcome["resumed"] == .bool(true))
                #expect(welcome.string("lastReplyId") == "r3")
                // The client saw only r1 before it went away.
                try await outbound.send(["type": "resume", "after": "r1"])
                let replayed = [try await frames.next(), try await frames.next()]
                #expect(replayed.map { $0.string("id") } == ["r2", "r3"])
                #expect(replayed[1].string("text") == first.replies[2].string("text"))
                #expect(replayed[1].string("replyTo") == "m2")
                let done = try await frames.next()
                #expect(done.string("type") == "resume_ok")
                #expect(done["replayed"] == .number(2))
                // Slots survived the restart too.
                try await outbound.say("what about in black?", id: "after-restart")
                let reply = try await frames.next()
                #expect(reply.string("id") == "r4")
                for product in reply.products {
                    #expect(product["brand"] == .string("Samsung"))
                    #expect(product["category"] == .string("phones"))
                    #expect((product["price"]?.numberValue ?? 9_999) <= 500)
                    #expect(product["colors"].map { "\($0)".contains("black") } == true)
                }
            }
        }
    }

    @Test func resumingWithoutAfterReplaysEverything() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            let first = try await converse(client, messages: ["hi", "show me tvs"])
            try await client.ws("/chat?store=demo&session=\(first.session)") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.send(["type": "resume"])
                #expect(try await frames.next().string("id") == "r1")
                #expect(try await frames.next().string("id") == "r2")
                #expect(try await frames.next().string("type") == "resume_ok")
            }
        }
    }

    @Test func aStaleTokenStartsANewSessionAndSaysSo() async throws {
        let database = try await TestDatabase.demoStore()
        let configuration = testConfiguration(database) { $0.sessionTTL = 0.5 }
        try await withLiveServer(configuration) { client in
            let first = try await converse(client, messages: ["show me laptops"])
            try await Task.sleep(for: .seconds(1))
            let second = try await converse(client, session: first.session, messages: [])
            #expect(second.welcome["resumed"] == .bool(false))
            #expect(second.welcome.string("resumeError") == "expired")
            #expect(second.session != first.session)
            let unknown = try await converse(client, session: "no-such-token", messages: [])
            #expect(unknown.welcome.string("resumeError") == "unknown")
        }
    }

    @Test func aSessionOfAnotherStoreCannotBeResumed() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        try await DemoSeeder(database: pool).seed(slug: "other", clock: ShopClock(today: ShopClock.parseDay("2026-03-15")!), logger: testLogger)
        try await withLiveServer(testConfiguration(database)) { client in
            let first = try await converse(client, messages: ["hi"])
            let box = ConversationBox()
            try await client.ws("/chat?store=other&session=\(first.session)") { inbound, _, _ in
                var frames = FrameReader(inbound)
                var conversation = Conversation()
                conversation.welcome = try await frames.next()
                await box.set(conversation)
            }
            let welcome = await box.value.welcome
            #expect(welcome["resumed"] == .bool(false))
            #expect(welcome.string("session") != first.session)
        }
    }

    @Test func resetClearsSlotsButKeepsTheConversation() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say("show me Sony headphones", id: "a")
                _ = try await frames.next()
                try await outbound.send(["type": "reset"])
                #expect(try await frames.next().string("type") == "reset_ok")
                try await outbound.say("under $100", id: "b")
                let reply = try await frames.next()
                #expect(reply.string("id") == "r2")
                // Without the old slots the price applies to every category and brand.
                let brands = Set(reply.products.compactMap { $0.string("brand") })
                let categories = Set(reply.products.compactMap { $0.string("category") })
                #expect(brands != ["Sony"] || categories != ["headphones"])
            }
        }
    }

    @Test func oneSessionsMessagesStayInOrderWhileSessionsRunConcurrently() async throws {
        let database = try await TestDatabase.seeded()
        try await withLiveServer(testConfiguration(database)) { client in
            let first = try await converse(client, messages: ["hi"])
            // Two connections share one session and fire without waiting; two more sessions run beside them.
            try await withThrowingTaskGroup(of: [String].self) { group in
                for connection in 0..<2 {
                    group.addTask {
                        try await self.burst(client, session: first.session, prefix: "s\(connection)-", count: 8)
                    }
                }
                for other in 0..<2 {
                    group.addTask {
                        try await self.burst(client, session: nil, prefix: "o\(other)-", count: 8)
                    }
                }
                for try await replyTos in group {
                    // Each connection receives its answers in the order it sent the messages.
                    let prefix = String(replyTos.first?.prefix(3) ?? "")
                    #expect(replyTos == (0..<8).map { "\(prefix)\($0)" })
                }
            }
            // The shared session's turns were numbered one after another, with no gap or duplicate.
            let pool = try database.open()
            let seqs = try await pool.writer.read { db in
                try Int.fetchAll(db, sql: "SELECT seq FROM turns WHERE sessionId = ? ORDER BY seq", arguments: [first.session])
            }
            #expect(seqs == Array(1...17))
        }
    }

    /// Sends `count` messages without waiting, then reads the replies; returns their replyTo values.
    private func burst(_ client: any TestClientProtocol, session: String?, prefix: String, count: Int) async throws -> [String] {
        let box = ReplyToBox()
        let path = "/chat?store=demo" + (session.map { "&session=\($0)" } ?? "")
        try await client.ws(path) { inbound, outbound, _ in
            var frames = FrameReader(inbound)
            _ = try await frames.next()
            for index in 0..<count {
                try await outbound.say(index % 2 == 0 ? "show me headphones" : "cheaper ones", id: "\(prefix)\(index)")
            }
            for _ in 0..<count {
                let frame = try await frames.next()
                await box.append(frame.string("replyTo") ?? frame.string("code") ?? "?")
            }
        }
        return await box.values
    }
}

actor ReplyToBox {
    var values: [String] = []
    func append(_ value: String) { values.append(value) }
}
