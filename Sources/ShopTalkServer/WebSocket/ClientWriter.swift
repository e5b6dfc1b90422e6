import Foundation
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import ShopTalkCore
import Synchronization

/// Writes frames to one client. A client that stops reading fills the channel's bounded write buffer,
/// after which a write waits for the client; the `SlowConsumerSweeper` closes a connection whose write
/// has waited longer than its timeout, so a slow consumer never grows server memory.
struct ClientWriter: Sendable {
    let outbound: WebSocketOutboundWriter
    let watch: WriteWatch

    func write(_ text: String) async throws {
        watch.begin()
        defer { watch.end() }
        try await outbound.write(.text(text))
    }
}

/// When the write in progress on one connection started (0 when none is), read by the sweeper.
final class WriteWatch: Sendable {
    let channel: any Channel
    let pendingSince = Atomic<Int64>(0)
    private let clock: SlowConsumerSweeper.Clock

    init(channel: any Channel, clock: SlowConsumerSweeper.Clock) {
        self.channel = channel
        self.clock = clock
    }

    func begin() { pendingSince.store(clock.nanoseconds(), ordering: .relaxed) }
    func end() { pendingSince.store(0, ordering: .relaxed) }
}

/// Looks at every connection twice a second and closes the ones whose current write has waited for the
/// client longer than `timeout`: one task for all connections, and two atomic stores per write.
public final class SlowConsumerSweeper: Service, Sendable {
    struct Clock: Sendable {
        let origin = ContinuousClock.now

        func nanoseconds() -> Int64 {
            // Never 0, which means "no write in progress".
            max(1, (ContinuousClock.now - origin).inNanoseconds)
        }
    }

    let timeout: Duration
    let logger: Logger
    let clock = Clock()
    private let watches = Mutex<[ObjectIdentifier: WriteWatch]>([:])
    private let closedCount = Atomic<Int>(0)

    public init(timeout: Duration, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func watch(_ channel: any Channel) -> WriteWatch {
        let watch = WriteWatch(channel: channel, clock: clock)
        watches.withLock { $0[ObjectIdentifier(watch)] = watch }
        return watch
    }

    func forget(_ watch: WriteWatch) {
        _ = watches.withLock { $0.removeValue(forKey: ObjectIdentifier(watch)) }
    }

    /// Connections closed for not reading, since start.
    public var closed: Int { closedCount.load(ordering: .relaxed) }

    /// Counts a connection that `ConnectionGuardHandler` closed for not reading.
    func countClosed() {
        closedCount.add(1, ordering: .relaxed)
    }

    public func run() async throws {
        let limit = timeout.inNanoseconds
        // Ends quietly on shutdown (the sleep is cancelled; that is not an error of the service).
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(500))
                self.sweep(limit: limit)
            }
        }
    }

    func sweep(limit: Int64) {
        let now = clock.nanoseconds()
        let stuck = watches.withLock { watches in
            watches.values.filter { watch in
                let since = watch.pendingSince.load(ordering: .relaxed)
                return since != 0 && now - since > limit
            }
        }
        for watch in stuck {
            forget(watch)
            closedCount.add(1, ordering: .relaxed)
            logger.notice("Closing a connection that does not read its replies", metadata: [
                "ws.write_timeout_ms": "\(limit / 1_000_000)", "ws.remote": "\(watch.channel.remoteAddress?.description ?? "?")",
            ])
            // Its write buffer is full, so no close frame can reach it: the TCP connection is closed, which
            // fails the waiting write and ends the connection's handler.
            watch.channel.close(promise: nil)
        }
    }
}
