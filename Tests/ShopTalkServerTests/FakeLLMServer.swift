import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer

/// A local HTTP server that speaks the chat-completions API, scripted by the test: each request takes
/// the next behaviour from the script (or the default), and every request body is recorded.
actor FakeLLM {
    enum Behaviour: Sendable {
        case ok(String)
        /// Answers naming the first product of the system prompt's list, with its price.
        case echoFirstProduct
        case stream([String])
        case status(Int, retryAfter: Int?)
        case delay(Double, then: String)
        /// Answers only once the test calls `release()` (or after a minute), so a test can prove by
        /// ordering, not by the clock, that a caller gave up before the answer existed.
        case held(String)
        case malformed
    }

    private var script: [Behaviour] = []
    var fallback: Behaviour = .ok("Happy to help!")
    private(set) var requests: [JSONValue] = []
    /// Delayed answers that were actually sent.
    private(set) var delayedAnswersSent = 0

    func delayedAnswerSent() { delayedAnswersSent += 1 }

    private(set) var released = false
    func release() { released = true }
    /// Waits until `release()`; false when a minute passes first.
    func waitForRelease() async -> Bool {
        for _ in 0..<3000 where !released { try? await Task.sleep(for: .milliseconds(20)) }
        return released
    }

    func play(_ behaviours: [Behaviour]) { script = behaviours }
    func setDefault(_ behaviour: Behaviour) { fallback = behaviour }
    func record(_ body: JSONValue) -> Behaviour {
        requests.append(body)
        return script.isEmpty ? fallback : script.removeFirst()
    }

    /// Runs `body` with the fake listening on a loopback port.
    func serve<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/v1/chat/completions") { request, context -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: bytes))) ?? .null
            let behaviour = await self.record(json)
            let model = json["model"]?.stringValue ?? "fake"
            if case .held(let text) = behaviour {
                _ = await self.waitForRelease()
                await self.delayedAnswerSent()
                return try await Self.respond(.ok(text), model: model, request: json)
            }
            let response = try await Self.respond(behaviour, model: model, request: json)
            if case .delay = behaviour { await self.delayedAnswerSent() }
            return response
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: testLogger)
        return try await app.test(.live) { client in
            try await body(client.port!)
        }
    }

    static func respond(_ behaviour: Behaviour, model: String, request: JSONValue) async throws -> Response {
        func json(_ text: String) -> Response {
            let body = #"{"id":"cmpl-1","object":"chat.completion","model":"\#(model)","choices":[{"index":0,"message":{"role":"assistant","content":\#(String(decoding: try! JSONEncoder().encode(text), as: UTF8.self))},"finish_reason":"stop"}],"usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        switch behaviour {
        case .ok(let text):
            return json(text)
        case .echoFirstProduct:
            let system = { () -> String in
                guard case .array(let messages)? = request["messages"] else { return "" }
                return messages.first?["content"]?.stringValue ?? ""
            }()
            let line = system.split(separator: "\n").first { $0.hasPrefix("- ") } ?? ""
            let name = line.dropFirst(2).components(separatedBy: " by ").first ?? ""
            let price = line.components(separatedBy: ": ").last ?? ""
            return json("You might like the \(name) at \(price).")
        case .stream(let pieces):
            var events = pieces.map { piece in
                "data: {\"model\":\"\(model)\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\(String(decoding: try! JSONEncoder().encode(piece), as: UTF8.self))}}]}\n\n"
            }
            events.append("data: {\"model\":\"\(model)\",\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":\(pieces.count)}}\n\n")
            events.append("data: [DONE]\n\n")
            return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: .init(byteBuffer: ByteBuffer(string: events.joined())))
        case .status(let code, let retryAfter):
            var headers: HTTPFields = [.contentType: "application/json"]
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            return Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"nope"}}"#)))
        case .delay(let seconds, let text):
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return json(text)
        case .held(let text):
            return json(text)
        case .malformed:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{not json")))
        }
    }
}
