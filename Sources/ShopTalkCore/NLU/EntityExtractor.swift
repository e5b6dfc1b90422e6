import Foundation

/// Finds entities in a message: money and price ranges, brands, categories, product models, colours,
/// sizes, quantities, dates and periods, order numbers, discount codes, emails, customer ids and
/// countries. Catalog names come from the store's own `CatalogVocabulary`, so one store's names never
/// show up in another's messages; misspelt brands and categories are corrected within a bounded edit
/// distance, but short and common words never become entities.
public struct EntityExtractor: Sendable {
    let synonyms: [String: String]
    let colors: Set<String>
    let countries: [String: String]

    /// An extractor with the built-in tables, extended by `data`'s lookups and synonyms.
    public init(data: NLUTrainingData = NLUTrainingData()) {
        self.synonyms = data.synonyms
        self.colors = EntityTables.colors.union((data.lookups["color"] ?? []).map { $0.lowercased() })
        var countries = EntityTables.countries
        for name in data.lookups["country"] ?? [] where countries[name.lowercased()] == nil {
            countries[name.lowercased()] = name
        }
        for (variant, canonical) in data.synonyms where countries[canonical.lowercased()] != nil {
            countries[variant] = countries[canonical.lowercased()]
        }
        self.countries = countries
    }

    /// Entities of `text`, left to right. `today` anchors relative dates; without it no dates are read.
    public func extract(
        _ text: String, tokens: [Token]? = nil, vocabulary: CatalogVocabulary, currency: String, today: Date? = nil
    ) -> [Entity] {
        var found = Found(scalars: Array(text.unicodeScalars), tokens: tokens ?? Tokenizer.tokenize(text))
        matchOrderNumbers(&found)
        matchEmails(&found)
        matchCustomerIDs(&found)
        matchDiscountCodes(&found, known: vocabulary.discountCodes)
        if let today { matchPeriods(&found, today: today) }
        matchPrices(&found, currency: currency)
        matchSizes(&found)
        matchQuantities(&found)
        matchCountries(&found)
        matchCatalog(&found, vocabulary: vocabulary)
        matchItems(&found)
        return found.entities.sorted { $0.start < $1.start }
    }

    /// Entities found so far and the tokens they cover.
    struct Found {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        var entities: [Entity] = []
        var used = Set<Int>()

        func isFree(_ range: ClosedRange<Int>) -> Bool {
            range.allSatisfy { !used.contains($0) }
        }

        func word(_ index: Int) -> String? {
            index >= 0 && index < tokens.count ? tokens[index].text : nil
        }

        mutating func add(_ type: String, _ value: JSONValue, _ first: Int, _ last: Int) {
            let start = tokens[first].start
            let end = tokens[last].end
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            entities.append(Entity(type: type, value: value, text: String(view), start: start, end: end))
            for index in first...last { used.insert(index) }
        }
    }

    /// The search term a category word implies beyond its category ("hoodie" within clothing), if any.
    public func productType(of entity: Entity) -> String? {
        guard entity.type == Entity.Kind.category else { return nil }
        let word = entity.text.lowercased()
        let canonical = synonyms[word] ?? word
        if EntityTables.specificWords.contains(canonical) { return canonical }
        if EntityTables.categoryPhrases[canonical] != nil && canonical != entity.value.stringValue { return canonical }
        return nil
    }

    private func matchPeriods(_ found: inout Found, today: Date) {
        let parser = PeriodParser(today: today)
        for match in parser.matches(found.tokens) where found.isFree(match.first...match.last) {
            var value: [String: JSONValue] = ["to": .string(ShopClock.dayString(match.to))]
            // "until March": no first day ("from" is left out).
            let from = ShopClock.dayString(match.from)
            if from != PeriodParser.openStartDay { value["from"] = .string(from) }
            // The two named periods of a range ("Q1 to Q2 2011"), when each is longer than a day.
            if let opening = match.opening, let closing = match.closing, opening.lowerBound < opening.upperBound, closing.lowerBound < closing.upperBound {
                value["opening"] = .object(["from": .string(ShopClock.dayString(opening.lowerBound)), "to": .string(ShopClock.dayString(opening.upperBound))])
                value["closing"] = .object(["from": .string(ShopClock.dayString(closing.lowerBound)), "to": .string(ShopClock.dayString(closing.upperBound))])
            }
            found.add(Entity.Kind.date, .object(value), match.first, match.last)
        }
    }

    /// Countries and their aliases; "US" only in capitals, so the pronoun "us" is left alone.
    private func matchCountries(_ found: inout Found) {
        let tokens = found.tokens
        var index = 0
        while index < tokens.count {
            var matched = false
            for length in stride(from: min(3, tokens.count - index), through: 1, by: -1) {
                let range = index...(index + length - 1)
                guard found.isFree(range) else { continue }
                let phrase = tokens[range].map(\.text).joined(separator: " ")
                if phrase == "us" {
                    guard tokens[index].original == "US" else { continue }
                    found.add(Entity.Kind.country, .string("United States"), index, index)
                    matched = true
                    break
                }
                // "Germany's orders": a country in the possessive is the country.
                if let country = countries[phrase] ?? (phrase.hasSuffix("'s") ? countries[String(phrase.dropLast(2))] : nil) {
                    found.add(Entity.Kind.country, .string(country), range.lowerBound, range.upperBound)
                    matched = true
                    index += length
                    break
                }
            }
            if !matched { index += 1 }
        }
    }
}
