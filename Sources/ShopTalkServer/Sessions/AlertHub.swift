import Foundation
import Synchronization

/// Live pushes to owners: each owner connection subscribes for its store and receives
/// `{"type":"alert",…}` frames as they happen (new tickets, low stock, low credits). A subscriber that
/// does not keep up loses the oldest alerts rather than growing memory.
final class AlertHub: Sendable {
    private struct Subscriber {
        let storeID: Int64
        /// A staff member's connection: handoff frames only, no other alerts.
        let handoffOnly: Bool
        let continuation: AsyncStream<String>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])

    /// A stream of alert frames for `storeID`; it ends when `unsubscribe` is called with the returned id.
    func subscribe(storeID: Int64, handoffOnly: Bool = false) -> (UUID, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(100))
        let id = UUID()
        subscribers.withLock { $0[id] = Subscriber(storeID: storeID, handoffOnly: handoffOnly, continuation: continuation) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        let subscriber = subscribers.withLock { $0.removeValue(forKey: id) }
        subscriber?.continuation.finish()
    }

    /// Sends `frame` to every owner connection of `storeID` (and, when it is a `handoff` frame, to its staff).
    func publish(_ frame: String, storeID: Int64, handoff: Bool = false) {
        let targets = subscribers.withLock { $0.values.filter { $0.storeID == storeID && (handoff || !$0.handoffOnly) } }
        for subscriber in targets { subscriber.continuation.yield(frame) }
    }

    var subscriberCount: Int { subscribers.withLock { $0.count } }
}

/// `{"type":"alert","kind":"ticket",…}`.
struct AlertFrame<Payload: Encodable>: Encodable {
    let type = "alert"
    let kind: String
    let message: String
    let at: Date
    let data: Payload
    /// The alert's id in the store's alert history, to resolve it by.
    var alertId: Int64?
}
