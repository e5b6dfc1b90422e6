extension EntityExtractor {
    /// Order numbers: `ORD-YYYYMMDD-NNNN`, and plain numbers right after "order" ("order 1234",
    /// "order number 1234", "order #1234").
    func matchOrderNumbers(_ found: inout Found) {
        for (index, token) in found.tokens.enumerated() where token.kind == .word {
            let upper = token.original.uppercased()
            if upper.hasPrefix("ORD-"), upper.count == 17,
               upper.dropFirst(4).enumerated().allSatisfy({ $0.offset == 8 ? $0.element == "-" : $0.element.isNumber }) {
                found.add(Entity.Kind.orderNumber, .string(upper), index, index)
            }
        }
        for (index, token) in found.tokens.enumerated() where token.text == "order" || token.text == "invoice" {
            var next = index + 1
            if found.word(next) == "number" || found.word(next) == "no" || found.word(next) == "#" || found.word(next) == "id" { next += 1 }
            if found.word(next) == "#" { next += 1 }
            guard next < found.tokens.count, found.tokens[next].kind == .number, !found.used.contains(next),
                  found.tokens[next].text.count >= 3, found.tokens[next].text.allSatisfy(\.isNumber)
            else { continue }
            // "items per order 2011-10", "average order 2011": a year, unless called a number ("order no 2011").
            if next == index + 1, found.tokens[next].text.count == 4, let year = Int(found.tokens[next].text), (1990...2100).contains(year) { continue }
            found.add(Entity.Kind.orderNumber, .string(found.tokens[next].text), next, next)
        }
    }

    /// Email addresses, found on the raw text since they span several tokens.
    func matchEmails(_ found: inout Found) {
        let scalars = found.scalars
        let tokens = found.tokens
        func isEmailScalar(_ scalar: Unicode.Scalar) -> Bool {
            (Tokenizer.isAlphanumeric(scalar) && scalar.isASCII) || "._%+-".unicodeScalars.contains(scalar)
        }
        for (at, scalar) in scalars.enumerated() where scalar == "@" {
            var start = at
            while start > 0, isEmailScalar(scalars[start - 1]) { start -= 1 }
            var end = at + 1
            while end < scalars.count, isEmailScalar(scalars[end]) { end += 1 }
            while end > at + 1, scalars[end - 1] == "." { end -= 1 }
            var domain = String.UnicodeScalarView()
            domain.append(contentsOf: scalars[(at + 1)..<end])
            guard start < at, String(domain).contains("."),
                  let first = tokens.firstIndex(where: { $0.end > start }),
                  let last = tokens.lastIndex(where: { $0.start < end }),
                  found.isFree(first...last)
            else { continue }
            var email = String.UnicodeScalarView()
            email.append(contentsOf: scalars[start..<end])
            found.add(Entity.Kind.email, .string(String(email).lowercased()), first, last)
        }
    }

    /// "customer 12345", "customer id 12345", "customer #12345", "customer 12923.0", and said the long way:
    /// "the customer with the id 12345", "account number 12345", "customer ref. 12345", "the shopper with
    /// id 12345"; also a long number owning something ("12345's orders").
    func matchCustomerIDs(_ found: inout Found) {
        let names: Set<String> = ["customer", "client", "account", "acct", "buyer", "shopper", "cust"]
        let between: Set<String> = ["id", "no", "number", "#", "ref", "reference", "with", "whose", "is", "the", "numbered", "of", ".", ":", "an", "a"]
        for (index, token) in found.tokens.enumerated() where names.contains(token.text) {
            var next = index + 1
            while next < found.tokens.count, next - index <= 4, between.contains(found.word(next) ?? "") { next += 1 }
            guard next < found.tokens.count, found.tokens[next].kind == .number, !found.used.contains(next) else { continue }
            var id = found.tokens[next].text
            if id.hasSuffix(".0") { id = String(id.dropLast(2)) }
            // Said the long way, an id has at least four digits ("the customer with 3 orders" names none).
            let plain = (index + 1..<next).allSatisfy { ["id", "no", "number", "#"].contains(found.word($0) ?? "") }
            guard id.allSatisfy(\.isNumber), plain || id.count >= 4 else { continue }
            // "revenue per customer 2011", "customers 4/2011": a year or a month, not an id ("account 14646 -
            // number of orders" is one).
            if ["/", "-"].contains(found.word(next + 1) ?? ""), next + 2 < found.tokens.count, found.tokens[next + 2].kind == .number { continue }
            if next == index + 1, id.count == 4, let year = Int(id), Self.isYear(year) { continue }
            found.add(Entity.Kind.customerID, .string(id), next, next)
        }
        // "13089's orders": only a customer owns things under a long number; a year does not count ("2011's").
        for (index, token) in found.tokens.enumerated() where token.kind == .number && !found.used.contains(index) {
            guard (4...7).contains(token.text.count), token.text.allSatisfy(\.isNumber), ["'", "’"].contains(found.word(index + 1) ?? ""),
                  found.word(index + 2) == "s", !(token.text.count == 4 && Int(token.text).map(Self.isYear) == true)
            else { continue }
            found.add(Entity.Kind.customerID, .string(token.text), index, index)
        }
    }

    private static func isYear(_ number: Int) -> Bool { (1990...2100).contains(number) }

    /// Codes after code, coupon, voucher or promo ("code SAVE20", "promo code save20"), the store's own
    /// known codes wherever they appear, and capitals-then-digits words that can only be codes ("XMAS50").
    func matchDiscountCodes(_ found: inout Found, known: [String]) {
        let knownCodes = Dictionary(known.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let cues: Set<String> = ["code", "coupon", "voucher", "promo", "promocode", "discount"]
        for (index, token) in found.tokens.enumerated() where token.kind == .word && !found.used.contains(index) {
            if let code = knownCodes[token.text] {
                found.add(Entity.Kind.discountCode, .string(code), index, index)
                continue
            }
            let original = token.original
            // A word typed in capitals then a number ("XMAS50", "TAKE5") is a code anywhere.
            if Self.isCapitalsThenDigits(original) {
                found.add(Entity.Kind.discountCode, .string(original), index, index)
                continue
            }
            guard index > 0, cues.contains(found.tokens[index - 1].text) else { continue }
            let looksLikeCode = original.count >= 4 && original.count <= 24
                && original.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                && (original == original.uppercased() || original.contains(where: \.isNumber))
                && original.contains(where: \.isLetter)
            if looksLikeCode {
                found.add(Entity.Kind.discountCode, .string(original.uppercased()), index, index)
            }
        }
    }

    /// 3 to 12 capital letters then 1 to 3 digits, the whole word ("XMAS50"). Scanned by hand: a regex
    /// literal here was compiled again on every message, a fifth of the pipeline's CPU under load.
    static func isCapitalsThenDigits(_ word: String) -> Bool {
        var letters = 0
        var digits = 0
        for byte in word.utf8 {
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"), digits == 0 {
                letters += 1
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
            } else {
                return false
            }
        }
        return (3...12).contains(letters) && (1...3).contains(digits)
    }
}
