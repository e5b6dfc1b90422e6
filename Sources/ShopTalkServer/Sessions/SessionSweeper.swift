import Logging
import ServiceLifecycle

/// Evicts idle sessions from memory once a minute. Their state stays in the database, so a late
/// resume within the TTL still works.
struct SessionSweeper: Service {
    let sessions: SessionManager
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
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
