import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("HTTP endpoints")
struct HTTPTests {
    @Test func healthReportsStatusVersionInstanceDatabaseAndUptime() async throws {
        let database = try await TestDatabase.demoStore()
        var configuration = testConfiguration(database)
        configuration.instanceID = "shop-b.2"
        try await withLiveServer(configuration) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(body["status"] == .string("ok"))
                #expect(body["database"] == .string("ok"))
                #expect(body["backend"] == .string(TestPostgres.liveServers ? "postgresql" : "sqlite"), "\(body)")
                #expect(body["version"] == .string(ShopTalkVersion.string))
                #expect(body["instance"] == .string("shop-b.2"))
                #expect((body["uptimeSeconds"]?.numberValue ?? -1) >= 0)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("shoptalk_instance_info{instance=\"shop-b.2\",version=\"\(ShopTalkVersion.string)\"} 1"))
            }
        }
    }

    @Test func postingAMessageAnswersWithTheReplyAndASessionToResume() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            var session = ""
            try await client.execute(
                uri: "/api/chat", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"store":"demo","text":"show me laptops","id":"web-1"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(body["type"] == .string("reply"))
                #expect(body["replyTo"] == .string("web-1"))
                #expect(body["resumed"] == .bool(false))
                session = body["session"]?.stringValue ?? ""
            }
            #expect(!session.isEmpty)
            try await client.execute(
                uri: "/api/chat", method: .post,
                body: ByteBuffer(string: #"{"store":"demo","session":"\#(session)","text":"only Lenovo"}"#)
            ) { response in
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(body["resumed"] == .bool(true))
                #expect(body["id"] == .string("r2"))
                guard case .array(let products)? = body["products"] else {
                    Issue.record("no products")
                    return
                }
                #expect(!products.isEmpty)
                #expect(products.allSatisfy { $0["brand"] == .string("Lenovo") && $0["category"] == .string("laptops") })
            }
        }
    }

    @Test(arguments: [
        (#"not json"#, HTTPResponse.Status.badRequest, "bad_json"),
        (#"{"text":"hi"}"#, .badRequest, "missing_field"),
        (#"{"store":"demo"}"#, .badRequest, "missing_field"),
        (#"{"store":"demo","text":7}"#, .badRequest, "bad_json"),
        (#"{"store":"nowhere","text":"hi"}"#, .notFound, "not_found"),
    ])
    func aBadChatRequestGetsA4xxWithAnErrorCode(body: String, status: HTTPResponse.Status, code: String) async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.execute(uri: "/api/chat", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == status)
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json["error"]?["code"] == .string(code))
            }
        }
    }

    @Test func metricsCountConnectionsMessagesLatencyAndErrors() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            _ = try await converse(client, messages: ["show me headphones", "hello"])
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.write(.text("garbage"))
                _ = try await frames.next()
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"shoptalk_messages_total{intent="find_products"} 1"#))
                #expect(text.contains(#"shoptalk_messages_total{intent="greeting"} 1"#))
                #expect(text.contains(#"shoptalk_errors_total{code="bad_json"} 1"#))
                #expect(text.contains("shoptalk_reply_duration_seconds_count 2"))
                #expect(text.contains("shoptalk_open_connections"))
            }
        }
    }

    @Test func theWidgetFolderIsServedAtTheRoot() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<html"))
            }
        }
    }
}
