import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The live handoff over real sockets: a shopper asks for a person, a staff member on another connection
/// claims the chat, they talk (with typing), the shopper reconnects mid-chat, and the person hands back.
@Suite("Live handoff to a person")
struct HandoffChatTests {
    static let alwaysOpen = #"{"days":[1,2,3,4,5,6,7],"openHour":0,"closeHour":24,"claimMinutes":5}"#

    static func tokens(_ database: TestDatabase) async throws -> (owner: String, staff: String) {
        (try await database.ownerToken(name: "owner"), try await database.ownerToken(name: "Sam Lee", role: "staff"))
    }

    @Test func aStaffMemberClaimsTalksAndHandsTheChatBack() async throws {
        let database = try await TestDatabase.demoStore()
        let (owner, staff) = try await Self.tokens(database)
        try await withLiveServer(testConfiguration(database)) { client in
            let settings = "/api/stores/demo/handoffs/settings"
            #expect(try await call(client, .put, settings, token: staff, body: Self.alwaysOpen).0 == .unauthorized, "settings are the owner's")
            #expect(try await call(client, .put, settings, token: owner, body: #"{"openHour":20,"closeHour":8}"#).0 == .unprocessableContent)
            #expect(try await call(client, .put, settings, token: owner, body: Self.alwaysOpen).0 == .ok)
            // A staff token opens the queue and nothing else.
            #expect(try await call(client, .get, "/api/stores/demo/loyalty/settings", token: staff).0 == .unauthorized)
            #expect(try await call(client, .get, "/api/stores/demo/handoffs", token: staff).0 == .ok)

            try await withPeers(client, ["/chat?store=demo", "/chat?store=demo"]) { peers in
                let (desk, shopper) = (peers[0], peers[1])
                let welcome = try await shopper.next("welcome")
                let session = try #require(welcome.string("session"))
                _ = try await desk.next("welcome")
                desk.send(["type": .string("auth"), "token": .string(staff)])
                #expect(try await desk.next("auth_ok").string("role") == "staff")

                shopper.say("show me headphones", id: "s1")
                _ = try await shopper.next("reply")
                shopper.say("can I talk to a real person please?", id: "s2")
                let asked = try await shopper.next("reply")
                #expect(asked["handoff"]?["status"] == .string("queued") && asked["handoff"]?["reason"] == .string("asked"), "\(asked)")
                #expect(asked.string("text")?.contains("bringing in a person") == true)
                let queued = try await desk.next("handoff_queue")
                #expect(queued.string("event") == "opened" && queued["handoff"]?["sessionID"] == .string(session))
                let id = try #require(queued["handoff"]?["id"]?.numberValue)
                let path = "/api/stores/demo/handoffs/\(Int(id))"

                // While it waits, the shopper's words go to the queue and the assistant keeps quiet.
                shopper.say("my order never came", id: "s3")
                let quiet = try await shopper.next("reply")
                #expect(quiet.string("text") == "" && quiet["handoff"]?["event"] == .string("message"))
                #expect(try await desk.next("handoff_message").string("text") == "my order never came")

                let (_, detail) = try await call(client, .get, path, token: staff)
                #expect(detail["transcript"]?[0]?["text"] == .string("show me headphones"), "\(detail)")
                #expect(detail["messages"]?[1]?["text"] == .string("my order never came"))

                let (claimed, _) = try await call(client, .post, path + "/claim", token: staff)
                #expect(claimed == .ok)
                #expect(try await call(client, .post, path + "/claim", token: owner).0 == .conflict, "one person has it")
                let live = try await shopper.next("handoff")
                #expect(live.string("status") == "live" && live.string("text") == "You're now chatting with Sam.", "\(live)")

                // Typing both ways, and the person's words in real time, once however often they are sent.
                shopper.send(["type": .string("typing")])
                #expect(try await desk.next("typing").string("who") == "shopper")
                desk.send(["type": .string("handoff_typing"), "handoff": .number(id)])
                #expect(try await shopper.next("typing").string("agent") == "Sam")
                let line: [String: JSONValue] = ["type": .string("handoff_say"), "handoff": .number(id), "id": .string("k1"), "text": .string("Hi, I'm Sam. Let me look.")]
                desk.send(line)
                #expect(try await desk.next("handoff_ok")["repeated"] == .bool(false))
                desk.send(line)
                #expect(try await desk.next("handoff_ok")["repeated"] == .bool(true))
                #expect(try await shopper.next("agent_message").string("text") == "Hi, I'm Sam. Let me look.")
                #expect(try await !shopper.sees("agent_message", within: 0.5), "a resent line reaches the shopper once")

                // A client without a socket polls the same lines over REST with its session token.
                let (_, polled) = try await call(client, .get, "/api/chat/handoff?store=demo&session=\(session)")
                #expect(polled["handoff"]?["status"] == .string("live") && polled["messages"]?[2]?["text"] == .string("Hi, I'm Sam. Let me look."), "\(polled)")
                let (_, nobody) = try await call(client, .get, "/api/chat/handoff?store=demo&session=not-a-session")
                #expect(nobody["handoff"] == nil && nobody["messages"] == .array([]), "\(nobody)")

                let (_, suggestion) = try await call(client, .post, path + "/suggest", token: staff)
                #expect(suggestion["text"]?.stringValue?.isEmpty == false)

                // The shopper reconnects mid-chat and finds it as it was.
                try await withPeers(client, ["/chat?store=demo&session=\(session)"]) { again in
                    _ = try await again[0].next("welcome")
                    let resumed = try await again[0].next("handoff")
                    #expect(resumed.string("status") == "live" && resumed["resumed"] == .bool(true))
                    #expect(resumed["messages"]?[2]?["text"] == .string("Hi, I'm Sam. Let me look."), "\(resumed)")
                }

                #expect(try await call(client, .post, path + "/end", token: staff).0 == .ok)
                #expect(try await shopper.next("handoff").string("status") == "closed")
                shopper.say("show me headphones under $100", id: "s4")
                let back = try await shopper.next("reply")
                #expect(back["handoff"] == nil && !back.products.isEmpty, "the assistant answers again")
            }
        }
    }

    @Test func outOfHoursAFrustratedShopperGetsATicketAndLeavesAnEmail() async throws {
        let database = try await TestDatabase.demoStore()
        let (owner, _) = try await Self.tokens(database)
        try await withLiveServer(testConfiguration(database)) { client in
            #expect(try await call(client, .put, "/api/stores/demo/handoffs/settings", token: owner, body: #"{"days":[]}"#).0 == .ok)
            try await withPeers(client, ["/chat?store=demo"]) { peers in
                let shopper = peers[0]
                _ = try await shopper.next("welcome")
                shopper.say("this is ridiculous, my parcel is STILL not here!!!", id: "a1")
                let angry = try await shopper.next("reply")
                let text = angry.string("text") ?? ""
                #expect(angry["handoff"]?["status"] == .string("awaiting_email") && angry["handoff"]?["reason"] == .string("frustrated"), "\(angry)")
                #expect(text.contains("isn't at work right now") && text.contains("What email address"), "\(text)")
                let ticket = try #require(angry["ticket"]?["reference"]?.stringValue)
                shopper.say("it's jo.bloggs@example.com", id: "a2")
                let thanked = try await shopper.next("reply")
                #expect(thanked.string("text") == "Thank you. The team will reply to jo.bloggs@example.com about \(ticket) within one working day.", "\(thanked)")
            }
        }
        let stored = try await database.integers(
            sqlite: "SELECT COUNT(*) FROM handoffs WHERE status = 'closed' AND email = 'jo.bloggs@example.com' AND ticket IS NOT NULL",
            postgres: "SELECT COUNT(*)::bigint FROM handoffs WHERE status = 'closed' AND email = 'jo.bloggs@example.com' AND ticket IS NOT NULL")
        #expect(stored == [1], "the handoff is closed with the shopper's email")
    }

    @Test func anUnclaimedChatBecomesATicketAndTwoMisreadMessagesBringAPerson() async throws {
        let database = try await TestDatabase.demoStore()
        let (owner, _) = try await Self.tokens(database)
        try await withLiveServer(testConfiguration(database) { $0.alertInterval = 0.2 }) { client in
            #expect(try await call(client, .put, "/api/stores/demo/handoffs/settings", token: owner, body: Self.alwaysOpen).0 == .ok)
            try await withPeers(client, ["/chat?store=demo"]) { peers in
                let shopper = peers[0]
                _ = try await shopper.next("welcome")
                shopper.say("what is the capital of mongolia", id: "m1")
                #expect(try await shopper.next("reply")["handoff"] == nil, "one misread message is not enough")
                shopper.say("can you do my maths homework", id: "m2")
                let second = try await shopper.next("reply")
                #expect(second["handoff"]?["reason"] == .string("misunderstood") && second["handoff"]?["status"] == .string("queued"), "\(second)")
                // Nobody claims it: five minutes pass (the row is made older), and the sweeper gives up on it.
                try await database.execute(sqlite: "UPDATE handoffs SET createdAt = datetime(createdAt, '-6 minutes')",
                                           postgres: "UPDATE handoffs SET created_at = created_at - interval '6 minutes'")
                let given = try await shopper.next("handoff", within: 10)
                #expect(given.string("status") == "awaiting_email" && given.string("ticket")?.hasPrefix("TCK-") == true, "\(given)")
                #expect(given.string("text")?.contains("What email address") == true)
                shopper.say("no thanks", id: "m3")
                #expect(try await shopper.next("reply").string("text")?.hasPrefix("No problem.") == true)
            }
        }
        let tickets = try await database.integers(sqlite: "SELECT COUNT(*) FROM tickets WHERE category = 'handoff'",
                                                  postgres: "SELECT COUNT(*)::bigint FROM tickets WHERE category = 'handoff'")
        #expect(tickets == [1])
    }
}
