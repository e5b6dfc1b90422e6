/// A shop's policies as the chat reads them: the store's current sections, searched per question.
public struct PolicyBook: Sendable {
    public let store: any PolicyStore
    public let encoder: StaticEncoder?

    public init(store: any PolicyStore, encoder: StaticEncoder?) {
        self.store = store
        self.encoder = encoder
    }

    /// What answers `question`: the sections to quote (one, or one per part of a question in several),
    /// then others that come close; both empty when nothing answers or the store has no policies.
    public func matches(_ question: String, storeID: Int64) async throws -> PolicyAnswer {
        let sections = try await store.policies(storeID: storeID)
        guard !sections.isEmpty else { return PolicyAnswer(quoted: [], related: [], hasPolicies: false) }
        let index = PolicyIndex(sections: sections, encoder: encoder)
        let quoted = index.answering(question)
        let related = index.search(question).filter { match in !quoted.contains { $0.section.slug == match.section.slug } }
        return PolicyAnswer(quoted: quoted, related: related, hasPolicies: true)
    }

    /// The one passage that best answers `question`, for a handler that quotes a term in passing
    /// (the return window when a return is asked for); nil when the store's text has no answer.
    public func passage(_ question: String, storeID: Int64) async -> String? {
        guard let found = try? await matches(question, storeID: storeID), let best = found.quoted.first?.passages.first else { return nil }
        return PolicyText.inline(best)
    }
}

/// The sections that answer a question, as the chat and the REST search show them.
public struct PolicyAnswer: Sendable {
    /// Quoted in the answer, best first.
    public let quoted: [PolicyIndex.Match]
    /// Close, but not quoted: offered as follow-ups.
    public let related: [PolicyIndex.Match]
    public let hasPolicies: Bool
}
