import Foundation

/// Finds the part of a shop's policies that answers a question: each section is cut into passages
/// (a paragraph, or a lead-in line with its list), and a passage is scored by what it means (the
/// cosine of sentence vectors, when an encoder is given) and by the words it shares with the question
/// (BM25, tolerant of typos). Built per question from the store's current text, so an owner's edit
/// counts at once on every instance.
public struct PolicyIndex: Sendable {
    /// A section that answers, with its passages that do, best first.
    public struct Match: Sendable {
        public let section: PolicySection
        public let passages: [String]
        public let score: Double
    }

    struct Passage {
        let section: Int
        let text: String
        let terms: [String: Int]
        let length: Int
        let vector: [Float]
    }

    /// Scores below this are not an answer. Chosen on `Scripts/policies/dev_policy_questions.jsonl`,
    /// not on the held-out questions (see README).
    public static let defaultThreshold = 0.45
    /// With an encoder a score is mostly cosine; without one, only words count and the scale differs.
    public static let lexicalThreshold = 0.30

    public let sections: [PolicySection]
    let passages: [Passage]
    let titleVectors: [[Float]]
    let documentFrequency: [String: Int]
    let averageLength: Double
    let encoder: StaticEncoder?
    /// The mean vector of shoppers' policy questions in general. Mean-pooled static vectors share a large
    /// common part (any two English sentences score a cosine near 0.5), so vectors are compared with it
    /// taken away.
    let centre: [Float]
    public let threshold: Double
    /// Per section, the subject (`PolicyTopics`) its text is closest to, when an encoder is given.
    let sectionTopics: [Int?]
    /// Per subject, its questions' vectors.
    let topicQuestions: [[[Float]]]
    let topicCentre: [Float]
    /// Every word of the policies and of `PolicyTopics`, for mending typos before a question is embedded
    /// (the encoder reads "trak" and "pakage" as unrelated word pieces).
    let spelling: Set<String>

    public init(sections: [PolicySection], encoder: StaticEncoder?, threshold: Double? = nil) {
        self.sections = sections
        self.encoder = encoder
        self.threshold = threshold ?? (encoder == nil ? Self.lexicalThreshold : Self.defaultThreshold)
        var passages: [Passage] = []
        var raw: [[Float]] = []
        for (index, section) in sections.enumerated() {
            let titleTerms = PolicyText.terms(section.title)
            for text in PolicyText.passages(section.body) {
                var counts: [String: Int] = [:]
                let terms = PolicyText.terms(text) + titleTerms
                for term in terms { counts[term, default: 0] += 1 }
                raw.append(encoder?.embed(section.title + ". " + text) ?? [])
                passages.append(Passage(section: index, text: text, terms: counts, length: terms.count, vector: []))
            }
        }
        var spelling = Set(sections.flatMap { PolicyText.words($0.title + " " + $0.body) })
        for topic in PolicyTopics.all { spelling.formUnion(PolicyText.words(topic.words + " " + topic.questions.joined(separator: " "))) }
        self.spelling = spelling
        // The centre comes from the generic questions, not from this shop's text: a shop with two short
        // sections would otherwise have its two vectors centred into opposites.
        let generic = encoder.map { encoder in PolicyTopics.all.flatMap { $0.questions.map(encoder.embed) } } ?? []
        let centre = Self.mean(generic)
        self.centre = centre
        passages = zip(passages, raw).map { passage, vector in
            Passage(section: passage.section, text: passage.text, terms: passage.terms, length: passage.length, vector: Self.centred(vector, centre))
        }
        var frequency: [String: Int] = [:]
        for passage in passages { for term in passage.terms.keys { frequency[term, default: 0] += 1 } }
        self.passages = passages
        self.documentFrequency = frequency
        self.averageLength = passages.isEmpty ? 1 : Double(passages.map(\.length).reduce(0, +)) / Double(passages.count)
        self.titleVectors = sections.map { Self.centred(encoder?.embed($0.title) ?? [], centre) }
        if let encoder {
            self.topicCentre = centre
            self.topicQuestions = PolicyTopics.all.map { $0.questions.map { Self.centred(encoder.embed($0), centre) } }
            let topicWords = PolicyTopics.all.map { (Set(PolicyText.terms($0.words)), Self.centred(encoder.embed($0.words), centre)) }
            self.sectionTopics = sections.map { section in
                let title = Set(PolicyText.terms(section.title))
                let vector = Self.centred(encoder.embed(section.title + ". " + section.body), centre)
                let affinities = topicWords.map { words, topic in
                    Self.dot(vector, topic) + (title.isDisjoint(with: words) ? 0 : 0.5)
                }
                return affinities.indices.max { affinities[$0] < affinities[$1] }
            }
        } else {
            self.topicCentre = []
            self.topicQuestions = []
            self.sectionTopics = sections.map { _ in nil }
        }
    }

    static func mean(_ vectors: [[Float]]) -> [Float] {
        guard let first = vectors.first, !first.isEmpty else { return [] }
        var sum = [Float](repeating: 0, count: first.count)
        for vector in vectors where vector.count == sum.count {
            for index in sum.indices { sum[index] += vector[index] }
        }
        let scale = 1 / Float(vectors.count)
        return sum.map { $0 * scale }
    }

    /// `vector` less `centre`, scaled to unit length.
    static func centred(_ vector: [Float], _ centre: [Float]) -> [Float] {
        guard vector.count == centre.count, !vector.isEmpty else { return vector }
        let difference = zip(vector, centre).map { $0 - $1 }
        let norm = difference.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? difference.map { $0 / norm } : difference
    }

    /// The sections that answer `question`, best first, each above the threshold.
    public func search(_ question: String, limit: Int = 3) -> [Match] {
        guard !passages.isEmpty else { return [] }
        let question = corrected(question)
        let queryTerms = matchedTerms(PolicyText.terms(question))
        let queryVector = Self.centred(encoder?.embed(question) ?? [], centre)
        let lexical = passages.map { bm25($0, queryTerms) }
        let topicVector = Self.centred(encoder?.embed(question) ?? [], topicCentre)
        let topicScores = topicQuestions.map { questions in
            let best = questions.map { Self.dot(topicVector, $0) }.sorted(by: >).prefix(2)
            return best.reduce(0, +) / Double(max(1, best.count))
        }
        let scores: [Double] = passages.indices.map { index in
            let words = 0.5 * lexical[index] / (lexical[index] + 4) + 0.5 * coverage(passages[index], queryTerms)
            guard encoder != nil else { return words }
            let passage = passages[index]
            let meaning = Self.dot(queryVector, passage.vector)
            let title = Self.dot(queryVector, titleVectors[passage.section])
            let topic = sectionTopics[passage.section].map { max(0, topicScores[$0]) } ?? 0
            return 0.55 * meaning + 0.2 * title + 0.45 * words + Self.topicWeight * topic
        }
        var bySection: [Int: [(Int, Double)]] = [:]
        for (index, score) in scores.enumerated() { bySection[passages[index].section, default: []].append((index, score)) }
        let ranked = bySection.map { section, scored in (section, scored.sorted { $0.1 > $1.1 }) }
            .sorted { $0.1[0].1 > $1.1[0].1 }
        let asked = Set(queryTerms).subtracting(["policy", "rule", "term", "condition"])
        return ranked.prefix(limit).compactMap { section, scored in
            let best = scored[0].1
            guard best >= threshold else { return nil }
            // A second passage of the same section joins when it answers nearly as well.
            var chosen = scored.prefix(2).filter { $0.1 >= best * 0.9 }.map(\.0)
            // "What's your returns policy?" names only the section: its opening passage answers first.
            if asked.isSubset(of: PolicyText.terms(sections[section].title)), let opening = scored.map(\.0).min() {
                chosen = [opening] + chosen.filter { $0 != opening }.prefix(1)
            }
            return Match(section: sections[section], passages: chosen.map { passages[$0].text }, score: best)
        }
    }

    /// The sections to answer `question` with: the best for the whole of it, then, for a question in
    /// several parts ("how long does delivery take and can I pay with paypal?"), the best for a part
    /// that the first does not cover. At most two, so that an answer stays readable.
    public func answering(_ question: String) -> [Match] {
        guard let first = search(question, limit: 1).first else { return [] }
        var chosen = [first]
        for clause in PolicyText.clauses(question) where chosen.count < 2 {
            guard let best = search(clause, limit: 1).first, best.score >= threshold + 0.05,
                  !chosen.contains(where: { $0.section.slug == best.section.slug })
            else { continue }
            chosen.append(best)
        }
        return chosen
    }

    /// `question` with each word of 4 letters or more that the policies don't use replaced by the
    /// closest one they do, within the typo allowance for its length.
    func corrected(_ question: String) -> String {
        PolicyText.words(question).map { word in
            guard !spelling.contains(word), word.allSatisfy(\.isLetter) else { return word }
            return Self.nearest(word, in: spelling) ?? word
        }.joined(separator: " ")
    }

    /// The question's terms, each typo mapped to the policy word it most likely meant.
    private func matchedTerms(_ terms: [String]) -> [String] {
        terms.map { term in
            documentFrequency[term] != nil ? term : Self.nearest(term, in: documentFrequency.keys) ?? term
        }
    }

    /// The candidate closest to `word` within the typo allowance for its length (ties: the first in
    /// alphabetical order), or nil.
    static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let allowance = EditDistance.allowance(forLength: word.count)
        guard allowance > 0 else { return nil }
        let bytes = Array(word.utf8)
        var best: (String, Int)?
        for candidate in candidates where abs(candidate.count - word.count) <= allowance {
            if let distance = EditDistance.distance(bytes, Array(candidate.utf8), limit: allowance),
               best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// The share of the question's terms that the passage has.
    private func coverage(_ passage: Passage, _ terms: [String]) -> Double {
        let asked = Set(terms)
        guard !asked.isEmpty else { return 0 }
        return Double(asked.filter { passage.terms[$0] != nil }.count) / Double(asked.count)
    }

    private func bm25(_ passage: Passage, _ terms: [String]) -> Double {
        let count = Double(passages.count)
        var score = 0.0
        for term in Set(terms) {
            guard let frequency = passage.terms[term], let documents = documentFrequency[term] else { continue }
            let idf = log(1 + (count - Double(documents) + 0.5) / (Double(documents) + 0.5))
            let tf = Double(frequency)
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(passage.length) / averageLength))
        }
        return score
    }

    static let topicWeight = 0.35

    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot: Float = 0
        for index in a.indices { dot += a[index] * b[index] }
        return Double(dot)
    }
}

/// How policy text is cut and compared.
enum PolicyText {
    /// Paragraphs; a line ending in ":" keeps the list after it. Markdown emphasis is dropped.
    static func passages(_ body: String) -> [String] {
        let cleaned = body.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        var blocks: [String] = []
        var current: [String] = []
        func close() {
            if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
            current = []
        }
        for raw in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { close(); continue }
            if line.hasPrefix("#") {
                close()
                current = [line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)]
                continue
            }
            current.append(line)
        }
        close()
        var merged: [String] = []
        for block in blocks {
            let isList = block.hasPrefix("- ") || block.hasPrefix("* ") || block.first?.isNumber == true
            if isList, let last = merged.last, last.hasSuffix(":") {
                merged[merged.count - 1] = last + "\n" + block
            } else {
                merged.append(block)
            }
        }
        return merged.filter { !$0.hasSuffix(":") || $0.contains("\n") }
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "is", "are", "was", "be", "been",
        "do", "does", "did", "can", "could", "would", "will", "shall", "should", "to", "of", "in", "on", "at", "for", "with",
        "and", "or", "if", "so", "what", "how", "when", "which", "who", "this", "that", "there", "any", "have", "has", "had",
        "get", "from", "by", "about", "just", "please", "hi", "hello", "hey", "thanks", "am", "im", "u", "ur", "not", "no",
        "all", "some", "up", "out", "as", "than", "then", "them", "they", "their", "yes", "ok", "okay", "theres", "its",
        "whats", "hows", "wheres", "whens", "whos", "thats", "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent",
        "ive", "youre", "id", "ill", "guys",
    ]

    /// The parts of a question in several ("… and …", "…? …"), each with at least two words that count;
    /// empty for a question in one part.
    static func clauses(_ question: String) -> [String] {
        var parts = [question.lowercased()]
        for separator in ["?", ";", " and ", " also ", " plus "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        let counted = parts.filter { terms($0).count >= 2 }
        return counted.count >= 2 ? counted : []
    }

    /// A passage on one line, for quoting inside a sentence: a list's items joined with semicolons.
    static func inline(_ passage: String) -> String {
        let lines = passage.split(separator: "\n").map { line -> String in
            var text = String(line)
            for bullet in ["- ", "* "] where text.hasPrefix(bullet) { text.removeFirst(2) }
            return text
        }
        guard let first = lines.first else { return passage }
        let rest = lines.dropFirst()
        if rest.isEmpty { return first }
        let joiner = first.hasSuffix(":") ? " " : "; "
        return first + joiner + rest.joined(separator: "; ") + (rest.last?.hasSuffix(".") == true ? "" : ".")
    }

    /// Lowercased words, apostrophes kept ("don't").
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || (scalar == "'" && !word.isEmpty) {
                word.unicodeScalars.append(scalar)
            } else {
                if !word.isEmpty { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Lowercased words without stop words, each reduced to a rough stem ("returns", "returned" → "return").
    static func terms(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar != "'" {
                if !word.isEmpty { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.filter { !stopWords.contains($0) }.map(stem)
    }

    static func stem(_ word: String) -> String {
        guard word.count > 4, !word.hasSuffix("ss") else { return word }
        var base = word
        for (suffix, replacement) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] where word.hasSuffix(suffix) {
            let candidate = String(word.dropLast(suffix.count)) + replacement
            if candidate.count >= 3 { base = candidate }
            break
        }
        // "shipping" and "ship", "charged" and "charge" meet at "ship" and "charg".
        if base.hasSuffix("e"), base.count > 4 { base.removeLast() }
        let tail = Array(base.suffix(2))
        if base.count >= 4, tail.count == 2, tail[0] == tail[1], !"lsz".contains(tail[0]), !"aeiou".contains(tail[0]) { base.removeLast() }
        return base
    }
}
