import Foundation
import ShopTalkCore

/// `shoptalk bench frames`: the reply frame and the stored state of a typical search turn, written by
/// Foundation's `JSONEncoder` (the old path) and by `JSONStreamWriter` (the new one), in one run.
public struct FrameBenchmark {
    public var rounds = 20_000

    public init() {}

    /// A search answer with five product cards and the state it leaves, as the pipeline writes them.
    static func sample() throws -> (ReplyFrame, ConversationState) {
        let cards = (1...5).map { index in
            """
            {"id":\(index),"name":"Sony WH-\(index)000XM5 Wireless Headphones","brand":"Sony","category":"headphones","price":\(199 + index).99,
             "originalPrice":249.99,"currency":"USD","stock":{"state":"in_stock","count":\(10 * index)},"colors":["black","silver"],
             "sizes":[],"rating":4.\(index),"imageUrl":"https://example.com/images/\(index).jpg","discounts":["SAVE20"],
             "discountNotes":{"SAVE20":"needs a $100 order"},"reason":null}
            """
        }
        let reply = """
            {"text":"Here are 5 headphones under $300 in black, best rated first.","intent":{"name":"product_search","confidence":0.93},
             "entities":[{"type":"category","value":"headphones","text":"headphones","start":6,"end":16},
                         {"type":"money","value":{"max":300,"currency":"USD"},"text":"under $300","start":17,"end":27}],
             "suggestions":["Show cheaper ones","Only Sony","Any discounts?"],"products":[\(cards.joined(separator: ","))]}
            """
        let decoded = try JSONDecoder().decode(Reply.self, from: Data(reply.utf8))
        var state = ConversationState()
        state.slots.category = "headphones"
        state.slots.color = "black"
        state.lastShown = [1, 2, 3, 4, 5]
        state.lastIntent = "product_search"
        state.turns = 7
        return (ReplyFrame(id: "r-7", replyTo: "c-7", reply: decoded), state)
    }

    public func run() throws {
        let (frame, state) = try Self.sample()
        guard try FrameCoder.encode(frame) == FrameCoder.encodeWithFoundation(frame),
              try FrameCoder.encode(state) == FrameCoder.encodeWithFoundation(state)
        else { throw BenchmarkMismatch() }
        let bytes = try FrameCoder.encode(frame).utf8.count + FrameCoder.encode(state).utf8.count
        print("frames: a search reply with 5 product cards and its state (\(bytes) bytes of JSON), \(rounds) rounds each")
        var timings: [(String, Double)] = []
        let coders: [(String, (any Encodable) throws -> String)] = [
            ("JSONEncoder (old)", { try FrameCoder.encodeWithFoundation($0) }), ("JSONStreamWriter (new)", { try FrameCoder.encode($0) }),
        ]
        for (name, encode) in coders {
            let clock = ContinuousClock()
            var total = 0
            let elapsed = try clock.measure {
                for _ in 0..<rounds {
                    total &+= try encode(frame).utf8.count
                    total &+= try encode(state).utf8.count
                }
            }
            let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
            timings.append((name, micros / Double(rounds)))
            print(String(format: "%@: %.1f µs per turn (frame + state)", name, micros / Double(rounds)))
        }
        print(String(format: "ratio: new is %.2f× as fast as old", timings[0].1 / max(timings[1].1, 0.001)))
    }
}

/// The two encoders wrote different text: the benchmark stops rather than time a wrong answer.
struct BenchmarkMismatch: Error, CustomStringConvertible {
    var description: String { "JSONStreamWriter and JSONEncoder wrote different text for the sample turn." }
}
