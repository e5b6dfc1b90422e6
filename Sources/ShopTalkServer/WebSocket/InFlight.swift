import NIOWebSocket
import ShopTalkCore
import Synchronization

/// What a connection has waiting and in progress: the number of frames queued for the processor and
/// the message being answered, which is cancelled if the client leaves.
final class InFlight: Sendable {
    private struct State {
        var queued = 0
        var current: Task<Result<(String, Reply), ChatError>, Never>?
        var gone = false
        var draining = false
        var violation: (WebSocketErrorCode, String)?
    }

    private let state = Mutex(State())

    /// Counts a frame into the queue; false when the queue is full.
    func enqueue(limit: Int) -> Bool {
        state.withLock { state in
            guard state.queued < limit else { return false }
            state.queued += 1
            return true
        }
    }

    func dequeue() {
        state.withLock { $0.queued = max(0, $0.queued - 1) }
    }

    func track(_ task: Task<Result<(String, Reply), ChatError>, Never>?) {
        let gone = state.withLock { state -> Bool in
            state.current = task
            return state.gone
        }
        if gone { task?.cancel() }
    }

    /// The client broke the protocol: answer what was received, then close with `code`.
    func fail(_ code: WebSocketErrorCode, reason: String) {
        state.withLock { $0.violation = (code, reason) }
    }

    var violation: (WebSocketErrorCode, String)? { state.withLock { $0.violation } }

    /// The server is shutting down: answer what is in progress, take nothing new.
    func drain() {
        state.withLock { $0.draining = true }
    }

    var isDraining: Bool { state.withLock { $0.draining } }

    /// The client left: cancel what is being answered.
    func cancelCurrent() {
        let task = state.withLock { state -> Task<Result<(String, Reply), ChatError>, Never>? in
            state.gone = true
            return state.current
        }
        task?.cancel()
    }
}
