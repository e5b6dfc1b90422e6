import Foundation

/// Revenue (or any metric) forecasts by Holt's linear exponential smoothing: a level and a trend,
/// each updated as a weighted mix of the newest value and the previous estimate. The weights α and β
/// are chosen from a grid by the smallest sum of squared one-step-ahead errors on the history. The
/// interval is ±1.96 × the standard deviation of those one-step errors × √h for h steps ahead (an
/// approximation that widens with the horizon), and is never below zero.
public enum Forecaster {
    public struct Model: Sendable, Hashable {
        public var alpha: Double
        public var beta: Double
        public var level: Double
        public var trend: Double
        /// Standard deviation of the one-step-ahead errors on the history.
        public var errorSD: Double

        /// Forecasts 1…`horizon` steps ahead: (value, low, high), never negative.
        public func forecast(_ horizon: Int) -> [(value: Double, low: Double, high: Double)] {
            (1...max(1, horizon)).map { step in
                let value = max(0, level + Double(step) * trend)
                let spread = 1.96 * errorSD * Double(step).squareRoot()
                return (value, max(0, value - spread), value + spread)
            }
        }
    }

    static let grid: [Double] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]

    /// The model fitted to `values` (oldest first); nil with fewer than 4 values.
    public static func fit(_ values: [Double]) -> Model? {
        guard values.count >= 4, values.allSatisfy(\.isFinite) else { return nil }
        var best: (sse: Double, model: Model)?
        for alpha in grid {
            for beta in grid {
                let (sse, level, trend, count) = run(values, alpha: alpha, beta: beta)
                let sd = count > 1 ? (sse / Double(count - 1)).squareRoot() : 0
                if let current = best, current.sse <= sse { continue }
                best = (sse, Model(alpha: alpha, beta: beta, level: level, trend: trend, errorSD: sd))
            }
        }
        return best?.model
    }

    /// Runs the smoothing over `values`: the sum of squared one-step errors, the final level and trend.
    static func run(_ values: [Double], alpha: Double, beta: Double) -> (Double, Double, Double, Int) {
        var level = values[0]
        var trend = values[1] - values[0]
        var sse = 0.0
        var count = 0
        for value in values.dropFirst() {
            let predicted = level + trend
            sse += (value - predicted) * (value - predicted)
            count += 1
            let previous = level
            level = alpha * value + (1 - alpha) * (level + trend)
            trend = beta * (level - previous) + (1 - beta) * trend
        }
        return (sse, level, trend, count)
    }

    /// A rolling-origin back-test: for each of the last `origins` points, fit on everything before it
    /// and forecast `horizon` steps; the mean absolute percentage error over every forecast step that
    /// has an actual value above zero, for this method and for the last value carried forward (the
    /// naive forecast). Nil when the history is too short.
    public static func backtest(_ values: [Double], origins: Int, horizon: Int) -> (mape: Double, naiveMAPE: Double, forecasts: Int)? {
        guard origins > 0, horizon > 0, values.count >= origins + 4 else { return nil }
        var errors: [Double] = []
        var naive: [Double] = []
        for origin in (values.count - origins)..<values.count {
            let history = Array(values[..<origin])
            guard let model = fit(history), let last = history.last else { continue }
            for (step, forecast) in model.forecast(horizon).enumerated() where origin + step < values.count {
                let actual = values[origin + step]
                guard actual > 0 else { continue }
                errors.append(abs(forecast.value - actual) / actual)
                naive.append(abs(last - actual) / actual)
            }
        }
        guard !errors.isEmpty else { return nil }
        return (errors.reduce(0, +) / Double(errors.count) * 100, naive.reduce(0, +) / Double(naive.count) * 100, errors.count)
    }
}
