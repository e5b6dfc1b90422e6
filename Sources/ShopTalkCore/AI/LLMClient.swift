import Foundation

/// One chat message sent to a language model.
public struct LLMMessage: Sendable, Hashable, Codable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// A chat-completion request.
public struct LLMRequest: Sendable {
    public var messages: [LLMMessage]
    public var temperature: Double
    public var maxTokens: Int
    public var stream: Bool

    public init(messages: [LLMMessage], temperature: Double = 0.3, maxTokens: Int = 300, stream: Bool = false) {
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.stream = stream
    }
}

/// A completed answer and what it used.
public struct LLMResponse: Sendable {
    public var text: String
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var costMicros: Int
    public var latencyMs: Int
    public var attempts: Int

    public init(text: String, model: String, promptTokens: Int, completionTokens: Int, costMicros: Int, latencyMs: Int, attempts: Int) {
        self.text = text
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costMicros = costMicros
        self.latencyMs = latencyMs
        self.attempts = attempts
    }
}

/// Why a call failed.
public struct LLMError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case timeout
        case http(Int)
        case malformed
        case cancelled
        case transport
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// A chat-completions endpoint. The OpenAI-compatible HTTP client implements it; without an LLM the
/// pipeline has none and answers offline.
public protocol LLMClient: Sendable {
    var model: String { get }
    /// Sends `request`; when it streams, each piece of text is passed to `onDelta` as it arrives.
    func complete(_ request: LLMRequest, onDelta: (@Sendable (String) async -> Void)?) async throws -> LLMResponse
}
