import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWSClient
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("WebSocket chat protocol")
struct ChatProtocolTests {
    @Test func connectingGreetsWithANewSessionOfTheDemoStore() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, _, _ in
                var frames = FrameReader(inbound)
                let welcome = try await frames.next()
                #expect(welcome.string("type") == "welcome")
                #expect(welcome["resumed"] == .bool(false))
                #expect(welcome.string("role") == "customer")
                #expect((welcome.string("session") ?? "").count >= 20)
                #expect(welcome["store"]?["slug"] == .string("demo"))
                #expect(welcome["store"]?["currency"] == .string("USD"))
            }
        }
    }

    @Test func aMessageGetsAReplyWithItsIdAndRealProducts() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say("show me headphones", id: "c-1")
                let reply = try await frames.next()
                #expect(reply.string("type") == "reply")
                #expect(reply.string("replyTo") == "c-1")
                #expect(reply.string("id") == "r1")
                #expect(reply["intent"]?["name"] == .string("find_products"))
                let products = reply.products
                #expect(products.count == 5)
                #expect(products.allSatisfy { $0["category"] == .string("headphones") })
                #expect(reply.string("text")?.hasPrefix("Here are 5 headphones") == true)
                guard case .array(let suggestions)? = reply["suggestions"] else {
                    Issue.record("no suggestions")
                    return
                }
                #expect((2...4).contains(suggestions.count))
            }
        }
    }

    @Test(arguments: [
        ("not json at all", "bad_json"),
        ("[1,2,3]", "bad_json"),
        (#"{"type":"dance"}"#, "unknown_type"),
        (#"{"text":"hi"}"#, "missing_field"),
        (#"{"type":"message","id":"x"}"#, "missing_field"),
        (#"{"type":"message","text":42}"#, "bad_json"),
        (#"{"type":"message","text":"   "}"#, "missing_field"),
        (#"{"type":"auth","token":"not-a-real-token"}"#, "unauthorized"),
        (#"{"type":"resume","after":"r999"}"#, "not_found"),
    ])
    func eachBadFrameGetsItsErrorCodeAndTheConnectionKeepsWorking(frame: String, code: String) async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.write(.text(frame))
                let error = try await frames.next()
                #expect(error.string("type") == "error")
                #expect(error.string("code") == code)
                #expect(!(error.string("message") ?? "").isEmpty)
                try await outbound.send(["type": "ping"])
                #expect(try await frames.next().string("type") == "pong")
            }
        }
    }

    @Test func anErrorAboutAMessageNamesItsId() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.send(["type": "message", "id": "m-7"])
                let error = try await frames.next()
                #expect(error.string("code") == "missing_field")
                #expect(error.string("replyTo") == "m-7")
            }
        }
    }

    @Test func oversizedTextAndFramesAndBinaryFramesAreRefusedPolitely() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say(String(repeating: "a", count: 4_001), id: "long")
                let tooLong = try await frames.next()
                #expect(tooLong.string("code") == "too_large")
                #expect(tooLong.string("replyTo") == "long")

                try await outbound.say(String(repeating: "a", count: 4_000), id: "max")
                #expect(try await frames.next().string("type") == "reply")

                let padding = String(repeating: " ", count: 17 * 1024)
                try await outbound.write(.text(#"{"type":"ping"}"# + padding))
                #expect(try await frames.next().string("code") == "too_large")

                let megabyte = String(repeating: "x", count: 1 << 20)
                try await outbound.write(.text(megabyte))
                #expect(try await frames.next().string("code") == "too_large")

                try await outbound.write(.binary(ByteBuffer(bytes: [0x00, 0xFF, 0x10])))
                #expect(try await frames.next().string("code") == "unknown_type")

                try await outbound.write(.text(String(decoding: [0x7B, 0xFF, 0xFE, 0x7D], as: UTF8.self)))
                #expect(try await frames.next().string("code") == "bad_json")

                try await outbound.send(["type": "ping"])
                #expect(try await frames.next().string("type") == "pong")
            }
        }
    }

    @Test func aClientSendingOnlyGarbageIsClosedWith1008() async throws {
        let database = try await TestDatabase.demoStore()
        let close = try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for index in 0..<19 {
                    try await outbound.write(.text("garbage \(index)"))
                    #expect(try await frames.next().string("code") == "bad_json")
                }
                try await outbound.write(.text("the twentieth"))
                #expect(try await frames.next().string("code") == "bad_json")
                // The server closes after the twentieth bad frame in a row.
                #expect(try await frames.drain() == 0)
            }
        }
        #expect(close?.closeCode == .policyViolation)
        #expect(close?.reason == "too many invalid frames")
    }

    @Test func aGoodFrameResetsTheBadFrameCount() async throws {
        let database = try await TestDatabase.demoStore()
        let close = try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for round in 0..<3 {
                    for _ in 0..<15 {
                        try await outbound.write(.text("junk"))
                        _ = try await frames.next()
                    }
                    try await outbound.send(["type": "ping"])
                    #expect(try await frames.next().string("type") == "pong", "round \(round)")
                }
            }
        }
        #expect(close?.closeCode != .policyViolation)
    }

    @Test func sendingFasterThanTheRateLimitGetsRateLimited() async throws {
        let database = try await TestDatabase.demoStore()
        // A burst of 2 and practically no refill, however slow the machine running the test.
        let configuration = testConfiguration(database) { $0.messagesPerSecond = 0.001; $0.messageBurst = 2 }
        try await withLiveServer(configuration) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                var codes: [String] = []
                for index in 0..<4 {
                    try await outbound.say("hello", id: "m\(index)")
                    let frame = try await frames.next()
                    codes.append(frame.string("code") ?? frame.string("type") ?? "?")
                }
                #expect(codes.prefix(2) == ["reply", "reply"])
                #expect(codes.suffix(2) == ["rate_limited", "rate_limited"])
                try await outbound.send(["type": "ping"])
                #expect(try await frames.next().string("type") == "pong")
            }
        }
    }

    @Test func aFailingStoreGivesAnInternalErrorAndTheConnectionSurvives() async throws {
        let database = try await TestDatabase.seeded()
        try await withLiveServer(testConfiguration(database)) { client in
            // Take the catalog away underneath the running server before it first loads it.
            let broken = try database.open()
            try await broken.writer.write { db in try db.execute(sql: "ALTER TABLE products RENAME TO products_away") }
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say("noise cancelling headphones", id: "q")
                let error = try await frames.next()
                #expect(error.string("code") == "internal")
                #expect(error.string("replyTo") == "q")
                // A failed load is not kept: once the table is back, the next message is answered.
                try await broken.writer.write { db in try db.execute(sql: "ALTER TABLE products_away RENAME TO products") }
                try await outbound.say("hello", id: "h")
                #expect(try await frames.next().string("type") == "reply")
            }
        }
    }

    @Test func anUnknownStoreIsRefusedWith404AndAJSONBody() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            let headers: HTTPFields = [
                .upgrade: "websocket", .connection: "Upgrade", .secWebSocketVersion: "13",
                .secWebSocketKey: "dGhlIHNhbXBsZSBub25jZQ==",
            ]
            try await client.execute(uri: "/chat?store=no-such-store", method: .get, headers: headers) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(body["error"]?["code"] == .string("not_found"))
            }
        }
    }

    @Test func plainHTTPToTheChatEndpointIsToldToUpgrade() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.execute(uri: "/chat?store=demo", method: .get) { response in
                #expect(response.status == .upgradeRequired)
            }
            try await client.execute(uri: "/chat?store=nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
