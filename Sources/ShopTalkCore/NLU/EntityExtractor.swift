import Foundation

/// Finds catalog entities (brands, categories, colours), prices and identifiers in a message.
///
/// Catalog names come from the store's own `CatalogVocabulary`, so one store's names never show up in
/// another's messages.
public struct EntityExtractor: Sendable {
    /// Words shoppers use for a category, mapped to the catalog's category name.
    static let categoryWords: [String: String] = [
        "phone": "phones", "phones": "phones", "smartphone": "phones", "smartphones": "phones", "mobile": "phones",
        "laptop": "laptops", "laptops": "laptops", "notebook": "laptops", "notebooks": "laptops",
        "headphone": "headphones", "headphones": "headphones", "earbuds": "headphones", "earphones": "headphones",
        "headset": "headphones",
        "tv": "tvs", "tvs": "tvs", "television": "tvs", "televisions": "tvs", "telly": "tvs",
        "shoe": "shoes", "shoes": "shoes", "sneakers": "shoes", "trainers": "shoes", "sneaker": "shoes",
        "clothing": "clothing", "clothes": "clothing", "hoodie": "clothing", "hoodies": "clothing",
        "t-shirt": "clothing", "t-shirts": "clothing", "tee": "clothing", "tees": "clothing", "jacket": "clothing",
        "jackets": "clothing", "jeans": "clothing",
        "kitchen": "home & kitchen", "appliances": "home & kitchen", "vacuum": "home & kitchen",
        "accessories": "accessories", "accessory": "accessories", "charger": "accessories", "chargers": "accessories",
        "case": "accessories", "cases": "accessories", "cable": "accessories",
        "smartwatch": "smartwatches", "smartwatches": "smartwatches", "watch": "smartwatches", "watches": "smartwatches",
        "tablet": "tablets", "tablets": "tablets",
        "gaming": "gaming", "console": "gaming", "consoles": "gaming", "controller": "gaming",
    ]

    static let maxWords: Set<String> = ["under", "below", "beneath", "max", "maximum", "within", "cheaper", "less", "upto"]
    static let minWords: Set<String> = ["over", "above", "min", "minimum", "least", "more", "from"]
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "bucks": "USD", "usd": "USD", "pounds": "GBP", "pound": "GBP",
        "quid": "GBP", "gbp": "GBP", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    ]
    static let currencySymbols: [String: String] = ["$": "USD", "£": "GBP", "€": "EUR"]

    public init() {}

    /// Extracts entities from `text`, with `vocabulary` from the store the message was sent to.
    public func extract(_ text: String, tokens: [Token], vocabulary: CatalogVocabulary, currency: String) -> [Entity] {
        var found = Found(scalars: Array(text.unicodeScalars), tokens: tokens)
        matchOrderNumbers(&found)
        matchEmails(&found)
        matchPrices(&found, currency: currency)
        matchPhrases(vocabulary.brands, type: Entity.Kind.brand, &found)
        matchPhrases(vocabulary.categories, type: Entity.Kind.category, &found)
        for (index, token) in tokens.enumerated() where !found.used.contains(index) && token.kind == .word {
            if let category = Self.categoryWords[token.text], vocabulary.categories.contains(category) {
                found.add(Entity.Kind.category, .string(category), index, index)
            } else if vocabulary.colors.contains(token.text) {
                found.add(Entity.Kind.color, .string(token.text), index, index)
            }
        }
        return found.entities.sorted { $0.start < $1.start }
    }

    /// Entities found so far and the tokens they cover.
    struct Found {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        var entities: [Entity] = []
        var used = Set<Int>()

        mutating func add(_ type: String, _ value: JSONValue, _ first: Int, _ last: Int) {
            let start = tokens[first].start
            let end = tokens[last].end
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            entities.append(Entity(type: type, value: value, text: String(view), start: start, end: end))
            for index in first...last { used.insert(index) }
        }
    }

    /// Order numbers (ORD-YYYYMMDD-NNNN).
    private func matchOrderNumbers(_ found: inout Found) {
        for (index, token) in found.tokens.enumerated() where token.kind == .word {
            let upper = token.original.uppercased()
            if upper.hasPrefix("ORD-"), upper.count == 17,
               upper.dropFirst(4).enumerated().allSatisfy({ $0.offset == 8 ? $0.element == "-" : $0.element.isNumber }) {
                found.add(Entity.Kind.orderNumber, .string(upper), index, index)
            }
        }
    }

    /// Email addresses, found on the raw text since they span several tokens.
    private func matchEmails(_ found: inout Found) {
        let scalars = found.scalars
        let tokens = found.tokens
        func isEmailScalar(_ scalar: Unicode.Scalar) -> Bool {
            Tokenizer.isAlphanumeric(scalar) && scalar.isASCII || "._%+-".unicodeScalars.contains(scalar)
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
                  let last = tokens.lastIndex(where: { $0.start < end })
            else { continue }
            var email = String.UnicodeScalarView()
            email.append(contentsOf: scalars[start..<end])
            found.add(Entity.Kind.email, .string(String(email).lowercased()), first, last)
        }
    }

    /// Multi-word catalog names, longest first, on whole-token boundaries.
    private func matchPhrases(_ names: [String], type: String, _ found: inout Found) {
        let tokens = found.tokens
        let phrases = names.map { name in (name, Tokenizer.tokenize(name).map(\.text)) }
            .filter { !$0.1.isEmpty }
            .sorted { $0.1.count > $1.1.count }
        for (name, words) in phrases {
            guard words.count <= tokens.count else { continue }
            for start in 0...(tokens.count - words.count) {
                let range = start..<(start + words.count)
                guard !range.contains(where: found.used.contains) else { continue }
                if zip(tokens[range], words).allSatisfy({ $0.text == $1 }) {
                    found.add(type, .string(name), range.lowerBound, range.upperBound - 1)
                }
            }
        }
    }

    /// "under $50", "between 200 and 300", "$20-$40", "over 1000 dollars".
    private func matchPrices(_ found: inout Found, currency: String) {
        let tokens = found.tokens
        var index = 0
        while index < tokens.count {
            guard let (amount, currencyCode, first, last) = money(at: index, tokens) else {
                index += 1
                continue
            }
            let code = currencyCode ?? currency
            var lower: Double?
            var upper: Double?
            var spanStart = first
            var spanEnd = last
            let previous = first > 0 ? tokens[first - 1].text : ""
            let beforePrevious = first > 1 ? tokens[first - 2].text : ""
            if let (second, _, _, secondLast) = rangeEnd(after: last, tokens) {
                lower = amount
                upper = second
                spanEnd = secondLast
                if previous == "between" || previous == "from" { spanStart = first - 1 }
            } else if Self.maxWords.contains(previous) || (previous == "than" && (beforePrevious == "less" || beforePrevious == "cheaper"))
                        || (previous == "to" && beforePrevious == "up") {
                upper = amount
                spanStart = first - 1
                if previous == "than" || previous == "to" { spanStart = first - 2 }
            } else if Self.minWords.contains(previous) || (previous == "than" && beforePrevious == "more") {
                lower = amount
                spanStart = previous == "than" ? first - 2 : first - 1
                if previous == "least", first > 1, tokens[first - 2].text == "at" { spanStart = first - 2 }
            } else if previous == "around" || previous == "about" || previous == "roughly" {
                lower = (amount * 0.85).rounded()
                upper = (amount * 1.15).rounded()
                spanStart = first - 1
            } else if currencyCode != nil {
                lower = nil
                upper = amount
            } else {
                index = last + 1
                continue
            }
            var value: [String: JSONValue] = ["currency": .string(code)]
            if let lower { value["min"] = .number(lower) }
            if let upper { value["max"] = .number(upper) }
            found.add(Entity.Kind.price, .object(value), spanStart, spanEnd)
            index = spanEnd + 1
        }
    }

    /// A money amount starting at `index`: "$50", "50", "50 dollars", "£1,299.99".
    private func money(at index: Int, _ tokens: [Token]) -> (Double, String?, Int, Int)? {
        var position = index
        var code: String?
        if tokens[position].kind == .symbol, let symbolCode = Self.currencySymbols[tokens[position].text] {
            code = symbolCode
            position += 1
            guard position < tokens.count else { return nil }
        }
        guard tokens[position].kind == .number,
              let amount = Double(tokens[position].text.replacingOccurrences(of: ",", with: ""))
        else { return nil }
        var last = position
        if last + 1 < tokens.count, let wordCode = Self.currencyWords[tokens[last + 1].text] {
            code = code ?? wordCode
            last += 1
        }
        return (amount, code, index, last)
    }

    /// The second amount of a range: "- 40", "to 40", "and 40".
    private func rangeEnd(after last: Int, _ tokens: [Token]) -> (Double, String?, Int, Int)? {
        let next = last + 1
        guard next + 1 < tokens.count, ["-", "to", "and", "–"].contains(tokens[next].text) else { return nil }
        return money(at: next + 1, tokens)
    }
}
