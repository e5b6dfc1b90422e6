import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
import Synchronization
import Testing

/// One end of a live WebSocket that the test body drives while other connections run beside it: frames
/// received are kept in arrival order, and `next(_:)` waits for the next one of a type.
final class SocketPeer: Sendable {
    private let received = Mutex<[[String: JSONValue]]>([])
    private let (outgoing, sending) = AsyncStream<String>.makeStream()

    /// Sends a frame given as JSON text.
    func send(_ text: String) {
        sending.yield(text)
    }

    func send(_ fields: [String: JSONValue]) {
        send(String(decoding: (try? JSONEncoder().encode(JSONValue.object(fields))) ?? Data(), as: UTF8.self))
    }

    func say(_ text: String, id: String) {
        send(["type": .string("message"), "id": .string(id), "text": .string(text)])
    }

    /// Takes the first frame received (or still to come within `seconds`) of `type` that `matching`
    /// accepts; the frames before it are kept for later calls.
    func next(_ type: String, within seconds: Double = 20, matching: @Sendable ([String: JSONValue]) -> Bool = { _ in true },
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: JSONValue] {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let found = received.withLock { frames -> [String: JSONValue]? in
                guard let index = frames.firstIndex(where: { $0["type"]?.stringValue == type && matching($0) }) else { return nil }
                return frames.remove(at: index)
            }
            if let found { return found }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no \(type) frame within \(seconds) s; received \(received.withLock { $0.map { $0["type"]?.stringValue ?? "?" } })", sourceLocation: sourceLocation)
        return [:]
    }

    /// Whether a frame of `type` arrives within `seconds` (taking it if so).
    func sees(_ type: String, within seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if received.withLock({ frames in frames.firstIndex { $0["type"]?.stringValue == type }.map { frames.remove(at: $0) } }) != nil { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func close() {
        sending.finish()
    }

    /// Connects to `path` and runs the connection until `close()`.
    func run(_ client: any TestClientProtocol, _ path: String) async throws {
        try await client.ws(path) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 22) {
                        guard case .text(let text) = message,
                              case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { continue }
                        self.received.withLock { $0.append(object) }
                    }
                }
                for await text in self.outgoing {
                    try await outbound.write(.text(text))
                }
                group.cancelAll()
            }
        }
    }
}

/// Runs `body` with peers connected to `paths`, closing them all when it returns.
func withPeers(_ client: any TestClientProtocol, _ paths: [String], _ body: @escaping @Sendable ([SocketPeer]) async throws -> Void) async throws {
    let peers = paths.map { _ in SocketPeer() }
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (peer, path) in zip(peers, paths) {
            group.addTask { try await peer.run(client, path) }
        }
        defer { peers.forEach { $0.close() } }
        try await body(peers)
        peers.forEach { $0.close() }
        try await group.waitForAll()
    }
}
