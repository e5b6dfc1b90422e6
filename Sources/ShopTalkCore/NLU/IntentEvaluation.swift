import Foundation

/// How well a classifier labels a set of messages: accuracy, per-intent precision, recall and F1, and
/// the most frequent confusions.
public struct IntentEvaluation: Sendable {
    public struct PerIntent: Sendable {
        public var intent: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public struct Confusion: Sendable {
        public var expected: String
        public var predicted: String
        public var count: Int
        public var example: String
    }

    public var total = 0
    public var correct = 0
    /// Every message scored: its label, the prediction and the text.
    public var predictions: [(expected: String, predicted: String, text: String)] = []
    public var perIntent: [PerIntent] = []
    public var confusions: [Confusion] = []

    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Scores `predictions` (expected, predicted, text) into an evaluation.
    public init(_ predictions: [(expected: String, predicted: String, text: String)]) {
        self.predictions = predictions
        total = predictions.count
        correct = predictions.filter { $0.expected == $0.predicted }.count
        let intents = Set(predictions.map(\.expected)).union(predictions.map(\.predicted)).sorted()
        perIntent = intents.map { intent in
            let truePositives = predictions.filter { $0.expected == intent && $0.predicted == intent }.count
            let predicted = predictions.filter { $0.predicted == intent }.count
            let actual = predictions.filter { $0.expected == intent }.count
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = actual == 0 ? 0 : Double(truePositives) / Double(actual)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return PerIntent(intent: intent, precision: precision, recall: recall, f1: f1, support: actual)
        }
        var pairs: [String: Confusion] = [:]
        for prediction in predictions where prediction.expected != prediction.predicted {
            let key = prediction.expected + "→" + prediction.predicted
            pairs[key, default: Confusion(expected: prediction.expected, predicted: prediction.predicted, count: 0, example: prediction.text)].count += 1
        }
        confusions = pairs.values.sorted { ($0.count, $1.expected) > ($1.count, $0.expected) }
    }

    /// A printable report.
    public func report(confusionLimit: Int = 10) -> String {
        var lines = [String(format: "accuracy %.1f%% (%d of %d)", accuracy * 100, correct, total), ""]
        lines.append("intent".padding(toLength: 24, withPad: " ", startingAt: 0) + "precision  recall     f1  support")
        for row in perIntent {
            lines.append(row.intent.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "%9.3f %7.3f %6.3f %8d", row.precision, row.recall, row.f1, row.support))
        }
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most frequent confusions (expected → predicted)")
            for confusion in confusions.prefix(confusionLimit) {
                lines.append("  \(confusion.count)× \(confusion.expected) → \(confusion.predicted)   e.g. \"\(confusion.example)\"")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// In-scope messages routed to a handler that can answer them (`Intent.Name.route`), and
    /// out-of-scope messages recognised as such: what a shopper feels.
    public var routing: (inScope: Double, inScopeCount: Int, outOfScope: Double, outOfScopeCount: Int) {
        let inScope = predictions.filter { $0.expected != Intent.Name.outOfScope }
        let outOfScope = predictions.filter { $0.expected == Intent.Name.outOfScope }
        let routed = inScope.filter { Intent.Name.route($0.expected) == Intent.Name.route($0.predicted) }.count
        let recognised = outOfScope.filter { $0.predicted == Intent.Name.outOfScope }.count
        return (
            inScope.isEmpty ? 0 : Double(routed) / Double(inScope.count), inScope.count,
            outOfScope.isEmpty ? 0 : Double(recognised) / Double(outOfScope.count), outOfScope.count
        )
    }

    /// Stratified k-fold cross-validation of `train` over `data`'s examples. Generated examples are
    /// kept in folds by template, so that no template is both trained on and scored (a template's
    /// siblings would flatter the score); hand-written ones are assigned round-robin within each intent.
    /// The result is deterministic.
    public static func crossValidate(
        _ data: NLUTrainingData, folds: Int,
        train: (NLUTrainingData) -> any IntentClassifying,
        entities: (String) -> [Entity]
    ) -> IntentEvaluation {
        var fold: [Int] = []
        var seen: [String: Int] = [:]
        var templateFold: [String: Int] = [:]
        for example in data.examples {
            if let template = example.template {
                if templateFold[template] == nil {
                    templateFold[template] = seen["template:" + example.intent, default: 0] % folds
                    seen["template:" + example.intent, default: 0] += 1
                }
                fold.append(templateFold[template] ?? 0)
                continue
            }
            fold.append(seen[example.intent, default: 0] % folds)
            seen[example.intent, default: 0] += 1
        }
        var predictions: [(expected: String, predicted: String, text: String)] = []
        for current in 0..<folds {
            var training = data
            training.examples = data.examples.enumerated().filter { fold[$0.offset] != current }.map(\.element)
            let classifier = train(training)
            for (index, example) in data.examples.enumerated() where fold[index] == current {
                let intent = classifier.classify(example.text, entities: entities(example.text))
                predictions.append((example.intent, intent.name, example.text))
            }
        }
        return IntentEvaluation(predictions)
    }
}
