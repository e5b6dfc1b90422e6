import Foundation

/// Limits failed order lookups so that order numbers cannot be guessed: after `maxFailures` failures
/// within `window` by one session or from one client address, further lookups from either are refused
/// for `lockout`.
public actor LookupGuard {
    let maxFailures: Int
    let window: TimeInterval
    let lockout: TimeInterval
    let clock: ShopClock
    private var failures: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]

    public init(maxFailures: Int = 5, window: TimeInterval = 600, lockout: TimeInterval = 600, clock: ShopClock) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
        self.clock = clock
    }

    /// Throws a `ChatRefusal` while any of `keys` is locked out.
    public func check(_ keys: [String]) throws {
        let now = clock.now()
        for key in keys {
            if let until = lockedUntil[key], until > now {
                let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
                throw ChatRefusal("Too many order lookups failed. For your security, please try again in \(minutes) minute\(minutes == 1 ? "" : "s").")
            }
        }
    }

    /// Records a failed lookup for every key.
    public func recordFailure(_ keys: [String]) {
        let now = clock.now()
        for key in keys {
            var recent = failures[key, default: []].filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[key] = recent
            if recent.count >= maxFailures {
                lockedUntil[key] = now.addingTimeInterval(lockout)
                failures[key] = []
            }
        }
        if failures.count > 50_000 { failures = failures.filter { !$0.value.isEmpty } }
    }
}
