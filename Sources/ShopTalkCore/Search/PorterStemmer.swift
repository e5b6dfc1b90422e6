/// The Porter stemmer as SQLite's FTS5 `porter` tokenizer applies it, so that the in-memory search
/// matches the words the full-text index matched ("headphones" and "headphone" → "headphon").
///
/// Written from the published algorithm (M. F. Porter, 1980, with the later "bli" → "ble" and
/// "logi" → "log" rules that FTS5 uses). Words shorter than 3 or longer than 64 bytes are left alone,
/// as FTS5 leaves them; letters outside ASCII count as consonants. `PorterStemmerTests` checks it word
/// for word against FTS5 itself.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.count <= 64 else { return word }
        var buffer = Word(bytes)
        buffer.stem()
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// A rule: a suffix, what replaces it, and the condition its stem must meet.
    struct Rule {
        let suffix: [UInt8]
        let replacement: [UInt8]
        let condition: Condition

        init(_ suffix: String, _ replacement: String, _ condition: Condition) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.condition = condition
        }
    }

    enum Condition {
        case measureAboveZero, measureAboveOne, measureAboveOneEndingInSOrT
    }

    static let step2: [Rule] = [
        Rule("ational", "ate", .measureAboveZero), Rule("tional", "tion", .measureAboveZero),
        Rule("enci", "ence", .measureAboveZero), Rule("anci", "ance", .measureAboveZero),
        Rule("izer", "ize", .measureAboveZero), Rule("logi", "log", .measureAboveZero),
        Rule("bli", "ble", .measureAboveZero), Rule("alli", "al", .measureAboveZero),
        Rule("entli", "ent", .measureAboveZero), Rule("eli", "e", .measureAboveZero),
        Rule("ousli", "ous", .measureAboveZero), Rule("ization", "ize", .measureAboveZero),
        Rule("ation", "ate", .measureAboveZero), Rule("ator", "ate", .measureAboveZero),
        Rule("alism", "al", .measureAboveZero), Rule("iveness", "ive", .measureAboveZero),
        Rule("fulness", "ful", .measureAboveZero), Rule("ousness", "ous", .measureAboveZero),
        Rule("aliti", "al", .measureAboveZero), Rule("iviti", "ive", .measureAboveZero),
        Rule("biliti", "ble", .measureAboveZero),
    ]

    static let step3: [Rule] = [
        Rule("icate", "ic", .measureAboveZero), Rule("ative", "", .measureAboveZero),
        Rule("alize", "al", .measureAboveZero), Rule("iciti", "ic", .measureAboveZero),
        Rule("ical", "ic", .measureAboveZero), Rule("ful", "", .measureAboveZero),
        Rule("ness", "", .measureAboveZero),
    ]

    static let step4: [Rule] = [
        Rule("al", "", .measureAboveOne), Rule("ance", "", .measureAboveOne), Rule("ence", "", .measureAboveOne),
        Rule("er", "", .measureAboveOne), Rule("ic", "", .measureAboveOne), Rule("able", "", .measureAboveOne),
        Rule("ible", "", .measureAboveOne), Rule("ant", "", .measureAboveOne), Rule("ement", "", .measureAboveOne),
        Rule("ment", "", .measureAboveOne), Rule("ent", "", .measureAboveOne),
        Rule("ion", "", .measureAboveOneEndingInSOrT), Rule("ou", "", .measureAboveOne),
        Rule("ism", "", .measureAboveOne), Rule("ate", "", .measureAboveOne), Rule("iti", "", .measureAboveOne),
        Rule("ous", "", .measureAboveOne), Rule("ive", "", .measureAboveOne), Rule("ize", "", .measureAboveOne),
    ]

    struct Word {
        var bytes: [UInt8]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        static func isVowel(_ byte: UInt8, yIsVowel: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
            case UInt8(ascii: "y"): return yIsVowel
            default: return false
            }
        }

        /// Past one vowel-consonant sequence of `stem[from..<length]`: the index after its consonant, or nil.
        func pastVowelConsonant(from start: Int, length: Int, previousIsConsonant: Bool) -> Int? {
            var consonant = previousIsConsonant
            var index = start
            while index < length {
                consonant = !Self.isVowel(bytes[index], yIsVowel: consonant)
                if !consonant { break }
                index += 1
            }
            index += 1
            while index < length {
                consonant = !Self.isVowel(bytes[index], yIsVowel: consonant)
                if consonant { return index + 1 }
                index += 1
            }
            return nil
        }

        func measureAboveZero(_ length: Int) -> Bool {
            pastVowelConsonant(from: 0, length: length, previousIsConsonant: false) != nil
        }

        func measureAboveOne(_ length: Int) -> Bool {
            guard let first = pastVowelConsonant(from: 0, length: length, previousIsConsonant: false) else { return false }
            return pastVowelConsonant(from: first, length: length, previousIsConsonant: true) != nil
        }

        func measureIsOne(_ length: Int) -> Bool {
            guard let first = pastVowelConsonant(from: 0, length: length, previousIsConsonant: false) else { return false }
            return pastVowelConsonant(from: first, length: length, previousIsConsonant: true) == nil
        }

        /// Ends consonant-vowel-consonant, the last not w, x or y.
        func endsCVC(_ length: Int) -> Bool {
            guard length > 0 else { return false }
            let last = bytes[length - 1]
            if last == UInt8(ascii: "w") || last == UInt8(ascii: "x") || last == UInt8(ascii: "y") { return false }
            var mask = 0
            var consonant = false
            for index in 0..<length {
                consonant = !Self.isVowel(bytes[index], yIsVowel: consonant)
                mask = ((mask << 1) | (consonant ? 1 : 0)) & 0x7
            }
            return mask == 0x5
        }

        func containsVowel(_ length: Int) -> Bool {
            (0..<length).contains { Self.isVowel(bytes[$0], yIsVowel: $0 > 0) }
        }

        func ends(with suffix: [UInt8]) -> Bool {
            bytes.count > suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        }

        mutating func replaceSuffix(_ length: Int, with replacement: [UInt8]) {
            bytes.removeLast(length)
            bytes.append(contentsOf: replacement)
        }

        /// The first rule whose suffix matches decides; when its condition fails, nothing changes.
        mutating func apply(_ rules: [Rule]) {
            guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return }
            let stem = bytes.count - rule.suffix.count
            let met: Bool
            switch rule.condition {
            case .measureAboveZero: met = measureAboveZero(stem)
            case .measureAboveOne: met = measureAboveOne(stem)
            case .measureAboveOneEndingInSOrT:
                met = stem > 0 && (bytes[stem - 1] == UInt8(ascii: "s") || bytes[stem - 1] == UInt8(ascii: "t")) && measureAboveOne(stem)
            }
            if met { replaceSuffix(rule.suffix.count, with: rule.replacement) }
        }

        mutating func stem() {
            step1a()
            if step1b() { step1bTidy() }
            if bytes.count > 1, bytes[bytes.count - 1] == UInt8(ascii: "y"), containsVowel(bytes.count - 1) {
                bytes[bytes.count - 1] = UInt8(ascii: "i")
            }
            apply(PorterStemmer.step2)
            apply(PorterStemmer.step3)
            apply(PorterStemmer.step4)
            if let last = bytes.last, last == UInt8(ascii: "e") {
                let stem = bytes.count - 1
                if measureAboveOne(stem) || (measureIsOne(stem) && !endsCVC(stem)) { bytes.removeLast() }
            }
            if bytes.count > 1, bytes[bytes.count - 1] == UInt8(ascii: "l"), bytes[bytes.count - 2] == UInt8(ascii: "l"),
               measureAboveOne(bytes.count - 1) {
                bytes.removeLast()
            }
        }

        mutating func step1a() {
            let count = bytes.count
            guard count >= 2, bytes[count - 1] == UInt8(ascii: "s") else { return }
            if bytes[count - 2] == UInt8(ascii: "e") {
                if (count > 4 && bytes[count - 4] == UInt8(ascii: "s") && bytes[count - 3] == UInt8(ascii: "s"))
                    || (count > 3 && bytes[count - 3] == UInt8(ascii: "i")) {
                    bytes.removeLast(2)
                } else {
                    bytes.removeLast()
                }
            } else if bytes[count - 2] != UInt8(ascii: "s") {
                bytes.removeLast()
            }
        }

        /// "eed" → "ee"; "ed" and "ing" go after a stem with a vowel. True when one of the last two went.
        mutating func step1b() -> Bool {
            if ends(with: Array("eed".utf8)) {
                if measureAboveZero(bytes.count - 3) { bytes.removeLast() }
                return false
            }
            for suffix in ["ed", "ing"] {
                let suffixBytes = Array(suffix.utf8)
                if ends(with: suffixBytes) {
                    guard containsVowel(bytes.count - suffixBytes.count) else { return false }
                    bytes.removeLast(suffixBytes.count)
                    return true
                }
            }
            return false
        }

        mutating func step1bTidy() {
            guard bytes.count >= 2 else { return }
            for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] where ends(with: Array(suffix.utf8)) {
                replaceSuffix(2, with: Array(replacement.utf8))
                return
            }
            let last = bytes[bytes.count - 1]
            if !Self.isVowel(last, yIsVowel: false), last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z"),
               last == bytes[bytes.count - 2] {
                bytes.removeLast()
            } else if measureIsOne(bytes.count), endsCVC(bytes.count) {
                bytes.append(UInt8(ascii: "e"))
            }
        }
    }
}
