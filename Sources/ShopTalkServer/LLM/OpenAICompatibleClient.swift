import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ShopTalkCore

/// An OpenAI-compatible chat-completions client (OpenAI, Ollama, llama.cpp's server, vLLM) over
/// Foundation's URLSession, which is libcurl on Linux. It retries 429, 5xx and timeouts a bounded number
/// of times with jittered exponential backoff (honouring Retry-After), streams server-sent events when
/// asked, stops when its task is cancelled, reads token usage and prices it from a per-model table.
/// The API key is sent only in the Authorization header and never logged.
public struct OpenAICompatibleClient: LLMClient {
    /// Dollars per million tokens, in micro-dollars: input, output.
    public static let defaultPrices: [String: (Int, Int)] = [
        "gpt-4o-mini": (150_000, 600_000), "gpt-4o": (2_500_000, 10_000_000), "gpt-4.1-mini": (400_000, 1_600_000),
    ]

    public let model: String
    let endpoint: URL
    let apiKey: String?
    let connectTimeout: TimeInterval
    let totalTimeout: TimeInterval
    let maxAttempts: Int
    let baseBackoff: TimeInterval
    let prices: [String: (Int, Int)]
    let logger: Logger

    public init(
        baseURL: URL, model: String, apiKey: String?, connectTimeout: TimeInterval = 10, totalTimeout: TimeInterval = 60,
        maxAttempts: Int = 3, baseBackoff: TimeInterval = 0.5, prices: [String: (Int, Int)] = Self.defaultPrices, logger: Logger
    ) {
        var path = baseURL.absoluteString
        while path.hasSuffix("/") { path.removeLast() }
        if !path.hasSuffix("/v1") { path += "/v1" }
        self.endpoint = URL(string: path + "/chat/completions")!
        self.model = model
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.baseBackoff = baseBackoff
        self.prices = prices
        self.logger = logger
    }

    public func complete(_ request: LLMRequest, onDelta: (@Sendable (String) async -> Void)?) async throws -> LLMResponse {
        let started = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            do {
                var response = try await send(request, onDelta: onDelta)
                let elapsed = ContinuousClock.now - started
                response.latencyMs = Int(elapsed.inMilliseconds)
                response.attempts = attempt
                let price = prices[response.model] ?? prices[model] ?? (0, 0)
                response.costMicros = (response.promptTokens * price.0 + response.completionTokens * price.1) / 1_000_000
                return response
            } catch let error as RetryableError {
                guard attempt < maxAttempts, !Task.isCancelled else { throw error.error }
                let backoff = error.retryAfter ?? baseBackoff * pow(2, Double(attempt - 1)) * Double.random(in: 0.5...1.5)
                logger.notice("LLM call failed, retrying", metadata: ["llm.error": "\(error.error.message)", "llm.attempt": "\(attempt)", "llm.backoff_s": "\(backoff)"])
                try await Task.sleep(for: .milliseconds(Int(min(backoff, 30) * 1000)))
            }
        }
    }

    struct RetryableError: Error {
        let error: LLMError
        let retryAfter: TimeInterval?
    }

    private func send(_ request: LLMRequest, onDelta: (@Sendable (String) async -> Void)?) async throws -> LLMResponse {
        var body: [String: JSONValue] = [
            "model": .string(model), "temperature": .number(request.temperature), "max_tokens": .number(Double(request.maxTokens)),
            "stream": .bool(request.stream),
            "messages": .array(request.messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
        ]
        if request.stream { body["stream_options"] = .object(["include_usage": .bool(true)]) }
        var urlRequest = URLRequest(url: endpoint)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = try JSONEncoder().encode(JSONValue.object(body))
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey, !apiKey.isEmpty { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        urlRequest.timeoutInterval = connectTimeout

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connectTimeout
        configuration.timeoutIntervalForResource = totalTimeout
        let (deltas, deltaSink) = AsyncStream<String>.makeStream()
        let exchange = Exchange(streaming: request.stream, deltas: deltaSink)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        // Tearing the session down can wait on libcurl; it is done off the caller's path.
        defer { DispatchQueue.global().async { session.invalidateAndCancel() } }
        let task = session.dataTask(with: urlRequest)
        // The whole answer must arrive within the total timeout (libcurl's URLSession does not enforce it).
        let totalTimeout = self.totalTimeout
        let deadline = Task {
            try await Task.sleep(for: .milliseconds(Int(totalTimeout * 1000)))
            exchange.abort(with: RetryableError(error: LLMError(.timeout, "The model did not answer in time."), retryAfter: nil))
            task.cancel()
        }
        defer { deadline.cancel() }
        let outcome = try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await delta in deltas { await onDelta?(delta) }
                }
                let outcome = try await exchange.run(task)
                try await group.waitForAll()
                return outcome
            }
        } onCancel: {
            // Return at once, whatever the transport does with the cancelled request.
            exchange.abort()
            task.cancel()
        }
        if let error = outcome.error {
            if Task.isCancelled || (error as? URLError)?.code == .cancelled { throw LLMError(.cancelled, "The request was cancelled.") }
            if (error as? URLError)?.code == .timedOut { throw RetryableError(error: LLMError(.timeout, "The model did not answer in time."), retryAfter: nil) }
            throw RetryableError(error: LLMError(.transport, "Could not reach the model: \(error.localizedDescription)"), retryAfter: nil)
        }
        let status = outcome.status
        guard status == 200 else {
            let llmError = LLMError(.http(status), "The model answered HTTP \(status).")
            if status == 429 || status >= 500 {
                throw RetryableError(error: llmError, retryAfter: outcome.retryAfter)
            }
            throw llmError
        }
        if request.stream && outcome.sawEvents {
            return LLMResponse(text: outcome.streamedText, model: outcome.streamedModel ?? model, promptTokens: outcome.promptTokens,
                               completionTokens: outcome.completionTokens, costMicros: 0, latencyMs: 0, attempts: 1)
        }
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: outcome.body),
              case .array(let choices)? = json["choices"], let text = choices.first?["message"]?["content"]?.stringValue
        else {
            throw LLMError(.malformed, "The model's answer was not a chat completion.")
        }
        return LLMResponse(
            text: text, model: json["model"]?.stringValue ?? model,
            promptTokens: Int.displayCount(json["usage"]?["prompt_tokens"]?.numberValue),
            completionTokens: Int.displayCount(json["usage"]?["completion_tokens"]?.numberValue),
            costMicros: 0, latencyMs: 0, attempts: 1
        )
    }
}

/// One HTTP exchange: collects the response, and for a streamed answer parses server-sent events as
/// they arrive and passes the text on.
final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Outcome {
        var status = 0
        var retryAfter: TimeInterval?
        var body = Data()
        var error: (any Error)?
        var sawEvents = false
        var streamedText = ""
        var streamedModel: String?
        var promptTokens = 0
        var completionTokens = 0
    }

    private let lock = NSLock()
    private var outcome = Outcome()
    private var pending = Data()
    private var continuation: CheckedContinuation<Outcome, any Error>?
    private let streaming: Bool
    private let deltas: AsyncStream<String>.Continuation

    init(streaming: Bool, deltas: AsyncStream<String>.Continuation) {
        self.streaming = streaming
        self.deltas = deltas
    }

    func run(_ task: URLSessionDataTask) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let cancelled = Task.isCancelled
            if !cancelled { lock.withLock { self.continuation = continuation } }
            if cancelled {
                continuation.resume(throwing: LLMError(.cancelled, "The request was cancelled."))
            } else {
                task.resume()
            }
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse {
            lock.withLock {
                outcome.status = http.statusCode
                outcome.retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(TimeInterval.init)
            }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let texts: [String] = lock.withLock {
            outcome.body.append(data)
            guard streaming, outcome.status == 200 else { return [] }
            pending.append(data)
            var texts: [String] = []
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                pending.removeSubrange(pending.startIndex...newline)
                guard line.hasPrefix("data:") else { continue }
                let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                outcome.sawEvents = true
                guard payload != "[DONE]", let event = try? JSONDecoder().decode(JSONValue.self, from: Data(payload.utf8)) else { continue }
                if let model = event["model"]?.stringValue { outcome.streamedModel = model }
                if let usage = event["usage"], usage != .null {
                    outcome.promptTokens = Int.displayCount(usage["prompt_tokens"]?.numberValue)
                    outcome.completionTokens = Int.displayCount(usage["completion_tokens"]?.numberValue)
                }
                if case .array(let choices)? = event["choices"], let text = choices.first?["delta"]?["content"]?.stringValue, !text.isEmpty {
                    outcome.streamedText += text
                    texts.append(text)
                }
            }
            return texts
        }
        for text in texts { deltas.yield(text) }
    }

    /// Ends the exchange now with `error` (a cancellation unless said otherwise).
    func abort(with error: any Error = LLMError(.cancelled, "The request was cancelled.")) {
        deltas.finish()
        let continuation = lock.withLock { () -> CheckedContinuation<Outcome, any Error>? in
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(throwing: error)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        deltas.finish()
        let (continuation, result) = lock.withLock { () -> (CheckedContinuation<Outcome, any Error>?, Outcome) in
            outcome.error = error
            defer { self.continuation = nil }
            return (self.continuation, outcome)
        }
        continuation?.resume(returning: result)
    }
}
