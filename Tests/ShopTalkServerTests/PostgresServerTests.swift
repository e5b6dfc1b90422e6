import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Two real servers (`buildApplication` with `--db postgres://…`) on one PostgreSQL database, each on its
/// own loopback port, as two instances behind a load balancer would run.
@Suite("PostgreSQL servers", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresServerTests {
    static func configuration(_ database: PostgresAppDatabase, instance: String) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        let location = database.location
        configuration.databasePath = "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)"
        configuration.instanceID = instance
        configuration.port = 0
        configuration.publicDirectory = "Public"
        configuration.today = ShopClock.parseDay("2026-03-15")
        configuration.headTimeout = 300
        configuration.idleTimeout = 600
        return configuration
    }

    /// Runs `body` with a client of each of two servers on `database`.
    static func withTwoServers(_ database: PostgresAppDatabase, _ body: @escaping @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void) async throws {
        try await withLiveServer(configuration(database, instance: "a")) { a in
            try await withLiveServer(configuration(database, instance: "b")) { b in
                try await body(a, b)
            }
        }
    }

    @Test func aConversationMovesBetweenInstancesAndAnOwnerOnOneHearsOfATicketOnTheOther() async throws {
        try await TestPostgres.withDatabase(deadline: 400) { database in
            try await Self.withTwoServers(database) { a, b in
                // Both report the shared database and their view of the event stream.
                for (client, name) in [(a, "a"), (b, "b")] {
                    try await client.execute(uri: "/health", method: .get) { response in
                        let body = String(buffer: response.body)
                        #expect(response.status == .ok && body.contains("\"backend\":\"postgresql\"") && body.contains("\"instance\":\"\(name)\""), "\(body)")
                    }
                }
                // A search started on a is refined on b, and b replays what a answered.
                let first = try await converse(a, messages: ["show me headphones"])
                let second = try await converse(b, session: first.session, messages: ["under $100"])
                #expect(second.welcome["resumed"] == .bool(true) && second.replies[0].string("id") == "r2")
                let cards = second.replies[0].products
                #expect(!cards.isEmpty && cards.allSatisfy { $0["category"] == .string("headphones") && ($0["price"]?.numberValue ?? 999) <= 100 })
                let stranger = try await SessionChurnTests().replayAll(a, session: first.session, token: nil)
                #expect(stranger.compactMap { $0.string("id") } == ["r1", "r2"])

                // An owner signed in on a hears of a complaint filed on b.
                let token = try await OwnerTokens(database: database).create(storeSlug: "demo", name: "console", now: .now)
                let heard = Shared<[String]>([])
                try await a.ws("/chat?store=demo") { inbound, outbound, _ in
                    var frames = FrameReader(inbound)
                    _ = try await frames.next()
                    try await outbound.send(["type": "auth", "token": token])
                    #expect(try await frames.next().string("type") == "auth_ok")
                    let filed = try await converse(b, messages: ["my headphones arrived broken"])
                    guard case .object(let ticket)? = filed.replies[0]["ticket"], let reference = ticket["reference"]?.stringValue else {
                        Issue.record("no ticket in \(filed.replies[0])")
                        return
                    }
                    let started = ContinuousClock.now
                    let alert = try await frames.next()
                    #expect(ContinuousClock.now - started < .seconds(3)) // milliseconds idle; room for a loaded CI machine
                    #expect(alert.string("type") == "alert" && alert.string("kind") == "ticket")
                    #expect(alert.string("message")?.contains(reference) == true)
                    heard.withLock { $0.append(reference) }
                }
                #expect(heard.withLock { $0.count } == 1)

                // Insights and reorder settings run on PostgreSQL's sales lines; the alert history is there.
                try await b.execute(uri: "/api/stores/demo/insights/forecast", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .ok && String(buffer: response.body).contains("\"insight\":\"forecast\""), "\(String(buffer: response.body))")
                }
                try await a.execute(uri: "/api/stores/demo/settings/inventory", method: .put, headers: [.authorization: "Bearer \(token)"],
                                    body: ByteBuffer(string: #"{"leadTimeDays":12}"#)) { response in
                    #expect(response.status == .ok)
                }
                try await b.execute(uri: "/api/stores/demo/settings/inventory", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(String(buffer: response.body).contains("\"leadTimeDays\":12"), "\(String(buffer: response.body))")
                }
                try await b.execute(uri: "/api/stores/demo/alerts", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .ok && String(buffer: response.body).contains("\"kind\":\"ticket\""))
                }

                // The demo store's policies were seeded with it; a section the owner writes on a answers on b.
                let returns = try await converse(b, messages: ["what's your return policy?"])
                #expect(returns.replies[0].string("text")?.hasPrefix("From our Returns and refunds policy") == true)
                let section = #"{"title":"Gift wrapping","body":"We gift wrap any order for $3.50."}"#
                #expect(try await call(a, .put, "/api/stores/demo/policies/gift-wrap", token: token, body: section).0 == .created)
                let wrap = try await converse(b, messages: ["what are your store policies on gift wrapping?"])
                #expect(wrap.replies[0].string("text")?.contains("$3.50") == true, "\(wrap.replies[0])")

                // An order cancelled over REST on a, with a retry on b, is cancelled once; b's shoppers see it.
                let pending = try #require(try await database.rows("SELECT number FROM orders WHERE status = 'pending' ORDER BY id LIMIT 1").first?.decode(String.self))
                let headers = OrderActionAPITests.key("pg-1")
                let (created, _) = try await call(a, .post, "/api/stores/demo/orders/\(pending)/cancel", token: token, headers: headers)
                let (again, repeated) = try await call(b, .post, "/api/stores/demo/orders/\(pending)/cancel", token: token, headers: headers)
                #expect(created == .created && again == .ok && repeated["repeated"] == .bool(true) && repeated["order"]?["status"] == .string("cancelled"))
            }
        }
    }
}
