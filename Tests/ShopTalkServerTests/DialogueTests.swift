import Foundation
import GRDB
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// A live conversation that sends one message at a time and hands back the reply. It is used by one
/// task at a time (the test's WebSocket handler), never concurrently.
final class LiveChat: @unchecked Sendable {
    private var frames: FrameReader
    private let outbound: WebSocketOutboundWriter
    private var counter = 0
    let session: String

    init(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        var frames = FrameReader(inbound)
        self.session = try await frames.next().string("session") ?? ""
        self.frames = frames
        self.outbound = outbound
    }

    func say(_ text: String) async throws -> [String: JSONValue] {
        counter += 1
        try await outbound.say(text, id: "d\(counter)")
        return try await frames.next()
    }

    func read() async throws -> [String: JSONValue] {
        try await frames.next()
    }
}

/// Opens a chat on the demo store and runs `body` with it.
func chat(_ client: any TestClientProtocol, session: String? = nil, _ body: @escaping @Sendable (LiveChat) async throws -> Void) async throws {
    try await client.ws("/chat?store=demo" + (session.map { "&session=\($0)" } ?? "")) { inbound, outbound, _ in
        try await body(try await LiveChat(inbound, outbound))
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    var intentName: String? { self["intent"]?["name"]?.stringValue }
    var productIDs: [Double] { products.compactMap { $0["id"]?.numberValue } }
    var prices: [Double] { products.compactMap { $0["price"]?.numberValue } }
}

@Suite("Dialogue context over a live socket")
struct DialogueTests {
    @Test func slotsCarryOverAndANewCategoryDropsWhatNoLongerFits() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("show me laptops")
                _ = try await chat.say("under $800")
                let dell = try await chat.say("only Dell")
                #expect(!dell.products.isEmpty)
                for product in dell.products {
                    #expect(product["category"] == .string("laptops"))
                    #expect(product["brand"] == .string("Dell"))
                    #expect((product["price"]?.numberValue ?? 9_999) <= 800)
                }
                let black = try await chat.say("what about in black?")
                #expect(black.intentName == "find_products")
                for product in black.products {
                    #expect(product["brand"] == .string("Dell"))
                    #expect(product["colors"].map { "\($0)".contains("black") } == true)
                }
                let phones = try await chat.say("show me phones")
                #expect(!phones.products.isEmpty)
                // Dell makes no phones, so the brand is dropped; the category changes.
                #expect(phones.products.allSatisfy { $0["category"] == .string("phones") && $0["brand"] != .string("Dell") })
            }
        }
    }

    @Test func referencesToTheLastListShown() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let list = try await chat.say("show me headphones under $400")
                let ids = list.productIDs
                try #require(ids.count == 5)

                let second = try await chat.say("tell me more about the second one")
                #expect(second.intentName == "product_details")
                #expect(second.productIDs == [ids[1]])

                let more = try await chat.say("tell me more about it")
                #expect(more.productIDs == [ids[1]])

                let cheapest = try await chat.say("how much is the cheapest?")
                let minimum = list.prices.min()
                #expect(cheapest.prices == [minimum ?? -1])
                #expect(cheapest.intentName == "price_inquiry")

                let compare = try await chat.say("compare the first two")
                #expect(compare.productIDs == Array(ids.prefix(2)))

                let brand = try #require(list.products[2]["brand"]?.stringValue)
                let byBrand = try await chat.say("is the \(brand) one in stock?")
                #expect(byBrand.products.first?["brand"] == .string(brand))

                let page2 = try await chat.say("show more")
                #expect(Set(page2.productIDs).isDisjoint(with: ids))
                #expect(page2.products.count == 5)

                let cheaper = try await chat.say("cheaper ones")
                let floor = page2.prices.min() ?? 0
                #expect(!cheaper.products.isEmpty)
                #expect(cheaper.prices.allSatisfy { $0 < floor })
            }
        }
    }

    @Test func anOrderQuestionAsksForTheNumberThenTheEmailEvenAcrossAReconnect() async throws {
        let database = try await TestDatabase.demoStore()
        let (number, email) = try await database.order(status: "shipped")
        try await withLiveServer(testConfiguration(database)) { client in
            let box = ConversationBox()
            try await chat(client) { chat in
                let ask = try await chat.say("where's my order?")
                #expect(ask.intentName == "order_status")
                #expect(ask.string("text")?.contains("order number") == true)
                await box.set(Conversation(session: chat.session))
            }
            let session = await box.value.session
            try await chat(client, session: session) { chat in
                let askEmail = try await chat.say(number)
                #expect(askEmail.intentName == "order_status")
                #expect(askEmail.string("text")?.contains("email") == true)
                let answer = try await chat.say(email.uppercased())
                #expect(answer.intentName == "order_status")
                let order = try #require(answer["order"])
                #expect(order["number"] == .string(number))
                #expect(order["status"] == .string("shipped"))
                #expect(order["carrier"]?.stringValue?.isEmpty == false)
                #expect(order["trackingNumber"]?.stringValue?.isEmpty == false)
                guard case .array(let timeline)? = order["timeline"] else {
                    Issue.record("no timeline")
                    return
                }
                #expect(timeline.count >= 3)
            }
        }
    }

    @Test func aWrongEmailGetsTheSameAnswerAsAMissingOrder() async throws {
        let database = try await TestDatabase.demoStore()
        let number = try await database.order(status: "delivered").number
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let wrong = try await chat.say("status of \(number) for nobody@example.com")
                let missing = try await chat.say("status of ORD-19990101-0001 for nobody@example.com")
                #expect(wrong["order"] == nil)
                #expect(wrong.string("text")?.replacingOccurrences(of: number, with: "X")
                        == missing.string("text")?.replacingOccurrences(of: "ORD-19990101-0001", with: "X"))
            }
        }
    }

    @Test func aClearChangeOfTopicDropsThePendingQuestion() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("track my order")
                let tvs = try await chat.say("show me samsung tvs")
                #expect(tvs.intentName == "find_products")
                #expect(!tvs.products.isEmpty)
                let hello = try await chat.say("thanks")
                #expect(hello.intentName == "thanks")
            }
        }
    }

    @Test func customersAskingBusinessQuestionsGetAPoliteRefusalAndNoData() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let reply = try await chat.say("what were my total sales this month?")
                #expect(reply.intentName == "business_query")
                #expect(reply["result"] == nil)
                #expect(reply["products"] == nil)
                #expect(reply.string("text")?.contains("can't share") == true)
            }
        }
    }
}
