/// Finds the products an owner means by the words they use ("white hanging heart t-light holders",
/// "the regency cakestand"): word overlap in both directions, plurals folded, small typos forgiven.
public struct ProductNameMatcher: Sendable {
    public struct Candidate: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var score: Double
        /// Share of the asked-for words found in the name.
        public var precision: Double
        /// Share of the name's words that were asked for.
        public var coverage: Double
        /// Asked-for words found only one typo away (a name spelt "SKIPPPING").
        public var fuzzy = 0
    }

    let products: [(Int64, String, Set<String>)]
    /// Every word of every name, plurals folded.
    let vocabulary: Set<String>

    public init(products: [(Int64, String)]) {
        self.products = products.map { ($0.0, $0.1, Self.words($0.1)) }
        vocabulary = self.products.reduce(into: Set<String>()) { $0.formUnion($1.2) }
    }

    /// Whether `word` is in some product's name.
    public func knows(_ word: String) -> Bool {
        vocabulary.contains(Self.normalise(word))
    }

    /// Whether `word`, or a word one typo away from it (five letters or more), is in some product's name.
    public func knowsLoosely(_ word: String) -> Bool {
        let word = Self.normalise(word)
        if vocabulary.contains(word) { return true }
        guard word.count >= 5 else { return false }
        let typed = Array(word.utf8)
        return vocabulary.contains { $0.count >= 5 && $0.first == word.first && EditDistance.distance(Array($0.utf8), typed, limit: 1) != nil }
    }

    /// The id of the product named exactly `name`.
    public func id(named name: String) -> Int64? {
        products.first { $0.1 == name }?.0
    }

    /// A matcher over just the product named `name`.
    public func only(_ name: String) -> ProductNameMatcher? {
        guard let id = id(named: name) else { return nil }
        return ProductNameMatcher(products: [(id, name)])
    }

    /// Lowercased words with plurals folded ("holders" → "holder").
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }.map { normalise(String($0)) }.filter { !$0.isEmpty })
    }

    static func normalise(_ word: String) -> String {
        var word = word.trimmingCharacters(in: CharacterSet(charactersIn: "'-"))
        if word.count > 3 && word.hasSuffix("es") && (word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes")) { word.removeLast(2) }
        else if word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") { word.removeLast() }
        return spellings[word] ?? word
    }

    /// American spellings of words in product names, read as the British ones (either may be in the catalog:
    /// both sides of a match pass through here).
    static let spellings: [String: String] = [
        "mold": "mould", "color": "colour", "colored": "coloured", "gray": "grey", "center": "centre", "jewelry": "jewellery",
        "favorite": "favourite", "organizer": "organiser", "aluminum": "aluminium", "theater": "theatre", "pajama": "pyjama",
        "catalog": "catalogue", "donut": "doughnut", "cozy": "cosy", "flavor": "flavour", "honor": "honour", "neighbor": "neighbour",
        "harbor": "harbour", "vapor": "vapour", "parlor": "parlour", "personalized": "personalised",
    ]

    /// Candidates for `phrase`, best first, with scores in [0, 1].
    public func candidates(for phrase: [String], limit: Int = 8) -> [Candidate] {
        let wanted = Set(phrase.map(Self.normalise).filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return [] }
        var scored: [Candidate] = []
        for (id, name, words) in products {
            var matched = 0
            var fuzzy = 0
            for word in wanted {
                if words.contains(word) {
                    matched += 1
                } else if word.count >= 5, words.contains(where: { $0.count >= 5 && $0.first == word.first && EditDistance.distance(Array($0.utf8), Array(word.utf8), limit: 1) != nil }) {
                    matched += 1
                    fuzzy += 1
                }
            }
            guard matched > 0 else { continue }
            let coverage = Double(matched) / Double(max(1, words.count))
            let precision = Double(matched) / Double(wanted.count)
            scored.append(Candidate(id: id, name: name, score: 0.5 * coverage + 0.5 * precision, precision: precision, coverage: coverage, fuzzy: fuzzy))
        }
        return Array(scored.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit))
    }
}

import Foundation
