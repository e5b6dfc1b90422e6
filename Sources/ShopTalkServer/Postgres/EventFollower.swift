import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Follows the outbox for one instance: hands every event after its cursor to `deliver`, in sequence
/// order and once each while it runs, and saves the cursor after each batch so that a restart catches up
/// from there. A NOTIFY wakes it at once; a poll every `pollInterval` covers a lost wake-up or a dropped
/// LISTEN connection. A new instance starts at the head: what happened before it ran is in the database.
public final class EventFollower: Service, Sendable {
    let outbox: EventOutbox
    let pollInterval: Duration
    let deliver: @Sendable (OutboxEvent) async -> Void
    let logger: Logger
    private let state = Mutex(Position())

    /// How far this follower has read, and the newest event it knows of.
    public struct Position: Sendable, Equatable {
        public var delivered: Int64 = 0
        public var head: Int64 = 0
        /// Whether its LISTEN is open, so that a NOTIFY wakes it at once (else it waits for the poll).
        public var listening = false
        /// Events published but not yet delivered here.
        public var lag: Int64 { max(0, head - delivered) }
    }

    public init(outbox: EventOutbox, pollInterval: Duration = .seconds(1), logger: Logger,
                deliver: @escaping @Sendable (OutboxEvent) async -> Void) {
        self.outbox = outbox
        self.pollInterval = pollInterval
        self.logger = logger
        self.deliver = deliver
    }

    /// The follower's view of the stream, for `/health`.
    public var position: Position { state.withLock { $0 } }

    public func run() async throws {
        var from = try await outbox.cursor()
        if from == nil { from = try await outbox.head() }
        state.withLock { $0.delivered = from ?? 0 }
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.listen(wake: wake) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: self.pollInterval)
                    wake.yield()
                }
            }
            group.addTask {
                for await _ in wakeups.cancelOnGracefulShutdown() {
                    await self.catchUp()
                }
            }
            wake.yield()
            try? await gracefulShutdown()
            wake.finish()
            group.cancelAll()
        }
    }

    /// Delivers everything after the cursor, in batches, then saves the cursor.
    func catchUp() async {
        do {
            while !Task.isCancelled {
                let after = state.withLock { $0.delivered }
                let batch = try await outbox.events(after: after, limit: 500)
                let head = try await outbox.head()
                state.withLock { $0.head = max($0.head, head) }
                guard let last = batch.last else { return }
                for event in batch { await deliver(event) }
                state.withLock { $0.delivered = last.seq }
                try await outbox.saveCursor(last.seq)
            }
        } catch {
            logger.warning("events.catch_up_failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// Keeps a LISTEN open on its own connection and turns each notification into a wake-up; reopens it
    /// after a failure, a second later.
    func listen(wake: AsyncStream<Void>.Continuation) async {
        while !Task.isCancelled {
            do {
                try await outbox.database.client.withConnection { connection in
                    try await connection.listen(on: EventOutbox.channel) { notifications in
                        state.withLock { $0.listening = true }
                        defer { state.withLock { $0.listening = false } }
                        wake.yield()  // anything published while the LISTEN was being set up
                        for try await _ in notifications { wake.yield() }
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled { return }
                logger.warning("events.listen_failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
