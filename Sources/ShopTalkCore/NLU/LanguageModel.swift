import Foundation

/// The trained understanding of messages: the entity extractor and the intent classifier, built from an
/// NLU training folder at start-up.
public struct LanguageModel: Sendable {
    public let extractor: EntityExtractor
    public let classifier: TrainedIntentClassifier
    /// Number of intent examples trained on.
    public let exampleCount: Int
    /// How long training took.
    public let trainingTime: Duration

    /// Reads `directory` (Rasa NLU YAML) and trains. A malformed file throws an `NLUDataError` naming
    /// the file, the line and the reason.
    public static func train(directory: String, threshold: Double = 0.35, margin: Double = 0.05) throws -> LanguageModel {
        let data = try RasaNLUReader.load(directory: directory)
        return train(data, threshold: threshold, margin: margin)
    }

    public static func train(_ data: NLUTrainingData, threshold: Double = 0.35, margin: Double = 0.05) -> LanguageModel {
        let started = ContinuousClock.now
        let extractor = EntityExtractor(data: data)
        let classifier = TrainedIntentClassifier.train(data, extractor: extractor, threshold: threshold, margin: margin)
        return LanguageModel(
            extractor: extractor, classifier: classifier, exampleCount: data.examples.count,
            trainingTime: ContinuousClock.now - started
        )
    }
}
