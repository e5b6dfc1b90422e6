import Foundation

extension String {
    /// Whether `other` occurs in this string, answered as Foundation's `contains` answers it, but for ASCII
    /// text by a byte search instead of Foundation's `range(of:)`.
    ///
    /// The dialogue rules and the handoff triggers look for dozens of phrases in every message; through
    /// Foundation that was 12 % of the server's CPU under `bench ws`. Being a method of `String` itself, this
    /// one is chosen over Foundation's generic `StringProtocol.contains` everywhere in this module. Text
    /// with any non-ASCII byte goes to Foundation, whose search treats "e" plus a combining accent as "é".
    /// An empty `other` is not contained, as with Foundation.
    func contains(_ other: String) -> Bool {
        guard !other.isEmpty else { return false }
        return Self.ascii(self, other, Self.occurs) ?? (range(of: other) != nil)
    }

    /// Whether the two are the same but for case, as Foundation's `caseInsensitiveCompare` says
    /// `.orderedSame`; for ASCII text by bytes (Foundation's comparison was 1.4 % of the server's CPU,
    /// matching discount badges to product cards), for other text by Foundation.
    func sameIgnoringCase(_ other: String) -> Bool {
        Self.ascii(self, other, Self.sameIgnoringCase) ?? (caseInsensitiveCompare(other) == .orderedSame)
    }

    /// `answer` on the UTF-8 bytes of `a` and `b` when both are ASCII; nil, for Foundation to answer, when
    /// either is not.
    private static func ascii(
        _ a: String, _ b: String, _ answer: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool? {
        var first = a
        var second = b
        return first.withUTF8 { x -> Bool? in
            second.withUTF8 { y -> Bool? in
                isASCII(x) && isASCII(y) ? answer(x, y) : nil
            }
        }
    }

    /// A plain byte search for `phrase` in `text`: each place where the first byte matches is compared whole.
    private static func occurs(in text: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>) -> Bool {
        guard phrase.count <= text.count, let first = phrase.first, let base = text.baseAddress, let wanted = phrase.baseAddress else {
            return false
        }
        var start = 0
        let last = text.count - phrase.count
        while start <= last {
            if text[start] == first && memcmp(base + start, wanted, phrase.count) == 0 { return true }
            start += 1
        }
        return false
    }

    /// ASCII bytes equal but for the case of letters.
    private static func sameIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices where a[index] != b[index] {
            // ASCII letters differ by 0x20 between cases.
            let x = a[index] | 0x20
            guard x == b[index] | 0x20, x >= 0x61, x <= 0x7A else { return false }
        }
        return true
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }
}
