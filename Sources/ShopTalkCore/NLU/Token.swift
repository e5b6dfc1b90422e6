/// A word, number or symbol of a message, with its position in code points.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case symbol
    }

    /// Lowercased text of the token.
    public var text: String
    /// The token as typed.
    public var original: String
    public var kind: Kind
    public var start: Int
    public var end: Int
}

/// Splits messages into tokens in one pass over the Unicode scalars.
///
/// Words are runs of letters and digits (with inner apostrophes and hyphens, as in "men's" and
/// "wh-1000xm5"); numbers are digit runs with an optional decimal part and thousands separators
/// ("1,299.99"); every other non-space scalar is a one-scalar symbol.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4 + 1)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                continue
            }
            if isDigit(scalar) {
                let start = index
                var sawLetter = false
                index += 1
                while index < scalars.count {
                    let current = scalars[index]
                    if isDigit(current) {
                        index += 1
                    } else if (current == "." || current == ","), index + 1 < scalars.count, isDigit(scalars[index + 1]), !sawLetter {
                        index += 1
                    } else if isLetter(current) {
                        sawLetter = true
                        index += 1
                    } else if current == "-", sawLetter, index + 1 < scalars.count, isAlphanumeric(scalars[index + 1]) {
                        sawLetter = true
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(make(scalars, start, index, sawLetter ? .word : .number))
                continue
            }
            if isLetter(scalar) {
                let start = index
                index += 1
                while index < scalars.count {
                    let current = scalars[index]
                    if isAlphanumeric(current) {
                        index += 1
                    } else if (current == "'" || current == "’" || current == "-"), index + 1 < scalars.count,
                              isAlphanumeric(scalars[index + 1]) {
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(make(scalars, start, index, .word))
                continue
            }
            tokens.append(make(scalars, index, index + 1, .symbol))
            index += 1
        }
        return tokens
    }

    private static func make(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ kind: Token.Kind) -> Token {
        let piece = scalars[start..<end]
        let original: String
        if piece.allSatisfy(\.isASCII) {
            // Most tokens: the bytes written straight into the string (appending scalars one by one was
            // most of the tokeniser's time).
            original = String(unsafeUninitializedCapacity: piece.count) { buffer in
                for (offset, scalar) in piece.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
                return piece.count
            }
        } else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: piece)
            original = String(view)
        }
        return Token(text: original.lowercased(), original: original, kind: kind, start: start, end: end)
    }

    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value < 0x20
    }

    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
        }
        return scalar.properties.isAlphabetic
    }

    public static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || isLetter(scalar)
    }
}
