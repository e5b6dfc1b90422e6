import Foundation

/// A token bucket: `rate` tokens a second, holding at most `burst`.
struct TokenBucket: Sendable {
    let rate: Double
    let burst: Double
    private var tokens: Double
    private var updated: Date

    init(rate: Double, burst: Double, now: Date) {
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.updated = now
    }

    /// Takes one token if there is one.
    mutating func take(now: Date) -> Bool {
        tokens = min(burst, tokens + now.timeIntervalSince(updated) * rate)
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Whether the bucket would be full by `now` (so forgetting it changes nothing).
    func wouldBeFull(now: Date) -> Bool {
        tokens + now.timeIntervalSince(updated) * rate >= burst
    }
}
