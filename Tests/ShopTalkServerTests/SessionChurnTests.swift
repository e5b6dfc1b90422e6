import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Sessions under churn and abuse: an empty connection costs nothing once closed, new sessions per
/// address are limited, old conversations are deleted, and resume cannot multiply traffic.
@Suite("Session churn and abuse")
struct SessionChurnTests {
    func sessionRows(_ database: TestDatabase) async throws -> Int {
        try await database.integers(sqlite: "SELECT COUNT(*) FROM sessions", postgres: "SELECT count(*) FROM sessions").first ?? 0
    }

    @Test func aConnectionThatNeverSpeaksLeavesNoSessionBehind() async throws {
        let database = try await TestDatabase.demoStore()
        let before = try await sessionRows(database)
        try await withLiveServer(testConfiguration(database)) { client in
            for _ in 0..<40 {
                try await client.ws("/chat?store=demo") { inbound, _, _ in
                    var frames = FrameReader(inbound)
                    let welcome = try await frames.next()
                    #expect(welcome.string("type") == "welcome")
                }
            }
            // One that speaks is stored and resumable.
            let spoke = try await converse(client, messages: ["hello"])
            let again = try await converse(client, session: spoke.session, messages: [])
            #expect(again.welcome["resumed"] == .bool(true))
        }
        #expect(try await sessionRows(database) == before + 1)
    }

    @Test func newSessionsBeyondTheAddressesLimitAreRefusedButResumingIsFree() async throws {
        let database = try await TestDatabase.demoStore()
        let configuration = testConfiguration(database) { $0.newSessionsPerMinute = 3 }
        try await withLiveServer(configuration) { client in
            let first = try await converse(client, messages: ["hi"])
            _ = try await converse(client, messages: [])
            _ = try await converse(client, messages: [])
            // Read by hand: the refusal comes in the same packets as the upgrade response and the server's
            // close, which the WebSocket client library has been seen to lose.
            let port = try #require(client.port)
            let socket = try await RawSocket.connect(port: port)
            try await socket.send(RawWebSocketOpening.request(path: "/chat?store=demo", port: port))
            let opening = RawWebSocketOpening(try await socket.read(until: RawWebSocketOpening.endsWithClose))
            #expect(opening.statusLine.hasPrefix("HTTP/1.1 101"), "\(opening.statusLine)")
            #expect(opening.frames.map(\.opcode) == [0x1, 0x8])
            let refusal = try opening.frames.first.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.payload)) }
            #expect(refusal?["type"] == .string("error") && refusal?["code"] == .string("rate_limited"), "\(String(describing: refusal))")
            // 1008, policy violation
            #expect(opening.frames.last?.payload.prefix(2) == [0x03, 0xF0])
            let resumed = try await converse(client, session: first.session, messages: ["thanks"])
            #expect(resumed.welcome["resumed"] == .bool(true))
            #expect(resumed.replies.first?.string("type") == "reply")
        }
    }

    @Test func conversationsPastTheRetentionPeriodAreDeleted() async throws {
        let database = try await TestDatabase.demoStore()
        let configuration = testConfiguration(database) { configuration in
            configuration.sessionRetentionDays = 1.0 / 86_400  // one second
            configuration.sessionPurgeInterval = 0.5
        }
        try await withLiveServer(configuration) { client in
            _ = try await converse(client, messages: ["hello"])
            for _ in 0..<60 where try await sessionRows(database) > 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(try await sessionRows(database) == 0)
    }

    @Test func resumeFramesCostInProportionToWhatTheyReplay() async throws {
        let database = try await TestDatabase.demoStore()
        let configuration = testConfiguration(database) { configuration in
            // Next to no refill, so that the count depends on the bucket alone, not on the machine's speed.
            configuration.messagesPerSecond = 0.01
            configuration.messageBurst = 40
        }
        try await withLiveServer(configuration) { client in
            let talk = try await converse(client, messages: (0..<20).map { "show me item \($0)" })
            try await client.ws("/chat?store=demo&session=\(talk.session)") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                var replayed = 0
                var refused = 0
                for _ in 0..<30 {
                    try await outbound.send(["type": "resume"])
                    while true {
                        let frame = try await frames.next()
                        if frame.string("type") == "resume_ok" { replayed += 1; break }
                        if frame.string("type") == "error" { #expect(frame.string("code") == "rate_limited"); refused += 1; break }
                    }
                }
                // The bucket left after 20 messages pays for a few replays of 20 replies, not 30.
                #expect(replayed <= 8)
                #expect(refused >= 22)
            }
        }
    }

    @Test func anOwnersAnswerIsReplayedOnlyToASignedInOwner() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken()
        try await withLiveServer(testConfiguration(database)) { client in
            let box = FramesBox()
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                await box.append(try await frames.next())
                try await outbound.send(["type": "auth", "token": token])
                #expect(try await frames.next().string("type") == "auth_ok")
                try await outbound.say("top customers by revenue this year", id: "q1")
                let answer = try await frames.next()
                #expect(answer["result"] != nil)
            }
            let session = try #require(await box.frames.first?.string("session"))
            let stranger = try await replayAll(client, session: session, token: nil)
            #expect(stranger.count == 1)
            #expect(stranger[0]["result"] == nil)
            #expect(stranger[0].string("text")?.contains("Sign in as the owner") == true)
            #expect(stranger[0].string("replyTo") == "q1")
            let owner = try await replayAll(client, session: session, token: token)
            #expect(owner.first?["result"] != nil)
        }
    }

    /// The replies a connection to `session` gets for a full resume, signed in first when `token` is given.
    func replayAll(_ client: any TestClientProtocol, session: String, token: String?) async throws -> [[String: JSONValue]] {
        let box = FramesBox()
        try await client.ws("/chat?store=demo&session=\(session)") { inbound, outbound, _ in
            var frames = FrameReader(inbound)
            _ = try await frames.next()
            if let token {
                try await outbound.send(["type": "auth", "token": token])
                _ = try await frames.next()
            }
            try await outbound.send(["type": "resume"])
            while true {
                let frame = try await frames.next()
                if frame.string("type") == "resume_ok" { break }
                await box.append(frame)
            }
        }
        return await box.frames
    }
}

actor FramesBox {
    var frames: [[String: JSONValue]] = []
    func append(_ frame: [String: JSONValue]) { frames.append(frame) }
}
