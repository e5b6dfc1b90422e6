import Foundation

/// The inner loops of the intent model: scoring and one gradient step of multinomial logistic
/// regression over a sparse vector, and the average of int8 token rows. They live in a target of their
/// own that is compiled optimised in every build (see Package.swift): unoptimised, training at start-up
/// took minutes in a debug build, where tests and CI run the server.
public enum SoftmaxKernels {
    /// `bias + Wᵀx` for the sparse `x`, with weights laid out feature-major (`weights[feature * classes + label]`).
    public static func logits(weights: [Float], bias: [Float], indices: [Int32], values: [Float]) -> [Float] {
        let classes = bias.count
        var logits = bias
        weights.withUnsafeBufferPointer { weights in
            logits.withUnsafeMutableBufferPointer { logits in
                for (index, value) in zip(indices, values) {
                    let base = Int(index) * classes
                    guard base >= 0, base + classes <= weights.count else { continue }
                    for label in 0..<classes { logits[label] += weights[base + label] * value }
                }
            }
        }
        return logits
    }

    /// Softmax in place, stable for large logits.
    public static func softmax(_ values: inout [Float]) {
        let maximum = values.max() ?? 0
        var sum: Float = 0
        for index in values.indices {
            values[index] = exp(values[index] - maximum)
            sum += values[index]
        }
        guard sum > 0 else { return }
        for index in values.indices { values[index] /= sum }
    }

    /// One stochastic gradient step on one sample: cross-entropy towards `target`, L2 shrink of the
    /// weights touched.
    public static func step(
        weights: inout [Float], bias: inout [Float], indices: [Int32], values: [Float], target: Int,
        rate: Float, biasRate: Float, shrink: Float
    ) {
        let classes = bias.count
        var gradient = logits(weights: weights, bias: bias, indices: indices, values: values)
        softmax(&gradient)
        if target >= 0 && target < classes { gradient[target] -= 1 }
        for label in 0..<classes { bias[label] -= biasRate * gradient[label] }
        weights.withUnsafeMutableBufferPointer { weights in
            gradient.withUnsafeBufferPointer { gradient in
                for (index, value) in zip(indices, values) {
                    let base = Int(index) * classes
                    guard base >= 0, base + classes <= weights.count else { continue }
                    for label in 0..<classes {
                        weights[base + label] = weights[base + label] * shrink - rate * gradient[label] * value
                    }
                }
            }
        }
    }

    /// The sum of int8 rows `rows` (each `dimensions` long, row r scaled by `scales[r]`); rows out of
    /// range are skipped. Returns the sum and how many rows went into it.
    public static func sumRows(values: [Int8], scales: [Float], rows: [Int32], dimensions: Int) -> (sum: [Float], count: Int) {
        var sum = [Float](repeating: 0, count: dimensions)
        var used = 0
        values.withUnsafeBufferPointer { values in
            sum.withUnsafeMutableBufferPointer { sum in
                for id in rows {
                    let row = Int(id)
                    guard row >= 0, row < scales.count, (row + 1) * dimensions <= values.count else { continue }
                    let scale = scales[row]
                    let base = row * dimensions
                    for index in 0..<dimensions { sum[index] += Float(values[base + index]) * scale }
                    used += 1
                }
            }
        }
        return (sum, used)
    }
}
