import ShopTalkCore

/// Where the stores are kept: SQLite's `AppDatabase` and PostgreSQL's `PostgresAppDatabase` both answer.
protocol StoreRows: Sendable {
    /// The store with `slug`, if any.
    func store(slug: String) async throws -> Store?
    /// The store with `id`, if any.
    func store(id: Int64) async throws -> Store?
}

/// Stores by slug, cached after the first lookup. Unknown slugs are not cached, so a store created
/// later (by an import) is found at once.
actor StoreDirectory {
    private let rows: any StoreRows
    private var bySlug: [String: Store] = [:]

    init(rows: any StoreRows) {
        self.rows = rows
    }

    init(database: AppDatabase) {
        self.init(rows: database)
    }

    func store(slug: String) async throws -> Store? {
        if let store = bySlug[slug] { return store }
        guard let store = try await rows.store(slug: slug) else { return nil }
        bySlug[slug] = store
        return store
    }
}
