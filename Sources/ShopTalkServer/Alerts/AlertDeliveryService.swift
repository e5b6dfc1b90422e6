import Foundation
import Logging
import ServiceLifecycle

/// Sends the daily digests when their hour comes and retries alert deliveries that failed or waited
/// out quiet hours, every `interval`, until graceful shutdown. Time comes from the center's injected
/// clock; tests call `AlertCenter.runOnce(now:)` directly with the time they want.
struct AlertDeliveryService: Service {
    let center: AlertCenter
    let interval: Duration

    func run() async throws {
        try? await center.recoverInterruptedDeliveries()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await center.runOnce(now: center.clock.now())
                try? await Task.sleep(for: interval)
            }
        }
    }
}
