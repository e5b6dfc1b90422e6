import Foundation
import ShopTalkNumerics

/// A trained multinomial logistic-regression intent model over TF-IDF weighted hashed features and,
/// when an encoder is given, the message's sentence vector next to them (features `dimension…`).
public struct IntentModel: Sendable {
    /// An intent and its probability.
    public struct Score: Sendable, Hashable {
        public var intent: String
        public var probability: Double
    }

    public let labels: [String]
    /// Inverse document frequency per feature bucket.
    let idf: [Float]
    /// Weights laid out by feature, then label: `weights[feature * labels.count + label]`.
    let weights: [Float]
    let bias: [Float]
    let features = IntentFeatures()
    /// Sentence vectors of the raw message, or nil for the n-gram model alone.
    public let encoder: StaticEncoder?
    /// The weight of the sentence vector against the (unit-length) n-gram vector.
    let denseScale: Float

    init(labels: [String], idf: [Float], weights: [Float], bias: [Float], encoder: StaticEncoder? = nil, denseScale: Float = 1) {
        self.labels = labels
        self.idf = idf
        self.weights = weights
        self.bias = bias
        self.encoder = encoder
        self.denseScale = denseScale
    }

    /// Features in all: the hashed buckets, then the sentence vector's dimensions.
    var featureCount: Int { IntentFeatures.dimension + (encoder?.dimensions ?? 0) }

    /// Probabilities of every intent for `text` (delexicalised, for the n-grams) and `raw` (as typed,
    /// for the sentence vector), highest first.
    public func scores(_ text: String, raw: String? = nil, entityTypes: [String] = []) -> [Score] {
        var logits = logits(vector(text, raw: raw ?? text, entityTypes: entityTypes))
        Self.softmax(&logits)
        return zip(labels, logits).map { Score(intent: $0, probability: Double($1)) }
            .sorted { $0.probability > $1.probability || ($0.probability == $1.probability && $0.intent < $1.intent) }
    }

    /// The model's input for a message: weighted n-gram counts, then the scaled sentence vector.
    func vector(_ text: String, raw: String, entityTypes: [String]) -> IntentFeatures.Vector {
        vector(counts: features.counts(text, entityTypes: entityTypes), raw: raw)
    }

    func vector(counts: IntentFeatures.Vector, raw: String) -> IntentFeatures.Vector {
        var vector = weighted(counts)
        guard let encoder else { return vector }
        let base = Int32(IntentFeatures.dimension)
        for (index, value) in encoder.embed(raw).enumerated() where value != 0 {
            vector.indices.append(base + Int32(index))
            vector.values.append(value * denseScale)
        }
        return vector
    }

    /// Sublinear TF × IDF, L2-normalised.
    func weighted(_ counts: IntentFeatures.Vector) -> IntentFeatures.Vector {
        var vector = counts
        var norm: Float = 0
        for position in vector.values.indices {
            let value = (1 + log(vector.values[position])) * idf[Int(vector.indices[position])]
            vector.values[position] = value
            norm += value * value
        }
        if norm > 0 {
            let scale = 1 / norm.squareRoot()
            for position in vector.values.indices { vector.values[position] *= scale }
        }
        return vector
    }

    func logits(_ vector: IntentFeatures.Vector) -> [Float] {
        SoftmaxKernels.logits(weights: weights, bias: bias, indices: vector.indices, values: vector.values)
    }

    static func softmax(_ values: inout [Float]) {
        SoftmaxKernels.softmax(&values)
    }
}
