import Foundation
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
