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
        take(cost: 1, now: now)
    }

    /// Takes `cost` tokens if there are that many (at most a full bucket is ever asked for).
    mutating func take(cost: Double, now: Date) -> Bool {
        tokens = min(burst, tokens + max(0, now.timeIntervalSince(updated)) * rate)
        updated = now
        let cost = min(cost, burst)
        guard tokens >= cost else { return false }
        tokens -= cost
        return true
    }

    /// Whether the bucket would be full by `now` (so forgetting it changes nothing).
    func wouldBeFull(now: Date) -> Bool {
        tokens + now.timeIntervalSince(updated) * rate >= burst
    }
}
