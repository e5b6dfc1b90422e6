import Foundation

/// Metered AI calls: every call to the language model is reserved against the store's AI credits
/// before it is made and settled after, with the guarantees of a payment system: a request id is never
/// charged twice, the balance never goes negative, and a failed call charges nothing.
public protocol AICredits: Sendable {
    /// Holds the price of `feature` for `requestID`, or throws a `CreditRefusal` saying why no call may
    /// be made (balance, expiry, budget caps, rate limit).
    func reserve(storeID: Int64, requestID: String, feature: AIFeature) async throws
    /// Turns the hold into a charge (with its usage) when `usage` is given, or releases it.
    func settle(storeID: Int64, requestID: String, usage: AIUsage?) async throws
}

/// What an AI call was for; each has its price in the store's price table.
public enum AIFeature: String, Sendable, Codable, CaseIterable {
    case ownerQuery = "owner_query"
    case productDescription = "product_description"
    case fallbackChat = "fallback_chat"
}

/// What a successful call used.
public struct AIUsage: Sendable, Hashable {
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var providerCostMicros: Int
    public var latencyMs: Int

    public init(model: String, promptTokens: Int, completionTokens: Int, providerCostMicros: Int, latencyMs: Int) {
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.providerCostMicros = providerCostMicros
        self.latencyMs = latencyMs
    }
}

/// Why no AI call was made. Owners are told; customers just get the offline answer.
public struct CreditRefusal: Error, Sendable, Equatable {
    public enum Reason: String, Sendable {
        case insufficientBalance = "insufficient_balance"
        case dailyCap = "daily_cap"
        case monthlyCap = "monthly_cap"
        case rateLimited = "rate_limited"
        case duplicate
    }

    public let reason: Reason
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}
