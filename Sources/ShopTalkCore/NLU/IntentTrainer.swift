import Foundation
import ShopTalkNumerics

/// Trains an `IntentModel`: multinomial logistic regression with L2 regularisation, fitted by stochastic
/// gradient descent with a decaying step over shuffled epochs. The shuffle uses a fixed seed, so the
/// same data always gives the same model.
public struct IntentTrainer: Sendable {
    public var epochs = 40
    public var learningRate: Float = 2.0
    public var l2: Float = 2e-4
    public var seed: UInt64 = 42
    /// Weight of the sentence vector against the unit-length n-gram vector.
    public var denseScale: Float = 2
    /// Taken off the out-of-scope bias after training: the biggest class otherwise claims every
    /// message unlike the training data, even shopping ones.
    public var outOfScopeOffset: Float = -0.3

    public init() {}

    /// One training message: its text, the entity types in it, and its intent.
    public struct Sample: Sendable {
        public var text: String
        public var entityTypes: [String]
        public var intent: String
        /// The text as typed, for the sentence vector (the delexicalised `text` feeds the n-grams).
        public var raw: String

        public init(text: String, raw: String? = nil, entityTypes: [String], intent: String) {
            self.raw = raw ?? text
            self.text = text
            self.entityTypes = entityTypes
            self.intent = intent
        }
    }

    public func train(_ samples: [Sample], encoder: StaticEncoder? = nil) -> IntentModel {
        var labels: [String] = []
        var labelIndex: [String: Int] = [:]
        for sample in samples where labelIndex[sample.intent] == nil {
            labelIndex[sample.intent] = labels.count
            labels.append(sample.intent)
        }
        let dimension = IntentFeatures.dimension
        let features = IntentFeatures()
        let counts = samples.map { features.counts($0.text, entityTypes: $0.entityTypes) }

        // Smoothed IDF, as scikit-learn computes it.
        var documentFrequency = [Float](repeating: 0, count: dimension)
        for vector in counts {
            for index in vector.indices { documentFrequency[Int(index)] += 1 }
        }
        let documents = Float(samples.count)
        let idf = documentFrequency.map { log((1 + documents) / (1 + $0)) + 1 }

        let classes = labels.count
        var model = IntentModel(
            labels: labels, idf: idf, weights: [], bias: [Float](repeating: 0, count: classes), encoder: encoder, denseScale: denseScale
        )
        let vectors = zip(counts, samples).map { model.vector(counts: $0, raw: $1.raw) }
        model = IntentModel(
            labels: labels, idf: idf, weights: [Float](repeating: 0, count: model.featureCount * classes),
            bias: model.bias, encoder: encoder, denseScale: denseScale
        )
        let targets = samples.map { labelIndex[$0.intent] ?? 0 }
        var weights = model.weights
        var bias = model.bias
        var order = Array(samples.indices)
        var random = SeededGenerator(seed: seed)
        var step: Float = 0
        let steps = Float(max(1, epochs * samples.count))
        for _ in 0..<epochs {
            order.shuffle(using: &random)
            for sampleIndex in order {
                let rate = learningRate / (1 + 4 * step / steps)
                step += 1
                let vector = vectors[sampleIndex]
                SoftmaxKernels.step(
                    weights: &weights, bias: &bias, indices: vector.indices, values: vector.values, target: targets[sampleIndex],
                    rate: rate, biasRate: rate * 0.1, shrink: 1 - rate * l2
                )
            }
        }
        if let outOfScope = labelIndex[Intent.Name.outOfScope] { bias[outOfScope] -= outOfScopeOffset }
        model = IntentModel(labels: labels, idf: idf, weights: weights, bias: bias, encoder: encoder, denseScale: denseScale)
        return model
    }
}
