import ShopTalkCore

/// Stores by slug, cached after the first lookup. Unknown slugs are not cached, so a store created
/// later (by an import) is found at once.
actor StoreDirectory {
    private let database: AppDatabase
    private var bySlug: [String: Store] = [:]

    init(database: AppDatabase) {
        self.database = database
    }

    func store(slug: String) async throws -> Store? {
        if let store = bySlug[slug] { return store }
        guard let store = try await database.store(slug: slug) else { return nil }
        bySlug[slug] = store
        return store
    }
}
