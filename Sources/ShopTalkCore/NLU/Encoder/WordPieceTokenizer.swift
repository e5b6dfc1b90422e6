import Foundation

/// BERT's uncased tokenisation, as all-MiniLM-L6-v2 was trained with: lowercase, strip accents, split
/// on whitespace and punctuation (each punctuation mark and CJK character a token of its own), then cut
/// each word greedily into the longest vocabulary pieces, continuations marked `##`. A word with no
/// cut, or longer than `maxWordLength`, becomes `[UNK]`.
public struct WordPieceTokenizer: Sendable {
    public let ids: [String: Int32]
    public let unknown: Int32
    public static let maxWordLength = 100

    /// `tokens` in id order (a `vocab.txt`, one token per line).
    public init(tokens: [String]) {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() where ids[token] == nil {
            ids[token] = Int32(truncatingIfNeeded: index)
        }
        self.ids = ids
        self.unknown = ids["[UNK]"] ?? 0
    }

    /// The token ids of `text`, without `[CLS]` and `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var result: [Int32] = []
        for word in Self.basicTokens(text) {
            pieces(of: word, into: &result)
        }
        return result
    }

    /// Greedy longest-match-first pieces of one word.
    func pieces(of word: [Unicode.Scalar], into result: inout [Int32]) {
        guard word.count <= Self.maxWordLength else {
            result.append(unknown)
            return
        }
        var found: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while end > start {
                var piece = start > 0 ? "##" : ""
                piece.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = ids[piece] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                result.append(unknown)
                return
            }
            found.append(match)
            start = end
        }
        result.append(contentsOf: found)
    }

    /// Lowercased, accent-free words and punctuation marks.
    static func basicTokens(_ text: String) -> [[Unicode.Scalar]] {
        let lowered = text.lowercased()
        let plain = lowered.unicodeScalars.allSatisfy(\.isASCII)
            ? lowered : lowered.decomposedStringWithCanonicalMapping
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in plain.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII, most messages: the same decisions as below without the property tables.
                switch value {
                case 0x09, 0x0A, 0x0D, 0x20: flush()
                case 0x00..<0x20, 0x7F: continue
                default:
                    if isPunctuation(scalar) {
                        flush()
                        words.append([scalar])
                    } else {
                        current.append(scalar)
                    }
                }
                continue
            }
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            // Deleted as BERT deletes them: NUL, U+FFFD, controls other than tab, newline and carriage
            // return, and format characters (soft hyphen, zero-width space and joiner, BOM).
            if value == 0 || value == 0xFFFD || properties.generalCategory == .format
                || (properties.generalCategory == .control && value != 0x09 && value != 0x0A && value != 0x0D) {
                continue
            }
            if properties.isWhitespace {
                flush()
            } else if isPunctuation(scalar) || isCJK(scalar) {
                flush()
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }

    /// ASCII symbols count as punctuation, as in BERT, as does every Unicode P* character.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
