import Foundation

/// An inverted index over products' name, brand, category and description, tokenized and stemmed as
/// the SQLite full-text index does it (`porter unicode61 remove_diacritics 2`) and ranked with the same
/// BM25 and column weights (10, 5, 5, 1), so that both engines order a search the same way.
struct TextIndex: Sendable {
    static let columnWeights: [Double] = [10, 5, 5, 1]
    static let k1 = 1.2
    static let b = 0.75

    struct Posting: Sendable {
        let document: Int32
        /// Occurrences of the term in the document, each counted with its column's weight.
        let weightedCount: Double
    }

    /// Distinct stemmed terms, sorted by their bytes, so that a prefix is one range.
    let terms: [String]
    let postings: [[Posting]]
    /// Tokens per document, all columns together.
    let lengths: [Int32]
    let averageLength: Double

    /// The tokens of `text` as the full-text index stores them.
    static func tokens(of text: String) -> [String] {
        ProductQuery.words(in: folded(text)).map(PorterStemmer.stem)
    }

    /// Diacritics removed, as `remove_diacritics 2` does; ASCII passes through untouched.
    static func folded(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.folding(options: .diacriticInsensitive, locale: nil)
    }

    init(documents: [[String]]) {
        var counts: [String: [Int32: Double]] = [:]
        var lengths: [Int32] = []
        lengths.reserveCapacity(documents.count)
        var total = 0
        for (document, columns) in documents.enumerated() {
            var length = 0
            for (column, text) in columns.enumerated() {
                let weight = column < Self.columnWeights.count ? Self.columnWeights[column] : 1
                for token in Self.tokens(of: text) {
                    counts[token, default: [:]][Int32(truncatingIfNeeded: document), default: 0] += weight
                    length += 1
                }
            }
            lengths.append(Int32(clamping: length))
            total += length
        }
        let sorted = counts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.terms = sorted
        self.postings = sorted.map { term in
            (counts[term] ?? [:]).map { Posting(document: $0.key, weightedCount: $0.value) }.sorted { $0.document < $1.document }
        }
        self.lengths = lengths
        self.averageLength = documents.isEmpty ? 1 : Double(total) / Double(documents.count)
    }

    /// Indices of the terms that begin with `prefix`.
    func range(prefix: String) -> Range<Int> {
        let key = Array(prefix.utf8)
        var low = 0
        var high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle].utf8.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < terms.count, terms[end].utf8.starts(with: key) { end += 1 }
        return low..<end
    }

    /// Documents containing a word beginning with every one of `queryTerms` (each stemmed first, as the
    /// full-text index's prefix queries are), with their BM25 score: higher is better.
    func matches(_ queryTerms: [String]) -> [Int32: Double] {
        let documentCount = Double(lengths.count)
        var scores: [Int32: Double]?
        for term in queryTerms {
            guard let stem = Self.tokens(of: term).first else { continue }
            var frequencies: [Int32: Double] = [:]
            for index in range(prefix: stem) {
                for posting in postings[index] where scores == nil || scores?[posting.document] != nil {
                    frequencies[posting.document, default: 0] += posting.weightedCount
                }
            }
            // The hit count the IDF needs is over the whole catalog, not only what earlier terms left.
            let hits = scores == nil ? Double(frequencies.count) : Double(hitCount(stem))
            var idf = log((documentCount - hits + 0.5) / (hits + 0.5))
            if idf <= 0 { idf = 1e-6 }
            var next: [Int32: Double] = [:]
            next.reserveCapacity(frequencies.count)
            for (document, frequency) in frequencies {
                let length = Double(lengths[Int(document)])
                let term = idf * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
                next[document] = (scores?[document] ?? 0) + term
            }
            scores = next
        }
        return scores ?? [:]
    }

    /// Documents with at least one word beginning with `stem`.
    func hitCount(_ stem: String) -> Int {
        let range = range(prefix: stem)
        if range.count == 1 { return postings[range.lowerBound].count }
        var documents = Set<Int32>()
        for index in range { for posting in postings[index] { documents.insert(posting.document) } }
        return documents.count
    }
}
