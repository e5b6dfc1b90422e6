import Foundation
import HummingbirdWebSocket
import Logging
import NIOCore

/// Writes frames to one client. A client that stops reading fills the channel's bounded write buffer;
/// once it is full a write waits for the client, and if that takes longer than `timeout` the connection
/// is closed (1008 when the close frame can still be sent), so a slow consumer never grows memory.
struct ClientWriter: Sendable {
    let outbound: WebSocketOutboundWriter
    let channel: any Channel
    let timeout: Duration
    let logger: Logger

    struct SlowConsumer: Error {}

    func write(_ text: String) async throws {
        // The fast path: room in the buffer, no timer needed.
        if channel.isWritable {
            try await outbound.write(.text(text))
            return
        }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await outbound.write(.text(text))
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let written = try await group.next() ?? false
            group.cancelAll()
            if !written {
                logger.notice("Closing a connection that does not read its replies", metadata: ["ws.write_timeout_s": "\(timeout.components.seconds)"])
                await closeSlowConsumer()
                throw SlowConsumer()
            }
        }
    }

    private func closeSlowConsumer() async {
        let outbound = outbound
        let closing = Task { try? await outbound.close(.policyViolation, reason: "not reading replies") }
        try? await Task.sleep(for: .milliseconds(500))
        closing.cancel()
        try? await channel.close()
    }
}
