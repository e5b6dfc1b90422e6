import Foundation
import Logging
import ServiceLifecycle

/// Evicts idle sessions from memory once a `interval`, and deletes conversations older than the
/// retention period once a `purgeEvery` (and once at start). Evicted sessions stay in the database, so a
/// late resume within the TTL still works.
struct SessionSweeper: Service {
    let sessions: SessionManager
    let interval: Duration
    let purgeEvery: TimeInterval
    let logger: Logger

    func run() async throws {
        var lastPurge: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully {
            if lastPurge.map({ ContinuousClock.now - $0 >= .seconds(purgeEvery) }) ?? true {
                lastPurge = .now
                do {
                    try await sessions.purgeOld()
                } catch {
                    logger.error("Could not delete old conversations", metadata: ["error": "\(error)"])
                }
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: min(interval, .seconds(purgeEvery))) }
            } catch {
                return
            }
            let evicted = await sessions.evictIdle()
            if evicted > 0 {
                logger.debug("Evicted idle sessions", metadata: ["sessions.evicted": "\(evicted)"])
            }
        }
    }
}
