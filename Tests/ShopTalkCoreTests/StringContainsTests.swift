import Foundation
@testable import ShopTalkCore
import Testing

/// The byte search behind `String.contains` in the core answers as Foundation's search does.
@Suite("Phrase search")
struct StringContainsTests {
    /// Foundation's answer, reached through `Substring` so that the core's own overload is not chosen.
    func foundation(_ text: String, _ phrase: String) -> Bool {
        text[...].range(of: phrase) != nil
    }

    @Test(arguments: [
        ("get me a human please", "human"), ("get me a human please", "please"), ("get me a human please", "get"),
        ("abc", "abcd"), ("abc", ""), ("", ""), ("", "a"), ("aaab", "aab"), ("mississippi", "issip"), ("fed up!!!", "!!!"),
        ("this is ridiculous", "ridiculousness"), ("case", "Case"), ("x", "x"),
        ("café au lait", "café"), ("cafe\u{301}", "é"), ("café", "e\u{301}"), ("naïve", "i"), ("straße", "ss"), ("ﬁx it", "fi"),
    ])
    func answersAsFoundationDoes(text: String, phrase: String) {
        #expect(text.contains(phrase) == foundation(text, phrase), "\(text) / \(phrase)")
    }

    @Test func agreesWithFoundationOnEveryPieceOfManyPhrases() {
        let texts = ["i want to speak to a real person right now", "WHERE IS MY ORDER", "no, the red one, size 42",
                     "cancel the handoff", "it's fine", "a b c a b c d"]
        for text in texts {
            let bytes = Array(text)
            for start in bytes.indices {
                for end in start..<min(bytes.count, start + 8) {
                    let piece = String(bytes[start...end])
                    #expect(text.contains(piece))
                    #expect(text.contains(piece + "#") == foundation(text, piece + "#"))
                }
            }
        }
    }

    @Test func caseIsIgnoredAsFoundationIgnoresIt() {
        // Every pair of ASCII characters, alone and inside words.
        for a in UInt8(0x20)...UInt8(0x7E) {
            for b in UInt8(0x20)...UInt8(0x7E) {
                let (x, y) = (String(UnicodeScalar(a)), String(UnicodeScalar(b)))
                #expect(x.sameIgnoringCase(y) == (x.caseInsensitiveCompare(y) == .orderedSame), "\(x) / \(y)")
            }
        }
        for (x, y) in [("Nike", "NIKE"), ("nike", "nike "), ("", ""), ("", "a"), ("Straße", "STRASSE"), ("Émile", "émile"),
                       ("Café", "CAFÉ"), ("ORD-1001", "ord-1001"), ("a@b.com", "A@B.COM"), ("a@b.com", "a`b.com")] {
            #expect(x.sameIgnoringCase(y) == (x.caseInsensitiveCompare(y) == .orderedSame), "\(x) / \(y)")
        }
    }

}
