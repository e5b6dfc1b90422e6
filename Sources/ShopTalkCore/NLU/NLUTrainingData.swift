import Foundation

/// One labelled training message, with the entity spans its annotations marked.
public struct LabeledExample: Sendable, Hashable {
    /// An annotated span: `[black]{"entity": "color"}` or `[Samsung](brand)`.
    public struct Span: Sendable, Hashable {
        public var entity: String
        public var value: String
        public var start: Int
        public var end: Int
    }

    public var text: String
    public var intent: String
    public var spans: [Span]
    /// The generator template the example came from, when it was generated.
    public var template: String?

    public init(text: String, intent: String, spans: [Span] = [], template: String? = nil) {
        self.text = text
        self.intent = intent
        self.spans = spans
        self.template = template
    }
}

/// Everything an NLU training folder holds: intent examples, lookup tables, synonyms and regexes.
public struct NLUTrainingData: Sendable {
    public var examples: [LabeledExample] = []
    /// Lookup table name → entries, e.g. "color" → ["black", …].
    public var lookups: [String: [String]] = [:]
    /// Lowercased variant → canonical value, e.g. "telly" → "tv".
    public var synonyms: [String: String] = [:]
    /// Regex name → patterns.
    public var regexes: [String: [String]] = [:]
    /// The pretrained sentence encoder, when the folder carries one.
    public var encoder: StaticEncoder?

    public init() {}

    /// Intents in the order they first appear.
    public var intents: [String] {
        var seen = Set<String>()
        return examples.compactMap { seen.insert($0.intent).inserted ? $0.intent : nil }
    }

    mutating func merge(_ other: NLUTrainingData) {
        examples += other.examples
        lookups.merge(other.lookups) { $0 + $1 }
        synonyms.merge(other.synonyms) { current, _ in current }
        regexes.merge(other.regexes) { $0 + $1 }
        encoder = encoder ?? other.encoder
    }
}

/// A training file that cannot be used, with where and why.
public struct NLUDataError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
