import Foundation

/// The points a return takes back: the points the order earned, in the share of the order's goods
/// that has come back. The share is counted over every return of the order so far, and each return
/// takes the difference from the ones before it, so rounding never drifts and the last item back
/// takes the whole remainder.
public enum ReturnPoints {
    /// One line of an order: its name, quantity and unit price.
    public struct Goods: Sendable, Equatable {
        public let name: String
        public let quantity: Int
        public let unitCents: Int64

        public init(name: String, quantity: Int, unitCents: Int64) {
            self.name = name
            self.quantity = quantity
            self.unitCents = unitCents
        }
    }

    /// The points to take back for one return, given the quantities returned before it and the
    /// quantities returned up to and including it.
    public static func points(earned: Int, goods: [Goods], before: [String: Int], through: [String: Int]) -> Int {
        max(0, cumulative(earned: earned, goods: goods, returned: through) - cumulative(earned: earned, goods: goods, returned: before))
    }

    /// The points taken back once `returned` has come back.
    static func cumulative(earned: Int, goods: [Goods], returned: [String: Int]) -> Int {
        guard earned > 0 else { return 0 }
        var left = returned
        var total = 0.0, back = 0.0, everything = true
        for line in goods {
            let unit = Double(max(0, line.unitCents)), quantity = max(0, line.quantity)
            let came = min(quantity, max(0, left[line.name, default: 0]))
            left[line.name, default: 0] -= came
            total += unit * Double(quantity)
            back += unit * Double(came)
            if came < quantity { everything = false }
        }
        if everything { return earned }
        guard total > 0 else { return 0 }
        let share = (Double(earned) * back / total).rounded(.down)
        return min(earned, Int(exactly: share) ?? 0)
    }
}
