/// Conversions from numbers that came from outside (a message, a JSON body, a CSV cell, a model's
/// answer) that never trap: `Int(someDouble)` traps on NaN, infinity and anything past ±9.2e18, and a
/// single such value would otherwise take the whole server down.
extension Int {
    /// The nearest whole number to `value`, or nil when it is not finite or does not fit in an `Int`.
    public init?(rounding value: Double) {
        guard value.isFinite, let exact = Int(exactly: value.rounded()) else { return nil }
        self = exact
    }

    /// `value` when it is a whole number within `range`, else nil.
    public init?(whole value: Double, in range: ClosedRange<Int>) {
        guard value.isFinite, value == value.rounded(),
              value >= Double(range.lowerBound), value <= Double(range.upperBound),
              let exact = Int(exactly: value), range.contains(exact) else { return nil }
        self = exact
    }

    /// `value` scaled by `factor` and rounded (credits to millicredits, prices to milli-units), or nil
    /// when the result is not finite, does not fit, or `value` lies outside `range`.
    public init?(scaling value: Double, by factor: Double, within range: ClosedRange<Double>) {
        guard value.isFinite, range.contains(value) else { return nil }
        self.init(rounding: value * factor)
    }

    /// A count for display from a number that may be anything (a frame from a server, a model's usage
    /// report): the nearest whole number, 0 when there is none.
    public static func displayCount(_ value: Double?) -> Int {
        value.flatMap { Int(rounding: $0) } ?? 0
    }
}

extension Int64 {
    /// The nearest whole number to `value`, or nil when it is not finite or does not fit in an `Int64`.
    public init?(rounding value: Double) {
        guard value.isFinite, let exact = Int64(exactly: value.rounded()) else { return nil }
        self = exact
    }
}
