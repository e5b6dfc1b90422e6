import Foundation

/// A trained multinomial logistic-regression intent model over TF-IDF weighted hashed features.
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

    /// Probabilities of every intent for `text`, highest first.
    public func scores(_ text: String, entityTypes: [String] = []) -> [Score] {
        let vector = weighted(features.counts(text, entityTypes: entityTypes))
        var logits = logits(vector)
        Self.softmax(&logits)
        return zip(labels, logits).map { Score(intent: $0, probability: Double($1)) }
            .sorted { $0.probability > $1.probability || ($0.probability == $1.probability && $0.intent < $1.intent) }
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
        let count = labels.count
        var logits = bias
        weights.withUnsafeBufferPointer { weights in
            for (index, value) in zip(vector.indices, vector.values) {
                let base = Int(index) * count
                for label in 0..<count {
                    logits[label] += weights[base + label] * value
                }
            }
        }
        return logits
    }

    static func softmax(_ values: inout [Float]) {
        let maximum = values.max() ?? 0
        var sum: Float = 0
        for index in values.indices {
            values[index] = exp(values[index] - maximum)
            sum += values[index]
        }
        for index in values.indices { values[index] /= sum }
    }
}
