import Foundation

/// How well policy questions find their section: each labelled question (a section's slug, or none
/// for a question the policies do not answer) against what `PolicyIndex` returns.
public struct PolicyEvaluation: Sendable {
    public struct Question: Sendable, Hashable {
        public let text: String
        /// The slug of the section that answers it; nil when none does.
        public let section: String?

        public init(text: String, section: String?) {
            self.text = text
            self.section = section
        }
    }

    public struct Outcome: Sendable {
        public let question: Question
        /// The slugs returned, best first.
        public let found: [String]
        /// Their scores.
        public let scores: [Double]
    }

    public let outcomes: [Outcome]

    public init(questions: [Question], index: PolicyIndex) {
        outcomes = questions.map { question in
            let matches = index.search(question.text)
            return Outcome(question: question, found: matches.map(\.section.slug), scores: matches.map(\.score))
        }
    }

    private var answerable: [Outcome] { outcomes.filter { $0.question.section != nil } }
    private var unanswerable: [Outcome] { outcomes.filter { $0.question.section == nil } }

    /// Answerable questions whose first section is the right one.
    public var topOne: Double { share(answerable) { $0.found.first == $0.question.section } }
    /// Answerable questions with the right section among the first three.
    public var topThree: Double { share(answerable) { $0.found.contains($0.question.section ?? "") } }
    /// Answerable questions answered from a wrong section (worse than no answer: a person is not offered).
    public var wrongAnswers: Double { share(answerable) { !$0.found.isEmpty && $0.found.first != $0.question.section } }
    /// Questions the policies do not answer that got no answer, so a person was offered.
    public var declined: Double { share(unanswerable) { $0.found.isEmpty } }
    public var answerableCount: Int { answerable.count }
    public var unanswerableCount: Int { unanswerable.count }

    private func share(_ outcomes: [Outcome], _ passes: (Outcome) -> Bool) -> Double {
        outcomes.isEmpty ? 0 : Double(outcomes.filter(passes).count) / Double(outcomes.count)
    }

    /// The figures, then every miss with what was found instead.
    public func report() -> String {
        var lines = [
            String(format: "policy retrieval: %.1f%% right section first, %.1f%% in the first three (%d answerable questions)",
                   topOne * 100, topThree * 100, answerableCount),
            String(format: "answered from a wrong section: %.1f%% · unanswerable questions declined (a person offered): %.1f%% of %d",
                   wrongAnswers * 100, declined * 100, unanswerableCount),
        ]
        let misses = outcomes.filter { $0.found.first != $0.question.section }
        if !misses.isEmpty { lines.append("\nmisses (expected → found):") }
        for miss in misses {
            let scores = zip(miss.found, miss.scores).map { String(format: "%@ %.2f", $0, $1) }.joined(separator: ", ")
            lines.append("  \(miss.question.section ?? "none") → \(miss.found.first ?? "none")  \(miss.question.text)  [\(scores)]")
        }
        return lines.joined(separator: "\n")
    }

    /// Reads JSONL lines {"text": …, "section": slug or null}; a bad line throws with its number.
    public static func read(_ text: String, file: String) throws -> [Question] {
        var questions: [Question] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)), let question = value["text"]?.stringValue else {
                throw PolicyEvaluationError(description: "\(file):\(number + 1): expected {\"text\": …, \"section\": slug or null}")
            }
            questions.append(Question(text: question, section: value["section"]?.stringValue))
        }
        return questions
    }
}

/// A labelled question file that cannot be read.
public struct PolicyEvaluationError: Error, CustomStringConvertible {
    public let description: String
}
