import Foundation
import ServiceLifecycle
import Synchronization

/// Admits WebSocket connections within limits (in total and per client address), and drains them on
/// shutdown: each open connection finishes the message it is answering and is closed with 1001.
public final class ConnectionGate: Sendable {
    public struct Limits: Sendable {
        public var total: Int
        public var perAddress: Int

        public init(total: Int = 20_000, perAddress: Int = 256) {
            self.total = total
            self.perAddress = perAddress
        }
    }

    private struct State {
        var total = 0
        var perAddress: [String: Int] = [:]
        var draining = false
        var hooks: [UUID: @Sendable () -> Void] = [:]
    }

    public let limits: Limits
    private let state = Mutex(State())

    public init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// Counts a new connection in, or says why it is refused.
    func admit(address: String?) -> ChatError? {
        state.withLock { state in
            if state.draining { return ChatError(.unavailable, "The server is shutting down; reconnect in a moment.") }
            if state.total >= limits.total { return ChatError(.unavailable, "The server is at its connection limit (\(limits.total)); try again shortly.") }
            let key = address ?? "unknown"
            if state.perAddress[key, default: 0] >= limits.perAddress {
                return ChatError(.rateLimited, "Too many open connections from your address (limit \(limits.perAddress)).")
            }
            state.total += 1
            state.perAddress[key, default: 0] += 1
            return nil
        }
    }

    /// Counts a connection out (once its TCP connection has closed).
    func release(address: String?) {
        state.withLock { state in
            let key = address ?? "unknown"
            state.total = max(0, state.total - 1)
            let left = state.perAddress[key, default: 1] - 1
            state.perAddress[key] = left > 0 ? left : nil
        }
    }

    /// Open connections.
    public var open: Int { state.withLock { $0.total } }

    /// Open chat connections (those that would be drained).
    var openChats: Int { state.withLock { $0.hooks.count } }

    /// Why a new chat may not start now: the server is draining.
    var drainingRefusal: ChatError? {
        state.withLock { $0.draining } ? ChatError(.unavailable, "The server is shutting down; reconnect in a moment.") : nil
    }

    /// Registers what a connection does when the server drains; call the returned id's removal when it ends.
    func onDrain(_ hook: @escaping @Sendable () -> Void) -> UUID {
        let id = UUID()
        let drainingAlready = state.withLock { state -> Bool in
            state.hooks[id] = hook
            return state.draining
        }
        if drainingAlready { hook() }
        return id
    }

    func removeDrainHook(_ id: UUID) {
        _ = state.withLock { $0.hooks.removeValue(forKey: id) }
    }

    /// Stops admitting connections, asks every open chat to finish and close, and waits until they have
    /// (or `timeout` passes). Returns the number of chats still open. (Plain HTTP connections are the
    /// HTTP server's to finish when it stops.)
    @discardableResult
    public func drain(timeout: Duration) async -> Int {
        let hooks = state.withLock { state -> [@Sendable () -> Void] in
            state.draining = true
            return Array(state.hooks.values)
        }
        for hook in hooks { hook() }
        let deadline = ContinuousClock.now + timeout
        while openChats > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return openChats
    }
}

/// A service whose graceful shutdown drains the chat connections. Listed after the application in
/// the service group, it is shut down first, so sockets close with 1001 before the HTTP server stops.
public struct ConnectionDrainService: Service {
    let gate: ConnectionGate
    let timeout: Duration

    public init(gate: ConnectionGate, timeout: Duration = .seconds(10)) {
        self.gate = gate
        self.timeout = timeout
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await gate.drain(timeout: timeout)
    }
}

/// Message rate per client address, across all of its sessions: a token bucket per address.
final class AddressRateLimiter: Sendable {
    private let rate: Double
    private let burst: Double
    private let buckets = Mutex<[String: TokenBucket]>([:])

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Takes one message from the address's bucket; false when it is empty.
    func take(_ address: String?, now: Date) -> Bool {
        take(address, cost: 1, now: now)
    }

    /// Takes `cost` tokens from the address's bucket; false when it has fewer.
    func take(_ address: String?, cost: Double, now: Date) -> Bool {
        guard let address, rate > 0 else { return true }
        return buckets.withLock { buckets in
            if buckets.count > 50_000 {
                // Forget addresses whose bucket has refilled: they would start full anyway.
                buckets = buckets.filter { _, bucket in bucket.wouldBeFull(now: now) == false }
            }
            var bucket = buckets[address] ?? TokenBucket(rate: rate, burst: burst, now: now)
            let allowed = bucket.take(cost: cost, now: now)
            buckets[address] = bucket
            return allowed
        }
    }
}
