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
        var postings: [String: [Posting]] = [:]
        var stems: [String: String] = [:]
        var lengths: [Int32] = []
        lengths.reserveCapacity(documents.count)
        var total = 0
        var counts: [String: Double] = [:]
        for (document, columns) in documents.enumerated() {
            var length = 0
            counts.removeAll(keepingCapacity: true)
            for (column, text) in columns.enumerated() {
                let weight = column < Self.columnWeights.count ? Self.columnWeights[column] : 1
                for word in ProductQuery.words(in: Self.folded(text)) {
                    let stem: String
                    if let known = stems[word] { stem = known } else {
                        stem = PorterStemmer.stem(word)
                        stems[word] = stem
                    }
                    counts[stem, default: 0] += weight
                    length += 1
                }
            }
            // Documents come in order, so every posting list stays sorted by document.
            for (stem, count) in counts {
                postings[stem, default: []].append(Posting(document: Int32(truncatingIfNeeded: document), weightedCount: count))
            }
            lengths.append(Int32(clamping: length))
            total += length
        }
        let sorted = postings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.terms = sorted
        self.postings = sorted.map { postings[$0] ?? [] }
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
    func matches(_ queryTerms: [String]) -> [(document: Int32, score: Double)] {
        let documentCount = Double(lengths.count)
        // Dense per-document arrays: a term's frequencies, and the score of documents still matching.
        var frequencies = [Double](repeating: 0, count: lengths.count)
        var scores = [Double](repeating: 0, count: lengths.count)
        var matching: [Int32]?
        for term in queryTerms {
            guard let stem = Self.tokens(of: term).first else { continue }
            var touched: [Int32] = []
            for index in range(prefix: stem) {
                for posting in postings[index] {
                    let document = Int(posting.document)
                    if frequencies[document] == 0 { touched.append(posting.document) }
                    frequencies[document] += posting.weightedCount
                }
            }
            // IDF counts every document with the term, not only those earlier terms left.
            var idf = log((documentCount - Double(touched.count) + 0.5) / (Double(touched.count) + 0.5))
            if idf <= 0 { idf = 1e-6 }
            var next: [Int32] = []
            next.reserveCapacity(min(touched.count, matching?.count ?? touched.count))
            for document in matching ?? touched where frequencies[Int(document)] > 0 {
                let frequency = frequencies[Int(document)]
                let length = Double(lengths[Int(document)])
                scores[Int(document)] += idf * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
                next.append(document)
            }
            for document in touched { frequencies[Int(document)] = 0 }
            matching = next
        }
        return (matching ?? []).map { ($0, scores[Int($0)]) }
    }
}
