import Foundation

/// The optional language model in the pipeline. Every call is reserved against the store's AI credits
/// first and settled after; what is sent is redacted of personal data; and what comes back is checked
/// before it is used: a fallback answer may mention only products and prices from the store, and a
/// phrased owner answer must carry exactly the computed numbers. Anything else falls back to the
/// offline answer, and the failed call charges nothing.
public struct AIAssistant: Sendable {
    public enum Outcome: Sendable, Equatable {
        case text(String)
        /// No call was made: the reason, for owners.
        case refused(String)
        case failed
    }

    let client: any LLMClient
    let credits: any AICredits
    let policies: String
    let customerNames: @Sendable (Int64) async -> [String]

    public init(client: any LLMClient, credits: any AICredits, policies: String, customerNames: @escaping @Sendable (Int64) async -> [String]) {
        self.client = client
        self.credits = credits
        self.policies = policies
        self.customerNames = customerNames
    }

    /// Answers a message the rules could not, grounded in `products` from the store.
    public func fallback(_ turn: Turn, products: [Product], onDelta: (@Sendable (String) async -> Void)?) async -> Outcome {
        let store = turn.context.store
        let catalog = products.map { product in
            "- \(product.name) by \(product.brand): \(product.price.formatted(currency: store.currency))" + (product.stockState == .out ? " (out of stock)" : "")
        }.joined(separator: "\n")
        let system = """
            You are the shopping assistant of \(store.name). Answer briefly and helpfully. Mention only products and prices from the list \
            below; never invent products, prices, stock or policies. If the question is not about shopping here, say politely what you can help with.
            Store policies: \(policies)
            Products that may be relevant:
            \(catalog.isEmpty ? "(none)" : catalog)
            """
        let allowedPrices = Set(products.flatMap { [$0.price.cents] + ($0.originalPrice.map { [$0.cents] } ?? []) })
        let names = products.map { ($0.name + " " + $0.brand).lowercased() }.joined(separator: " ")
        return await call(feature: .fallbackChat, storeID: store.id, system: system, user: turn.text, stream: onDelta != nil, onDelta: onDelta) { text in
            Self.isGrounded(text, prices: allowedPrices, productText: names)
        }
    }

    /// Rephrases a computed owner answer; the numbers must stay exactly those of `template`.
    public func phrase(_ template: String, storeID: Int64, onDelta: (@Sendable (String) async -> Void)?) async -> Outcome {
        let system = "Rephrase the shop owner's analytics answer in one or two friendly sentences. Keep every number exactly as written; add no numbers."
        let expected = Self.numbers(in: template)
        return await call(feature: .ownerQuery, storeID: storeID, system: system, user: template, stream: onDelta != nil, onDelta: onDelta) { text in
            Self.numbers(in: text) == expected
        }
    }

    /// Drafts a product description for the owner to confirm.
    public func describe(_ product: Product, storeID: Int64) async -> Outcome {
        let system = "Write an engaging product description of 2-3 sentences for an online shop. Use only the facts given; do not invent specifications."
        let facts = "\(product.name) by \(product.brand), category \(product.category). Colours: \(product.colors.joined(separator: ", ")). Current description: \(product.description)"
        return await call(feature: .productDescription, storeID: storeID, system: system, user: facts, stream: false, onDelta: nil) { text in
            text.count >= 20 && text.count <= 1_500
        }
    }

    func call(
        feature: AIFeature, storeID: Int64, system: String, user: String, stream: Bool,
        onDelta: (@Sendable (String) async -> Void)?, accept: (String) -> Bool
    ) async -> Outcome {
        let requestID = "\(feature.rawValue)-\(UUID().uuidString)"
        do {
            try await credits.reserve(storeID: storeID, requestID: requestID, feature: feature)
        } catch let refusal as CreditRefusal {
            return .refused(refusal.message)
        } catch {
            return .refused("AI credits could not be checked.")
        }
        let names = await customerNames(storeID)
        let request = LLMRequest(messages: [
            LLMMessage(role: "system", content: Redactor.redact(system, names: names)),
            LLMMessage(role: "user", content: Redactor.redact(user, names: names)),
        ], stream: stream)
        do {
            let response = try await client.complete(request, onDelta: onDelta)
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, accept(text) else {
                await settle(storeID: storeID, requestID: requestID, usage: nil)
                return .failed
            }
            await settle(storeID: storeID, requestID: requestID, usage: AIUsage(
                model: response.model, promptTokens: response.promptTokens, completionTokens: response.completionTokens,
                providerCostMicros: response.costMicros, latencyMs: response.latencyMs
            ))
            return .text(text)
        } catch {
            await settle(storeID: storeID, requestID: requestID, usage: nil)
            return .failed
        }
    }

    /// Settles a reservation even when the caller was cancelled (a client went away mid-call): the
    /// hold must become a charge or be released either way.
    func settle(storeID: Int64, requestID: String, usage: AIUsage?) async {
        let credits = self.credits
        await Task.detached {
            try? await credits.settle(storeID: storeID, requestID: requestID, usage: usage)
        }.value
    }

    /// Every price in `text` is one of `prices` (in cents), and every model-like word (letters and
    /// digits mixed, like "X100") appears in the products offered.
    static func isGrounded(_ text: String, prices: Set<Int>, productText: String) -> Bool {
        let tokens = Tokenizer.tokenize(text)
        for (index, token) in tokens.enumerated() where token.kind == .symbol && ["$", "£", "€"].contains(token.text) {
            guard index + 1 < tokens.count, let amount = Double(tokens[index + 1].text.replacingOccurrences(of: ",", with: "")) else { continue }
            // A price the model made up, however large, is simply not one of ours.
            guard let cents = Int(rounding: amount * 100), prices.contains(cents) else { return false }
        }
        for token in tokens where token.kind == .word {
            let hasDigit = token.text.contains(where: \.isNumber)
            let hasLetter = token.text.contains(where: \.isLetter)
            if hasDigit && hasLetter && !productText.contains(token.text) { return false }
        }
        return true
    }

    /// The numbers of a text, normalised ("£1,234.50" → "1234.5").
    static func numbers(in text: String) -> [String] {
        Tokenizer.tokenize(text).filter { $0.kind == .number }.compactMap { token in
            Double(token.text.replacingOccurrences(of: ",", with: "")).map { value in
                Int(exactly: value).map(String.init) ?? String(value)
            }
        }.sorted()
    }
}
