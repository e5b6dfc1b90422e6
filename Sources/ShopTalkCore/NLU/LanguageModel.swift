import Foundation

/// The trained understanding of messages: the entity extractor and the intent classifier, built from an
/// NLU training folder at start-up.
public struct LanguageModel: Sendable {
    public let extractor: EntityExtractor
    public let classifier: TrainedIntentClassifier
    /// Number of intent examples trained on.
    public let exampleCount: Int
    /// How long training (or loading the cached model) took.
    public let trainingTime: Duration
    /// Where the model came from when a cache was given: loaded, or trained and stored (nil without one).
    public var cacheOutcome: String?

    /// Reads `directory` (Rasa NLU YAML) and trains. A malformed file throws an `NLUDataError` naming
    /// the file, the line and the reason.
    /// With `cache`, a model trained before on the same data is loaded instead (see `IntentModelCache`).
    public static func train(directory: String, threshold: Double = 0.35, margin: Double = 0.05, cache: IntentModelCache? = nil) throws -> LanguageModel {
        let data = try RasaNLUReader.load(directory: directory)
        return train(data, threshold: threshold, margin: margin, cache: cache)
    }

    public static func train(_ data: NLUTrainingData, threshold: Double = 0.35, margin: Double = 0.05, cache: IntentModelCache? = nil) -> LanguageModel {
        let started = ContinuousClock.now
        let extractor = EntityExtractor(data: data)
        let trained = TrainedIntentClassifier.trainReporting(data, extractor: extractor, threshold: threshold, margin: margin, cache: cache)
        return LanguageModel(
            extractor: extractor, classifier: trained.classifier, exampleCount: data.examples.count,
            trainingTime: ContinuousClock.now - started, cacheOutcome: trained.cache
        )
    }
}
