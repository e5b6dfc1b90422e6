import Foundation
@testable import ShopTalkCore
import Testing

/// Numbers from outside never trap: each vector that once crashed the whole server, and a fuzz over
/// every entity parser with numbers of every awkward shape.
@Suite("Hostile numbers")
struct HostileNumberTests {
    let vocabulary = CatalogVocabulary(
        brands: ["Sony", "Samsung"], categories: ["headphones", "laptops", "phones"], colors: ["black"],
        products: ["Sony WH-1000XM5 Headphones"], discountCodes: ["SAVE20"], brandCounts: ["Sony": 3]
    )
    let extractor = EntityExtractor()

    func entities(_ text: String) -> [Entity] {
        extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: ShopClock.parseDay("2026-12-01")!)
    }

    @Test(arguments: [
        "show me headphones under $100000000000000000",
        "laptops at least 100000000000000000 dollars",
        "does SAVE20 work on a $100000000000000000 order",
        "phones under $" + String(repeating: "9", count: 400),
        "between 5 and 99999999999999999999 dollars",
    ])
    func anAmountBeyondAnyPriceIsMarkedOutOfRangeNotSearchedWith(text: String) {
        let price = entities(text).first { $0.type == Entity.Kind.price }
        #expect(price?.value["outOfRange"] == .bool(true))
        #expect(price?.value["max"] == nil && price?.value["min"] == nil)
    }

    @Test func ordinaryAmountsStayAsTheyWere() {
        let price = entities("headphones under $1,299.99").first { $0.type == Entity.Kind.price }
        #expect(price?.value["max"] == .number(1299.99))
        #expect(price?.value["outOfRange"] == nil)
    }

    @Test func moneyFromOutsideIsCheckedAndComputedMoneyNeverTraps() {
        #expect(Money(checkedMajor: .infinity) == nil)
        #expect(Money(checkedMajor: .nan) == nil)
        #expect(Money(checkedMajor: 1e17) == nil)
        #expect(Money(checkedMajor: -1e300) == nil)
        #expect(Money(checkedMajor: 19.99)?.cents == 1999)
        #expect(Money(major: .infinity).cents == 100_000_000_000)
        #expect(Money(major: .nan).cents == 0)
        #expect(Money(major: -1e300).cents == -100_000_000_000)
        #expect((Money(cents: .max) + Money(cents: 1)).cents == .max)
        #expect((Money(cents: .min) - Money(cents: 1)).cents == .min)
        #expect((Money(cents: .max / 2) * 3).cents == .max)
        #expect((Money(cents: -(Int.max / 2)) * 3).cents == .min)
        #expect(Money(cents: .min).formatted(currency: "USD").hasPrefix("-$"))
    }

    @Test func checkedConversionsRefuseWhatWouldTrap() {
        for value in [Double.nan, .infinity, -.infinity, 1e19, -1e19, 9.3e18] {
            #expect(Int(rounding: value) == nil)
            #expect(Int(whole: value, in: 0...1_000_000_000) == nil)
        }
        #expect(Int(rounding: 2.5) == 3)
        #expect(Int(whole: 7, in: 0...10) == 7)
        #expect(Int(whole: 7.5, in: 0...10) == nil)
        #expect(Int(whole: 11, in: 0...10) == nil)
        #expect(Int(scaling: 1.5, by: 1000, within: 0...10) == 1500)
        #expect(Int(scaling: 1e300, by: 1000, within: 0...1e9) == nil)
        #expect(Int.displayCount(1e300) == 0)
        #expect(Int.displayCount(nil) == 0)
        #expect(Int.displayCount(41.6) == 42)
    }

    /// Random numeric strings of every shape, in every place a number is read from a message: no entity
    /// parser traps, and every number it hands on is finite and within what money can hold.
    @Test func fuzzedNumbersNeverTrapAnyEntityParser() throws {
        var random = SeededRandom(seed: 11)
        let templates = [
            "under $N", "N dollars", "between N and M", "from N to M bucks", "around N", "2 x N", "quantity N",
            "N inch tv", "size N shoes", "N gb phone", "order ORD-N", "in the last N days", "SAVE20 on a $N order",
            "N k budget", "at least N pounds", "N-M", "max N euros", "NkM", "last N weeks",
        ]
        for _ in 0..<3_000 {
            let template = templates[Int.random(in: 0..<templates.count, using: &random)]
            let text = template
                .replacingOccurrences(of: "N", with: Self.numeric(&random))
                .replacingOccurrences(of: "M", with: Self.numeric(&random))
            for entity in entities(text) {
                try Self.expectFinite(entity.value, text: text)
            }
        }
    }

    static func expectFinite(_ value: JSONValue, text: String) throws {
        switch value {
        case .number(let number):
            #expect(number.isFinite && abs(number) <= 1e12, "\(number) from \"\(text.prefix(80))\"")
        case .object(let object):
            for item in object.values { try expectFinite(item, text: text) }
        case .array(let items):
            for item in items { try expectFinite(item, text: text) }
        default:
            break
        }
    }

    static func numeric(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return String(repeating: "9", count: Int.random(in: 19...1_000, using: &random))
        case 1: return "1e\(Int.random(in: -400...400, using: &random))"
        case 2: return "-\(Int.random(in: 0...Int.max, using: &random))"
        case 3: return ["nan", "inf", "-inf", "NaN", "Infinity", "0x1p63", "1_000"].randomElement(using: &random) ?? "nan"
        case 4: return "1,000,000,000,000,000"
        case 5: return "0.\(String(repeating: "0", count: 300))1"
        case 6: return "\(Int.random(in: 0...Int.max, using: &random))"
        case 7: return "\(Double.random(in: -1e300...1e300, using: &random))"
        case 8: return "9223372036854775807"
        case 9: return "\(Int.random(in: 0...100_000, using: &random)).\(Int.random(in: 0...99, using: &random))"
        case 10: return "\(Int.random(in: 1...99, using: &random))k"
        default: return "\(Int.random(in: 0...999, using: &random))"
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing fuzz case repeats.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
