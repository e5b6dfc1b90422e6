/// Lookup structures over a catalog's names: brand and category phrases, product model keys, and the
/// candidates a misspelt word may be corrected to.
struct CatalogIndex: Sendable {
    /// A product model as shoppers name it: "galaxy s24 ultra" → "Galaxy S24 Ultra".
    struct ModelKey: Sendable {
        let words: [String]
        let display: String
        let brand: String
    }

    /// A catalog word a typo may stand for.
    struct FuzzyCandidate: Sendable {
        let bytes: [UInt8]
        let type: String
        let value: String
        let frequency: Int
    }

    let brandPhrases: [([String], String)]
    let categoryPhrases: [([String], String)]
    let modelsByFirstWord: [String: [ModelKey]]
    let fuzzy: [FuzzyCandidate]
    /// Product names by lowercased model display, most popular first.
    let namesByModel: [String: [String]]
    /// Lowercased single words that are exactly some catalog name; never "corrected".
    let knownWords: Set<String>
    /// The catalog's categories and colours as sets, made once rather than for every message.
    let categorySet: Set<String>
    let colorSet: Set<String>

    init(brands: [String], categories: [String], colors: [String], products: [String], brandCounts: [String: Int]) {
        func words(_ text: String) -> [String] {
            Tokenizer.tokenize(text).filter { $0.kind != .symbol }.map(\.text)
        }
        brandPhrases = brands.map { (words($0), $0) }.filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
        categoryPhrases = categories.map { (words($0), $0) }.filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
        categorySet = Set(categories)
        colorSet = Set(colors)

        let generic = Set(EntityTables.categoryWords.keys).subtracting(EntityTables.specificWords).union([
            "4k", "tv", "smartphone", "laptop", "headphones", "running", "men's", "women's", "mens", "womens", "for",
            "with", "the", "and", "of", "smartwatch", "tablet", "shoes", "gaming", "wireless", "cordless", "edition",
        ])
        var models: [String: [ModelKey]] = [:]
        var seen = Set<String>()
        var names: [String: [String]] = [:]
        let brandWords = Dictionary(brands.map { ($0, Set(words($0))) }, uniquingKeysWith: { first, _ in first })
        for name in products {
            let all = Tokenizer.tokenize(name)
            let brand = brands.first { name.lowercased().hasPrefix($0.lowercased() + " ") } ?? ""
            let skip = brandWords[brand] ?? []
            var kept: [Token] = []
            for (position, token) in all.enumerated() where token.kind != .symbol {
                let next = position + 1 < all.count ? all[position + 1].text : ""
                let isScreenSize = token.kind == .number && (next == "\"" || next == "inch")
                if skip.contains(token.text) || generic.contains(token.text) || Self.isVariant(token.text) || isScreenSize {
                    continue
                }
                kept.append(token)
            }
            guard !kept.isEmpty else { continue }
            let key = kept.map(\.text)
            let joined = key.joined(separator: " ")
            names[joined, default: []].append(name)
            guard seen.insert(joined).inserted else { continue }
            // A one-word model must be distinctive: it has a digit, or is not an ordinary word.
            if key.count == 1 && !key[0].contains(where: \.isNumber) && (EntityTables.commonWords.contains(key[0]) || key[0].count < 4) {
                continue
            }
            models[key[0], default: []].append(ModelKey(words: key, display: kept.map(\.original).joined(separator: " "), brand: brand))
        }
        modelsByFirstWord = models
        namesByModel = names

        var candidates: [FuzzyCandidate] = []
        for brand in brands {
            let lowered = brand.lowercased()
            if !lowered.contains(" ") && lowered.count >= 4 {
                candidates.append(FuzzyCandidate(bytes: Array(lowered.utf8), type: Entity.Kind.brand, value: brand, frequency: brandCounts[brand] ?? 1))
            }
        }
        let categorySet = Set(categories)
        for (word, category) in EntityTables.categoryWords where categorySet.contains(category) && word.count >= 5 {
            candidates.append(FuzzyCandidate(bytes: Array(word.utf8), type: Entity.Kind.category, value: category, frequency: 100))
        }
        fuzzy = candidates
        knownWords = Set(brands.map { $0.lowercased() }).union(EntityTables.categoryWords.keys)
    }

    /// Storage and size variants in product names ("256gb", "8gb", "41mm").
    static func isVariant(_ word: String) -> Bool {
        let lowered = word.lowercased()
        for suffix in ["gb", "tb", "mm"] where lowered.hasSuffix(suffix) {
            let stem = lowered.dropLast(2)
            if !stem.isEmpty && stem.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "g" || $0 == "b" }) { return true }
        }
        return false
    }
}
