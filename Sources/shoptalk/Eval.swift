import ArgumentParser
import Foundation
import ShopTalkCore

/// `shoptalk eval`: measures the NLU.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the NLU and policy retrieval.",
        subcommands: [EvalIntents.self, EvalPolicies.self]
    )
}

/// `shoptalk eval intents [FILE] [--cv K]`.
struct EvalIntents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intents",
        abstract: "Accuracy, per-intent precision/recall/F1 and frequent confusions of the intent classifier.",
        discussion: """
            With FILE (JSONL lines {"text": …, "intent": …} or Rasa NLU YAML), trains on the intents folder and
            scores FILE. With --cv K, cross-validates the intents folder itself in K stratified folds.
            """
    )

    @Argument(help: "Labelled messages to score (.jsonl or Rasa .yml).")
    var file: String?

    @Option(help: "Cross-validate the training folder in this many folds instead of scoring a file.")
    var cv: Int?

    @Option(help: "NLU training folder. [env: SHOPTALK_INTENTS, default: ./Intents]")
    var intents: String?

    @Flag(help: "Score the keyword baseline instead of the trained classifier.")
    var baseline = false

    @Option(help: "Confidence below which a message is out of scope.")
    var threshold: Double = 0.35

    @Option(help: "Smallest gap between the top two intents.")
    var margin: Double = 0.05

    @Option(help: "Training epochs.")
    var epochs: Int?

    @Option(help: "Taken off the out-of-scope class's bias after training.")
    var oosOffset: Float?

    @Option(help: "Write every message routed to the wrong handler to this JSONL file (expected, predicted, text).")
    var errors: String?

    @Option(help: "Weight of the sentence encoder's vector against the n-grams; 0 scores the n-gram model alone.")
    var encoderWeight: Float?

    @Option(help: "Training learning rate.")
    var learningRate: Float?

    @Option(help: "L2 regularisation.")
    var l2: Float?

    @Option(help: "Date relative periods are read against (YYYY-MM-DD). [default: today]")
    var today: String?

    func validate() throws {
        if file == nil && cv == nil { throw ValidationError("Give a FILE to score or --cv K.") }
        if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds.") }
    }

    func run() async throws {
        let directory = EnvironmentOptions.resolve(intents, "SHOPTALK_INTENTS", default: "./Intents")
        var data = try RasaNLUReader.load(directory: directory)
        if encoderWeight == 0 { data.encoder = nil }
        let extractor = EntityExtractor(data: data)
        let vocabulary = CatalogVocabulary(training: data)
        let day = try today.map { text -> Date in
            guard let date = ShopClock.parseDay(text) else { throw ValidationError("--today must look like 2011-12-10.") }
            return date
        } ?? ShopClock.system.today()
        let entities: (String) -> [Entity] = { extractor.extract($0, vocabulary: vocabulary, currency: "USD", today: day) }
        var trainer = IntentTrainer()
        if let epochs { trainer.epochs = epochs }
        if let learningRate { trainer.learningRate = learningRate }
        if let l2 { trainer.l2 = l2 }
        if let encoderWeight, encoderWeight > 0 { trainer.denseScale = encoderWeight }
        if let oosOffset { trainer.outOfScopeOffset = oosOffset }
        let settings = (trainer: trainer, threshold: threshold, margin: margin)
        let train: (NLUTrainingData) -> any IntentClassifying = { training in
            baseline ? KeywordIntentClassifier()
                : TrainedIntentClassifier.train(training, extractor: extractor, trainer: settings.trainer, threshold: settings.threshold, margin: settings.margin)
        }
        let evaluation: IntentEvaluation
        if let cv {
            print("\(cv)-fold cross-validation of \(directory) (\(data.examples.count) examples, \(data.intents.count) intents)\(baseline ? ", keyword baseline" : "")")
            evaluation = IntentEvaluation.crossValidate(data, folds: cv, train: train, entities: entities)
        } else if let file {
            let labelled = try Self.readLabelled(file)
            let started = ContinuousClock.now
            let classifier = train(data)
            print("trained on \(data.examples.count) examples in \(ContinuousClock.now - started); scoring \(labelled.count) messages from \(file)\(baseline ? " with the keyword baseline" : "")")
            evaluation = IntentEvaluation(labelled.map { example in
                (example.intent, classifier.classify(example.text, entities: entities(example.text)).name, example.text)
            })
        } else {
            return
        }
        print(evaluation.report())
        if let errors {
            let lines = evaluation.predictions.filter { Intent.Name.route($0.expected) != Intent.Name.route($0.predicted) }.map { prediction in
                FrameLine.json(["expected": prediction.expected, "predicted": prediction.predicted, "text": prediction.text])
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: errors, atomically: true, encoding: .utf8)
            print("wrote \(lines.count) misrouted messages to \(errors)")
        }
        let routing = evaluation.routing
        print(String(format: "\nrouted to a handler that can answer: %.1f%% of %d in-scope messages · out of scope recognised: %.1f%% of %d",
                     routing.inScope * 100, routing.inScopeCount, routing.outOfScope * 100, routing.outOfScopeCount))
        print("(exact intent: \(String(format: "%.1f%%", evaluation.accuracy * 100)); sentence encoder: \(data.encoder.map { "MiniLM static, \($0.dimensions) dimensions" } ?? "none"))")
    }

    /// Reads JSONL ({"text","intent"} per line) or Rasa YAML.
    static func readLabelled(_ path: String) throws -> [LabeledExample] {
        if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            return try RasaNLUReader.load(file: path).examples
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("Cannot read \(path).")
        }
        var examples: [LabeledExample] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)),
                  let message = value["text"]?.stringValue, let intent = value["intent"]?.stringValue
            else {
                throw ValidationError("\(path):\(number + 1): expected {\"text\": …, \"intent\": …}")
            }
            examples.append(LabeledExample(text: message, intent: intent))
        }
        return examples
    }
}

/// One JSON object on one line, keys sorted.
enum FrameLine {
    static func json(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
