import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Connection guards: origins, limits, shutdown")
struct GuardTests {
    static let upgrade: HTTPFields = [
        .upgrade: "websocket", .connection: "Upgrade", .secWebSocketVersion: "13", .secWebSocketKey: "dGhlIHNhbXBsZSBub25jZQ==",
    ]

    @Test func pagesFromOtherSitesCannotOpenChats() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            var headers = Self.upgrade
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/chat?store=demo", method: .get, headers: headers) { response in
                #expect(response.status == .forbidden)
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(body["error"]?["code"] == .string("forbidden"))
                #expect(body["error"]?["message"]?.stringValue?.contains("--allowed-origins") == true)
            }
        }
    }

    @Test func theOriginPolicyAllowsTheServersOwnPagesAndTheListedOnes() {
        let policy = OriginPolicy(allowed: ["https://Shop.Example/"], serverNames: ["chat.example", "127.0.0.1"])
        #expect(policy.refusal(origin: nil, host: "chat.example:8080") == nil)
        #expect(policy.refusal(origin: "http://chat.example:8080", host: "chat.example:8080") == nil)
        #expect(policy.refusal(origin: "https://chat.example", host: "chat.example") == nil)
        #expect(policy.refusal(origin: "https://shop.example", host: "chat.example:8080") == nil)
        #expect(policy.refusal(origin: "ws://127.0.0.1", host: "127.0.0.1:8080") == nil)
        #expect(policy.refusal(origin: "http://chat.example:9999", host: "chat.example:8080")?.code == .forbidden)
        #expect(policy.refusal(origin: "https://shop.example.evil.com", host: "chat.example:8080")?.code == .forbidden)
        #expect(policy.refusal(origin: "null", host: "chat.example:8080")?.code == .forbidden)
        #expect(OriginPolicy(allowed: ["*"]).refusal(origin: "https://anywhere.example", host: "chat.example") == nil)
    }

    @Test func aRebindingPageWhoseOriginMatchesItsHostHeaderIsStillRefused() {
        // A DNS-rebinding page sends Origin and Host of its own name: equal, but not a name of ours.
        let policy = OriginPolicy(allowed: [], serverNames: ["chat.example"])
        #expect(policy.refusal(origin: "http://evil.example", host: "evil.example")?.code == .forbidden)
        #expect(policy.refusal(origin: "http://evil.example:8080", host: "evil.example:8080")?.code == .forbidden)
        #expect(policy.refusal(origin: "http://chat.example:8080", host: "chat.example:8080") == nil)
    }

    @Test func connectionsBeyondThePerAddressLimitAreRefusedWith429() async throws {
        let database = try await TestDatabase.demoStore()
        // Every TCP connection counts: the test client's own HTTP connection and two chats fill three places.
        let gate = ConnectionGate(limits: .init(total: 100, perAddress: 3))
        try await withLiveServer(testConfiguration(database), gate: gate) { client in
            try await client.ws("/chat?store=demo") { inbound, _, _ in
                var first = FrameReader(inbound)
                _ = try await first.next()
                try await client.ws("/chat?store=demo") { inbound, _, _ in
                    var second = FrameReader(inbound)
                    _ = try await second.next()
                    #expect(gate.open == 3)
                    let fourth = try await RawSocket.connect(port: try #require(client.port))
                    let (answer, _) = try await fourth.readToClose()
                    #expect(answer.hasPrefix("HTTP/1.1 429"))
                    #expect(answer.contains("\"code\":\"rate_limited\""))
                }
            }
            // Closed connections are counted out, so new ones are admitted again.
            for _ in 0..<200 where gate.open > 1 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(gate.open == 1)
            try await client.ws("/chat?store=demo") { inbound, _, _ in
                var frames = FrameReader(inbound)
                let welcome = try await frames.next()
                #expect(welcome.string("type") == "welcome")
            }
        }
    }
}
