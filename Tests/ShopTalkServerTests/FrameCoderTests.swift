import Foundation
import GRDB
@testable import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The hand-written replacements of the pipeline's hot spots say exactly what the library code said.
@Suite("Frame coding fast paths")
struct FrameCoderTests {
    @Test func datesAreWrittenAsTheISO8601StrategyWroteThem() throws {
        let reference = ISO8601DateFormatter()
        var random = SeededGenerator(seed: 5)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_796_400_000.75), Date(timeIntervalSince1970: -86_401)]
        for _ in 0..<500 { dates.append(Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &random)) + 0.5)) }
        for date in dates {
            #expect(ShopClock.iso8601(date) == reference.string(from: date))
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let library = String(decoding: try encoder.encode(["at": dates[1]]), as: UTF8.self)
        #expect(try FrameCoder.encode(["at": dates[1]]) == library)
    }

    @Test(arguments: ["XMAS50", "TAKE5", "ABC1", "ABCDEFGHIJKL123", "AB1", "ABCDEFGHIJKLM1", "XMAS1234", "xmas50", "XMAS", "50XMAS", "XM4S50", "ÄBC12", ""])
    func codesInCapitalsThenDigitsAreWhatTheRegexFound(word: String) {
        #expect(EntityExtractor.isCapitalsThenDigits(word) == (word.wholeMatch(of: /[A-Z]{3,12}[0-9]{1,3}/) != nil))
    }
}

/// `JSONStreamWriter` writes what `JSONEncoder` (sorted keys, unescaped slashes, ISO 8601 dates) wrote.
@Suite("Streaming JSON writer")
struct JSONStreamWriterTests {
    struct Unsorted: Encodable {
        var zebra = 1
        var apple: String? = "a/b \"q\" \\ \n\t\r\u{08}\u{0C}\u{01}\u{1F} é 😀 \u{2028}"
        var middle: [Double?] = [0.1, 3, -0.0, 1e21, 1e-7, 123_456_789.125, nil, 2.5e-300]
        var nested: [String: [Int]] = ["b": [], "a": [Int.min, Int.max], "B": [0], "ä": [1], "10": [2], "9": [3]]
        var empty = Empty()
        var flags = [true, false]
        var small: Float = 0.1
        var date = Date(timeIntervalSince1970: 1_796_400_000)
        var byNumber: [Int: String] = [3: "c", 1: "a", 20: "t"]
        var unsigned: UInt8 = 255
    }

    struct Empty: Encodable {}

    struct Twice: Encodable {
        enum CodingKeys: String, CodingKey { case b, a, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .b)
            try container.encode(2, forKey: .a)
            try container.encode(3, forKey: .b)
            var inner = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .c)
            try inner.encode("x", forKey: .b)
            try inner.encode("y", forKey: .a)
        }
    }

    struct Pieces: Encodable {
        enum CodingKeys: String, CodingKey { case list, object }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var inner = list.nestedContainer(keyedBy: CodingKeys.self)
            try inner.encodeNil(forKey: .object)
            try list.encode("after")
            try container.encode(["k": JSONValue.array([.null, .bool(true), .number(1.5), .number(-7), .string("s")])], forKey: .object)
        }
    }

    @Test func awkwardValuesAreWrittenAsTheLibraryWroteThem() throws {
        for value in [Unsorted(), Unsorted(apple: nil, middle: [], nested: [:], byNumber: [:])] {
            #expect(try FrameCoder.encode(value) == FrameCoder.encodeWithFoundation(value))
        }
        #expect(try FrameCoder.encode(Twice()) == FrameCoder.encodeWithFoundation(Twice()))
        #expect(try FrameCoder.encode(Pieces()) == FrameCoder.encodeWithFoundation(Pieces()))
        #expect(try FrameCoder.encode(Empty()) == "{}")
        #expect(try FrameCoder.encode([Empty(), Empty()]) == FrameCoder.encodeWithFoundation([Empty(), Empty()]))
        #expect(try FrameCoder.encode(Optional<Int>.none) == "null")
        #expect(throws: EncodingError.self) { try FrameCoder.encode([Double.nan]) }
    }

    /// Product cards have a writer of their own; every combination of present and missing members, and
    /// awkward text, comes out as the library writes it, alone and inside a list.
    @Test func productCardsAreWrittenAsTheLibraryWritesThem() throws {
        let product = Product(
            id: 42, sku: "S/1", name: "Tee \"quoted\" / slash \u{01} é", brand: "Brand\\", category: "t-shirts",
            description: "", price: Money(cents: 1999), originalPrice: Money(cents: 2500), stock: 3, lowStockThreshold: 1,
            colors: ["red", "navy/blue"], sizes: [], rating: 4.25, imageURL: "https://x.test/a.png"
        )
        var cards: [ProductCard] = []
        for mask in 0..<16 {
            var card = ProductCard(product: product, currency: "USD", discounts: mask & 1 == 0 ? [] : ["SAVE10", "ÄB"], reason: mask & 2 == 0 ? nil : "often \n bought")
            card.discountNotes = mask & 4 == 0 ? nil : ["b": "needs a $5 order", "a": "x", "B": "y", "ä": "z"]
            if mask & 8 != 0 {
                card.rating = nil
                card.originalPrice = nil
                card.imageUrl = nil
                card.price = 1e21
            }
            cards.append(card)
            #expect(try FrameCoder.encode(card) == FrameCoder.encodeWithFoundation(card), "mask \(mask)")
        }
        #expect(try FrameCoder.encode(cards) == FrameCoder.encodeWithFoundation(cards))
        var broken = cards[0]
        broken.price = .infinity
        #expect(throws: EncodingError.self) { try FrameCoder.encode(broken) }
    }

    @Test func everyFrameAndStateOfARealDialogueIsWhatTheLibraryWrites() async throws {
        let database = try await TestDatabase.seeded()
        let token = try await OwnerTokens(database: try database.open()).create(storeSlug: "demo", name: "t", now: Date())
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                for message in ["hi", "black headphones under $300", "the second one", "any discount codes?", "where is my order ORD-20260101-0001?",
                                "my parcel arrived damaged", "recommend a gift for my dad", "thanks, bye"] {
                    _ = try await chat.say(message)
                }
            }
            try await ownerChat(client, store: "demo", token: token) { chat in
                for message in ["revenue by month this year", "top 5 products last month", "forecast revenue for the next 4 weeks", "which orders look risky?"] {
                    _ = try await chat.say(message)
                }
            }
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let pool = try database.open()
        let (frames, states) = try pool.writer.read { db in
            (try Row.fetchAll(db, sql: "SELECT replyId, reply, entities FROM turns"), try String.fetchAll(db, sql: "SELECT state FROM sessions"))
        }
        #expect(frames.count >= 12 && states.count >= 2)
        for row in frames {
            let text: String = row["reply"]
            struct Envelope: Decodable { let id: String; let replyTo: String? }
            let envelope = try decoder.decode(Envelope.self, from: Data(text.utf8))
            let reply = try decoder.decode(Reply.self, from: Data(text.utf8))
            #expect(try FrameCoder.encodeWithFoundation(ReplyFrame(id: envelope.id, replyTo: envelope.replyTo, reply: reply)) == text)
            let entities: String = row["entities"]
            #expect(try FrameCoder.encodeWithFoundation(reply.entities) == entities)
        }
        for state in states {
            let decoded = try decoder.decode(ConversationState.self, from: Data(state.utf8))
            #expect(try FrameCoder.encodeWithFoundation(decoded) == state)
        }
    }
}
