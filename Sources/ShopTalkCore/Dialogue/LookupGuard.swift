import Foundation

/// Where `LookupGuard` keeps its failures and lockouts so that a restart does not forgive them.
public protocol LookupAttemptStore: Sendable {
    /// Every key with recent failures or a lockout.
    func loadAttempts() async throws -> [String: LookupAttempts]
    /// Replaces what is kept for `key`.
    func saveAttempts(_ attempts: LookupAttempts, key: String) async throws
}

/// A store that keeps the count for several servers at once: every check and every failure goes to it,
/// so a lockout earned on one instance holds on all of them.
public protocol SharedLookupAttemptStore: LookupAttemptStore {
    /// The latest lockout of any of `keys` still running at `now`, if any.
    func lockedUntil(keys: [String], now: Date) async throws -> Date?
    /// Records one failure of `key` under `rule`, atomically against other servers; returns the entry after it.
    func recordFailure(key: String, now: Date, rule: LookupAttempts.Rule) async throws -> LookupAttempts
}

/// The failed lookups of one key (a session or a client address) and its lockout, if any.
public struct LookupAttempts: Sendable, Codable, Equatable {
    public var failures: [Date]
    public var lockedUntil: Date?

    public init(failures: [Date] = [], lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// When failures lead to a lockout.
    public struct Rule: Sendable, Equatable {
        public let maxFailures: Int
        public let window: TimeInterval
        public let lockout: TimeInterval

        public init(maxFailures: Int, window: TimeInterval, lockout: TimeInterval) {
            self.maxFailures = maxFailures
            self.window = window
            self.lockout = lockout
        }
    }

    /// The entry after one more failure at `now`: failures older than the window drop out, and the
    /// `maxFailures`th within it starts a lockout and clears the count.
    public func recording(failureAt now: Date, rule: Rule) -> LookupAttempts {
        var entry = self
        entry.failures = failures.filter { now.timeIntervalSince($0) < rule.window } + [now]
        if entry.failures.count >= rule.maxFailures {
            entry.lockedUntil = now.addingTimeInterval(rule.lockout)
            entry.failures = []
        }
        return entry
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
        let now = clock.now()
        let until: Date?
        if let shared = store as? any SharedLookupAttemptStore {
            until = try await shared.lockedUntil(keys: keys, now: now)
        } else {
            try await load()
            until = keys.compactMap { attempts[$0]?.lockedUntil }.filter { $0 > now }.max()
        }
        if let until {
            let minutes = max(1, Int(rounding: (until.timeIntervalSince(now) / 60).rounded(.up)) ?? 1)
            throw ChatRefusal("Too many order lookups failed. For your security, please try again in \(minutes) minute\(minutes == 1 ? "" : "s").")
        }
    }

    var rule: LookupAttempts.Rule { LookupAttempts.Rule(maxFailures: maxFailures, window: window, lockout: lockout) }

    /// Records a failed lookup for every key.
    public func recordFailure(_ keys: [String]) async throws {
        let now = clock.now()
        if let shared = store as? any SharedLookupAttemptStore {
            for key in keys { _ = try await shared.recordFailure(key: key, now: now, rule: rule) }
            return
        }
        try await load()
        for key in keys {
            let entry = (attempts[key] ?? LookupAttempts()).recording(failureAt: now, rule: rule)
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

extension LookupGuard {
    /// The order `number` of the turn's store, when `email` is the one on it: the check every order
    /// lookup, order action and points request makes. A wrong pair counts as a failure against the
    /// session and the client's address; while either is locked out this throws a `ChatRefusal`.
    public func verifiedOrder(_ number: String, email: String, turn: Turn, orders: any OrderStore) async throws -> Order? {
        let keys = ["session:\(turn.context.sessionID)"] + (turn.context.clientAddress.map { ["address:\($0)"] } ?? [])
        try await check(keys)
        guard let order = try await orders.order(number: number, storeID: turn.context.store.id),
              order.email.sameIgnoringCase(email) else {
            try await recordFailure(keys)
            return nil
        }
        return order
    }
}
