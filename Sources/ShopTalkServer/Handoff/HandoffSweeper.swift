import Foundation
import ServiceLifecycle

/// Every `interval`, gives up on the handoffs nobody claimed within their store's claim time: a ticket,
/// an honest word to the shopper, an email asked for (`HandoffService.giveUpOverdue`).
struct HandoffSweeper: Service, CustomStringConvertible {
    let service: HandoffService
    let interval: Duration

    /// ServiceLifecycle describes each service when the group starts: without this, the description
    /// would spell out the whole pipeline the service holds (the intent model's weights included).
    var description: String { "HandoffSweeper(every \(interval))" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                await service.giveUpOverdue()
            }
        }
    }
}
