/// Policies kept in memory: for a shop run without a database, and for tests of the chat engine.
public actor InMemoryPolicyStore: PolicyStore {
    private var byStore: [Int64: [PolicySection]]

    public init(_ byStore: [Int64: [PolicySection]] = [:]) {
        self.byStore = byStore
    }

    public func policies(storeID: Int64) -> [PolicySection] {
        byStore[storeID] ?? []
    }

    @discardableResult
    public func savePolicy(_ section: PolicySection, storeID: Int64) throws -> Bool {
        var sections = byStore[storeID] ?? []
        if let index = sections.firstIndex(where: { $0.slug == section.slug }) {
            sections[index] = section
            byStore[storeID] = sections
            return false
        }
        guard sections.count < PolicySection.Limits.sectionsPerStore else { throw TooManyPolicySections() }
        byStore[storeID] = sections + [section]
        return true
    }

    public func deletePolicy(slug: String, storeID: Int64) -> Bool {
        guard let sections = byStore[storeID], sections.contains(where: { $0.slug == slug }) else { return false }
        byStore[storeID] = sections.filter { $0.slug != slug }
        return true
    }
}
