/// Works out which of the products last shown a message refers to: "the second one", "the last one",
/// "the cheapest", "the most expensive", "the best rated", "the Sony", "compare the first two",
/// "compare 1 and 3", "it", "this one".
public struct ReferenceResolver: Sendable {
    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
    ]
    static let counts: [String: Int] = ["two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5]

    public init() {}

    /// Shown products whose model or full name the message names.
    static func named(_ turn: Turn, among shown: [Product]) -> [Int64] {
        let text = turn.text.lowercased()
        let byName = shown.filter { text.contains($0.name.lowercased()) }
        if !byName.isEmpty { return byName.map(\.id) }
        let models = turn.entities.filter { $0.type == Entity.Kind.product }.compactMap { $0.value.stringValue?.lowercased() }
        guard !models.isEmpty else { return [] }
        return shown.filter { product in
            let name = product.name.lowercased()
            return models.contains { name.contains($0) }
        }.map(\.id)
    }

    /// The ids referred to, in the order meant; empty when the message refers to nothing shown.
    public func resolve(_ turn: Turn, shown: [Product], focus: Int64?) -> [Int64] {
        let words = turn.tokens.filter { $0.kind != .symbol }.map(\.text)
        guard !words.isEmpty else { return [] }
        if !shown.isEmpty {
            // A product named by its model or full name ("tell me about the Sony WH-CH720N Headphones", as
            // the card's Details button says) is that product, whatever else it shares with the others.
            let named = Self.named(turn, among: shown)
            if !named.isEmpty { return named }
            // "compare the first two", "the first three".
            for (index, word) in words.enumerated() where word == "first" || word == "top" {
                if index + 1 < words.count, let count = Self.counts[words[index + 1]] {
                    return Array(shown.prefix(count).map(\.id))
                }
            }
            // "compare 1 and 3", "the second and the fourth".
            var picked: [Int] = []
            for (index, word) in words.enumerated() {
                if let ordinal = Self.ordinals[word] {
                    picked.append(ordinal)
                } else if ["number", "no", "option", "#"].contains(index > 0 ? words[index - 1] : ""), let number = Int(word) {
                    picked.append(number)
                } else if words.first == "compare", let number = Int(word), number <= shown.count {
                    picked.append(number)
                } else if word == "last", index + 1 < words.count, ["one", "item", "product"].contains(words[index + 1]) {
                    picked.append(shown.count)
                }
            }
            let valid = picked.filter { $0 >= 1 && $0 <= shown.count }
            if !valid.isEmpty {
                return valid.map { shown[$0 - 1].id }
            }
            if words.contains("cheapest") || (words.contains("least") && words.contains("expensive")) {
                return shown.min { $0.price < $1.price }.map { [$0.id] } ?? []
            }
            if words.contains("priciest") || (words.contains("most") && words.contains("expensive")) {
                return shown.max { $0.price < $1.price }.map { [$0.id] } ?? []
            }
            let praise: Set<String> = ["best", "top", "highest", "better", "most"]
            let judged: Set<String> = ["rated", "reviewed", "reviews", "review", "rating", "ratings", "stars"]
            if !praise.isDisjoint(with: words) && !judged.isDisjoint(with: words) || words.contains("highest") {
                // "which one has the best reviews?", "the top rated one".
                return shown.max { ($0.rating ?? 0) < ($1.rating ?? 0) }.map { [$0.id] } ?? []
            }
            // "the Sony", "the Sony one": a brand among those shown (but "only Sony" narrows the search). It
            // points at a product only when one shown product has that brand; "the Sony ones" means all of them.
            if let entity = turn.entity(Entity.Kind.brand), let brand = entity.value.stringValue {
                let before = turn.tokens.last { $0.end <= entity.start }?.text
                let after = turn.tokens.first { $0.start >= entity.end }?.text
                let matching = shown.filter { $0.brand.sameIgnoringCase(brand) }
                if ["the", "that", "this", "those", "these"].contains(before ?? "") || after == "one" || after == "ones" {
                    if matching.count == 1 || after == "ones" || before == "those" || before == "these" {
                        return matching.map(\.id)
                    }
                }
            }
            if words.first == "compare" || words.contains("them") && (words.contains("compare") || words.contains("difference")) {
                return Array(shown.prefix(2).map(\.id))
            }
        }
        // "it", "this one", "that".
        let pronouns: Set<String> = ["it", "this", "that", "its", "it's"]
        if words.contains(where: pronouns.contains) {
            if let focus { return [focus] }
            if shown.count == 1 { return [shown[0].id] }
        }
        return []
    }
}
