import Foundation
@testable import ShopTalkCore
import Testing

@Suite("WordPiece tokeniser")
struct WordPieceTokenizerTests {
    /// BERT's rule for one character, from the Unicode tables: deleted, a space, a token of its own, or part
    /// of a word. The ASCII fast path must decide every ASCII character as this does.
    func reference(_ scalar: Unicode.Scalar) -> String {
        let properties = scalar.properties
        let value = scalar.value
        if value == 0 || properties.generalCategory == .format
            || (properties.generalCategory == .control && value != 0x09 && value != 0x0A && value != 0x0D) { return "deleted" }
        if properties.isWhitespace { return "space" }
        if WordPieceTokenizer.isPunctuation(scalar) { return "alone" }
        return "word"
    }

    @Test func everyASCIICharacterIsSplitAsTheUnicodeTablesSay() {
        for value in UInt8(0)...UInt8(0x7F) {
            let scalar = Unicode.Scalar(value)
            let tokens = WordPieceTokenizer.basicTokens("ab" + String(Character(scalar)) + "cd")
            let expected: [[Unicode.Scalar]]
            let lowered = Array(String(Character(scalar)).lowercased().unicodeScalars)
            switch reference(scalar) {
            case "deleted": expected = [Array("abcd".unicodeScalars)]
            case "space": expected = [Array("ab".unicodeScalars), Array("cd".unicodeScalars)]
            case "alone": expected = [Array("ab".unicodeScalars), [scalar], Array("cd".unicodeScalars)]
            default: expected = [Array("ab".unicodeScalars) + lowered + Array("cd".unicodeScalars)]
            }
            #expect(tokens == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func accentsAndOtherScriptsStillGoThroughTheTables() {
        #expect(WordPieceTokenizer.basicTokens("Café, naïve!") == [Array("cafe".unicodeScalars), [","], Array("naive".unicodeScalars), ["!"]])
        #expect(WordPieceTokenizer.basicTokens("a\u{200B}b 中文") == [Array("ab".unicodeScalars), ["中"], ["文"]])
        #expect(WordPieceTokenizer.basicTokens("«hi»") == [["«"], Array("hi".unicodeScalars), ["»"]])
    }
}

@Suite("Delexicalised messages")
struct DelexicaliseTests {
    /// ASCII messages take a byte path; each must read as the scalar path writes it.
    @Test func asciiAndOtherTextAreDelexicalisedAlike() {
        let text = "show me sony tvs under $500 by order_number 1234, please"
        let entities = [
            Entity(type: "brand", value: .string("sony"), text: "sony", start: 8, end: 12),
            Entity(type: "price_max", value: .number(500), text: "under $500", start: 17, end: 27),
            Entity(type: "order_number", value: .string("1234"), text: "1234", start: 44, end: 48),
            Entity(type: "category", value: .string("tv"), text: "tvs", start: 13, end: 16),
        ]
        let expected = "show me  xbrandx   xcategoryx   xpricemaxx  by order_number  xordernumberx , please"
        #expect(TrainedIntentClassifier.delexicalize(text, entities) == expected)
        // The same message with one accented letter before the entities goes the scalar way.
        let accented = "shōw" + text.dropFirst(4)
        #expect(TrainedIntentClassifier.delexicalize(accented, entities) == "shōw" + expected.dropFirst(4))
        #expect(TrainedIntentClassifier.delexicalize(text, []) == text)
        let atTheEnd = [Entity(type: "color", value: .string("red"), text: "red", start: 0, end: 3)]
        #expect(TrainedIntentClassifier.delexicalize("red", atTheEnd) == " xcolorx ")
    }
}
