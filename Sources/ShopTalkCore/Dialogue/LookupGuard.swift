import Foundation

/// Where `LookupGuard` keeps its failures and lockouts so that a restart does not forgive them.
public protocol LookupAttemptStore: Sendable {
    /// Every key with recent failures or a lockout.
    func loadAttempts() async throws -> [String: LookupAttempts]
    /// Replaces what is kept for `key`.
    func saveAttempts(_ attempts: LookupAttempts, key: String) async throws
}

/// The failed lookups of one key (a session or a client address) and its lockout, if any.
public struct LookupAttempts: Sendable, Codable, Equatable {
    public var failures: [Date]
    public var lockedUntil: Date?

    public init(failures: [Date] = [], lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }
}

/// Limits failed order lookups so that order numbers cannot be guessed: after `maxFailures` failures
/// within `window` by one session or from one client address, further lookups from either are refused
/// for `lockout`. With a `store`, failures and lockouts survive a restart.
public actor LookupGuard {
    /// Failures within this many seconds count towards a lockout, which lasts as long.
    public static let defaultWindow: TimeInterval = 600

    let maxFailures: Int
    let window: TimeInterval
    let lockout: TimeInterval
    let clock: ShopClock
    let store: (any LookupAttemptStore)?
    private var attempts: [String: LookupAttempts] = [:]
    private var loaded = false

    public init(maxFailures: Int = 5, window: TimeInterval = LookupGuard.defaultWindow, lockout: TimeInterval = LookupGuard.defaultWindow, clock: ShopClock, store: (any LookupAttemptStore)? = nil) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
        self.clock = clock
        self.store = store
    }

    /// Throws a `ChatRefusal` while any of `keys` is locked out.
    public func check(_ keys: [String]) async throws {
        try await load()
        let now = clock.now()
        for key in keys {
            if let until = attempts[key]?.lockedUntil, until > now {
                let minutes = max(1, Int(rounding: (until.timeIntervalSince(now) / 60).rounded(.up)) ?? 1)
                throw ChatRefusal("Too many order lookups failed. For your security, please try again in \(minutes) minute\(minutes == 1 ? "" : "s").")
            }
        }
    }

    /// Records a failed lookup for every key.
    public func recordFailure(_ keys: [String]) async throws {
        try await load()
        let now = clock.now()
        for key in keys {
            var entry = attempts[key] ?? LookupAttempts()
            entry.failures = entry.failures.filter { now.timeIntervalSince($0) < window } + [now]
            if entry.failures.count >= maxFailures {
                entry.lockedUntil = now.addingTimeInterval(lockout)
                entry.failures = []
            }
            attempts[key] = entry
            try await store?.saveAttempts(entry, key: key)
        }
        if attempts.count > 50_000 {
            attempts = attempts.filter { !$0.value.failures.isEmpty || ($0.value.lockedUntil ?? .distantPast) > now }
        }
    }

    private func load() async throws {
        guard !loaded, let store else { return }
        let stored = try await store.loadAttempts()
        // Failures recorded meanwhile (during the load) are kept over the stored ones.
        attempts.merge(stored) { current, _ in current }
        loaded = true
    }
}
