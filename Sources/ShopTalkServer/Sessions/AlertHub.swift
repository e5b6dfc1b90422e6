import Foundation
import Synchronization

/// Live pushes to owners: each owner connection subscribes for its store and receives
/// `{"type":"alert",…}` frames as they happen (new tickets, low stock, low credits). A subscriber that
/// does not keep up loses the oldest alerts rather than growing memory.
final class AlertHub: Sendable {
    private struct Subscriber {
        let storeID: Int64
        let continuation: AsyncStream<String>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])

    /// A stream of alert frames for `storeID`; it ends when `unsubscribe` is called with the returned id.
    func subscribe(storeID: Int64) -> (UUID, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(100))
        let id = UUID()
        subscribers.withLock { $0[id] = Subscriber(storeID: storeID, continuation: continuation) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        let subscriber = subscribers.withLock { $0.removeValue(forKey: id) }
        subscriber?.continuation.finish()
    }

    /// Sends `frame` to every owner connection of `storeID`.
    func publish(_ frame: String, storeID: Int64) {
        let targets = subscribers.withLock { $0.values.filter { $0.storeID == storeID } }
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
