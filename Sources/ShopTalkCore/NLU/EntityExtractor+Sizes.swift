extension EntityExtractor {
    static let clothingSizes: [String: String] = [
        "xxs": "XXS", "xs": "XS", "s": "S", "m": "M", "l": "L", "xl": "XL", "xxl": "XXL", "xxxl": "XXXL", "2xl": "XXL",
        "small": "S", "medium": "M", "large": "L",
    ]

    /// Sizes: clothing ("size m", "in XL", "extra large"), shoes ("size 9", "EU 42", "uk 8"), screens
    /// ("55 inch", "65\""), storage ("256gb", "1 tb") and watch cases ("45mm"). Single letters and plain
    /// words count only next to "size" or "in", so the "s" in ordinary sentences is never a size.
    func matchSizes(_ found: inout Found) {
        let tokens = found.tokens
        for index in tokens.indices where !found.used.contains(index) {
            let word = tokens[index].text
            let previous = found.word(index - 1) ?? ""
            let next = found.word(index + 1) ?? ""
            // "size 10", "size m", "size large", "size 10.5".
            if previous == "size" && !found.used.contains(index - 1) {
                if let clothing = Self.clothingSizes[word] {
                    found.add(Entity.Kind.size, .string(clothing), index - 1, index)
                } else if tokens[index].kind == .number, let number = Double(word), number > 0, number < 60 {
                    found.add(Entity.Kind.size, .string(word), index - 1, index)
                } else if word == "extra", let size = Self.clothingSizes[next], next == "large" || next == "small" {
                    found.add(Entity.Kind.size, .string(size == "L" ? "XL" : "XS"), index - 1, index + 1)
                }
                continue
            }
            // "EU 42", "UK 8", "US 10".
            if ["eu", "uk", "us"].contains(word), tokens[index].original != "us" || word != "us",
               let number = found.word(index + 1).flatMap(Double.init), number > 0, number < 60, index + 1 < tokens.count {
                found.add(Entity.Kind.size, .string("\(word.uppercased()) \(tokens[index + 1].text)"), index, index + 1)
                continue
            }
            // "55 inch", "55in", "65\"".
            if tokens[index].kind == .number, let number = Int(word), (20...100).contains(number),
               ["inch", "inches", "\"", "”", "in"].contains(next), next != "in" || (found.word(index + 2).map { !["the", "a", "my", "stock"].contains($0) } ?? true) {
                found.add(Entity.Kind.size, .string("\(number) inch"), index, index + 1)
                continue
            }
            if word.hasSuffix("inch") || (word.hasSuffix("in") && word.dropLast(2).allSatisfy(\.isNumber)), let number = Int(word.prefix { $0.isNumber }), (20...100).contains(number) {
                found.add(Entity.Kind.size, .string("\(number) inch"), index, index)
                continue
            }
            // "256gb", "1tb", "256 gb", "45mm".
            if let storage = Self.storage(word, next: next) {
                found.add(Entity.Kind.size, .string(storage.value), index, storage.twoTokens ? index + 1 : index)
                continue
            }
            // "xl", "xxl", "xs" stand alone; "s", "m", "l", "small", "medium", "large" only after "in".
            if ["xs", "xxs", "xl", "xxl", "xxxl", "2xl"].contains(word), let size = Self.clothingSizes[word] {
                found.add(Entity.Kind.size, .string(size), index, index)
            } else if previous == "in", let size = Self.clothingSizes[word] {
                found.add(Entity.Kind.size, .string(size), index, index)
            } else if ["s", "m", "l"].contains(word), let size = Self.clothingSizes[word],
                      tokens[index].original == word.uppercased() || EntityTables.garmentWords.contains(next),
                      ["a", "an", "in", "any", "the"].contains(previous) || EntityTables.garmentWords.contains(next) {
                // "any dresses in a S?", "and an M", "any L coats?": a capital letter after an article, or a
                // letter before a garment word.
                found.add(Entity.Kind.size, .string(size), index, index)
            } else if previous == "a" || previous == "an", found.word(index - 2) == "in", ["small", "medium", "large"].contains(word),
                      let size = Self.clothingSizes[word] {
                // "in a medium".
                found.add(Entity.Kind.size, .string(size), index - 1, index)
            } else if previous == "in" || previous == "an" || previous == "a", word == "extra", next == "large" || next == "small" {
                found.add(Entity.Kind.size, .string(next == "large" ? "XL" : "XS"), index, index + 1)
            }
        }
    }

    private static func storage(_ word: String, next: String) -> (value: String, twoTokens: Bool)? {
        for unit in ["gb", "tb", "mm"] {
            if word.hasSuffix(unit), let number = Int(word.dropLast(2)), number > 0 {
                return ("\(number)\(unit.uppercased())", false)
            }
            if next == unit, let number = Int(word), number > 0 {
                return ("\(number)\(unit.uppercased())", true)
            }
        }
        return nil
    }

    /// Quantities: "two", "3 of them", "a dozen", "a couple", "x3", "qty 4".
    func matchQuantities(_ found: inout Found) {
        let tokens = found.tokens
        for index in tokens.indices where !found.used.contains(index) {
            let word = tokens[index].text
            let next = found.word(index + 1) ?? ""
            let previous = found.word(index - 1) ?? ""
            if let number = EntityTables.numberWords[word] {
                // "one" alone is usually a pronoun ("the cheaper one"); count it only before "of".
                if word == "one" && next != "of" { continue }
                if word == "single" && next != "item" && next != "unit" { continue }
                var first = index
                if (word == "dozen" || word == "couple" || word == "pair") && previous == "a" { first = index - 1 }
                var last = index
                if next == "of", found.word(index + 2) == "them" || found.word(index + 2) == "these" || found.word(index + 2) == "those" { last = index + 2 }
                guard found.isFree(first...last) else { continue }
                found.add(Entity.Kind.quantity, .number(Double(number)), first, last)
            } else if tokens[index].kind == .number, let number = Int(word), number > 0, number < 1000 {
                let units: Set<String> = ["of", "units", "unit", "pcs", "pieces", "items", "x", "copies"]
                if units.contains(next) && (next != "of" || ["them", "these", "those", "it"].contains(found.word(index + 2) ?? "")) {
                    let last = next == "of" ? index + 2 : index + 1
                    found.add(Entity.Kind.quantity, .number(Double(number)), index, last)
                } else if ["qty", "quantity", "x"].contains(previous), !found.used.contains(index - 1) {
                    found.add(Entity.Kind.quantity, .number(Double(number)), index - 1, index)
                }
            } else if word.hasPrefix("x"), let number = Int(word.dropFirst()), number > 0, number < 100 {
                found.add(Entity.Kind.quantity, .number(Double(number)), index, index)
            }
        }
    }
}
