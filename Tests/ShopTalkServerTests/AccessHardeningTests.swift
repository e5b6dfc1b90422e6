import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Owner access ends the moment its token is revoked, and the order-lookup lockout outlives a restart.
@Suite("Access hardening")
struct AccessHardeningTests {
    @Test func revokingATokenDowngradesASocketThatIsAlreadySignedIn() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "revoked")
        let id = try #require(Int64(token.split(separator: "_")[1]))
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.send(["type": "auth", "token": token])
                #expect(try await frames.next().string("type") == "auth_ok")
                let revokedAt = ContinuousClock.now
                #expect(try await database.revokeToken(id: id))
                let notice = try await frames.next()
                #expect(notice.string("type") == "error")
                #expect(notice.string("code") == "unauthorized")
                #expect(notice.string("message")?.contains("revoked") == true)
                // The socket checks twice a second (well under a second idle); a CI machine running every
                // suite at once gets slack on top (3.02 s was seen there against an earlier 3 s bound).
                #expect(ContinuousClock.now - revokedAt < .seconds(5))
                try await outbound.say("what was revenue last month?", id: "after")
                let reply = try await frames.next()
                #expect(reply.string("type") == "reply")
                #expect(reply["result"] == nil)
            }
        }
    }

    @Test func theOrderLookupLockoutSurvivesARestart() async throws {
        let database = try await TestDatabase.demoStore()
        let configuration = testConfiguration(database)
        try await withLiveServer(configuration) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for attempt in 0..<5 {
                    try await outbound.say("status of ORD-20260101-\(String(format: "%04d", attempt + 1)) for thief@example.com", id: "a\(attempt)")
                    _ = try await frames.next()
                }
            }
        }
        // A new server process on the same file, as after a restart.
        try await withLiveServer(configuration) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say("status of ORD-20260101-0042 for thief@example.com", id: "after-restart")
                let refused = try await frames.next()
                #expect(refused.string("code") == "rate_limited")
                #expect(refused.string("message")?.contains("try again in") == true)
            }
        }
    }
}
