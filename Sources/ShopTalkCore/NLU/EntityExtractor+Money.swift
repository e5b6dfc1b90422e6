extension EntityExtractor {
    static let maxWords: Set<String> = ["under", "below", "beneath", "max", "maximum", "within", "upto", "less", "cheaper", "lower"]
    static let minWords: Set<String> = ["over", "above", "min", "minimum", "more", "from", "least", "higher"]
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "bucks": "USD", "usd": "USD", "pounds": "GBP", "pound": "GBP",
        "quid": "GBP", "gbp": "GBP", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    ]
    static let currencySymbols: [String: String] = ["$": "USD", "£": "GBP", "€": "EUR"]
    static let softPrices: Set<String> = ["cheap", "budget", "affordable", "inexpensive", "cheapest", "bargain"]

    /// Prices and ranges: "under $50", "less than 100 dollars", "below 80", "between 200 and 300",
    /// "$20-$40", "from 20 to 40 bucks", "around 500", "max 80 pounds", "at least 1000", and the soft
    /// preference "cheap" / "budget" (no number). Value: `{"min":…,"max":…,"currency":…}`.
    func matchPrices(_ found: inout Found, currency: String) {
        let tokens = found.tokens
        var index = 0
        while index < tokens.count {
            guard !found.used.contains(index), let (amount, currencyCode, first, last) = money(at: index, tokens) else {
                index += 1
                continue
            }
            let code = currencyCode ?? currency
            var lower: Double?
            var upper: Double?
            var spanStart = first
            var spanEnd = last
            let previous = found.word(first - 1) ?? ""
            let beforePrevious = found.word(first - 2) ?? ""
            if let (second, _, _, secondLast) = rangeEnd(after: last, tokens), found.isFree(first...secondLast) {
                lower = min(amount, second)
                upper = max(amount, second)
                spanEnd = secondLast
                if previous == "between" || previous == "from" { spanStart = first - 1 }
            } else if Self.maxWords.contains(previous) || (previous == "than" && ["less", "cheaper", "lower"].contains(beforePrevious))
                        || (previous == "to" && beforePrevious == "up") || (previous == "no" && false) {
                upper = amount
                spanStart = first - 1
                if previous == "than" || previous == "to" { spanStart = first - 2 }
                if previous == "than", first > 2, found.word(first - 3) == "no" { spanStart = first - 3 }
            } else if previous == "than", beforePrevious == "more", first > 2, found.word(first - 3) == "no" {
                upper = amount
                spanStart = first - 3
            } else if Self.minWords.contains(previous) || (previous == "than" && ["more", "higher"].contains(beforePrevious)) {
                lower = amount
                spanStart = previous == "than" ? first - 2 : first - 1
                if previous == "least", found.word(first - 2) == "at" { spanStart = first - 2 }
            } else if ["around", "about", "roughly", "approx", "approximately", "circa"].contains(previous) {
                lower = (amount * 0.85).rounded()
                upper = (amount * 1.15).rounded()
                spanStart = first - 1
            } else if currencyCode != nil {
                upper = amount
            } else {
                index = last + 1
                continue
            }
            guard found.isFree(spanStart...spanEnd) else {
                index = last + 1
                continue
            }
            var value: [String: JSONValue] = ["currency": .string(code)]
            if [lower, upper].contains(where: { $0.map(Self.isOutOfRange) ?? false }) {
                // Said, never searched with: handlers answer that the amount is too large for them.
                value["outOfRange"] = .bool(true)
            } else {
                if let lower { value["min"] = .number(lower) }
                if let upper { value["max"] = .number(upper) }
            }
            found.add(Entity.Kind.price, .object(value), spanStart, spanEnd)
            index = spanEnd + 1
        }
        for (position, token) in tokens.enumerated() where !found.used.contains(position) && Self.softPrices.contains(token.text) {
            found.add(Entity.Kind.price, .object(["currency": .string(currency), "preference": .string("low")]), position, position)
        }
    }

    /// An amount no shop sells at (or "infinity", which is what 400 digits parse to).
    static func isOutOfRange(_ amount: Double) -> Bool {
        !amount.isFinite || abs(amount) > Money.maxMajor
    }

    /// A money amount at `index`: "$50", "50", "50 dollars", "£1,299.99", "50k".
    func money(at index: Int, _ tokens: [Token]) -> (Double, String?, Int, Int)? {
        var position = index
        var code: String?
        if tokens[position].kind == .symbol, let symbolCode = Self.currencySymbols[tokens[position].text] {
            code = symbolCode
            position += 1
            guard position < tokens.count else { return nil }
        }
        var text = tokens[position].text
        var multiplier = 1.0
        if tokens[position].kind == .word, text.hasSuffix("k"), Double(text.dropLast()) != nil {
            text = String(text.dropLast())
            multiplier = 1000
        } else if tokens[position].kind != .number {
            return nil
        }
        guard let amount = Double(text.replacingOccurrences(of: ",", with: "")) else { return nil }
        var last = position
        if last + 1 < tokens.count, let wordCode = Self.currencyWords[tokens[last + 1].text] {
            code = code ?? wordCode
            last += 1
        }
        // "55 inch", "256 gb", "size 10" are not money.
        if code == nil, last + 1 < tokens.count, ["inch", "inches", "in", "gb", "tb", "mm", "cm", "of", "x", "days", "weeks", "months", "years"].contains(tokens[last + 1].text) {
            return nil
        }
        return (amount * multiplier, code, index, last)
    }

    /// The second amount of a range: "- 40", "to 40", "and 40".
    private func rangeEnd(after last: Int, _ tokens: [Token]) -> (Double, String?, Int, Int)? {
        let next = last + 1
        guard next + 1 < tokens.count, ["-", "to", "and", "–"].contains(tokens[next].text) else { return nil }
        return money(at: next + 1, tokens)
    }
}
