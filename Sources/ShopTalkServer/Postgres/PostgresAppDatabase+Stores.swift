import Foundation
import PostgresNIO
import ShopTalkCore

extension PostgresAppDatabase: StoreRows {
    /// The store with `slug`, if any.
    public func store(slug: String) async throws -> Store? {
        try await rows("SELECT id, slug, name, currency FROM stores WHERE slug = \(slug)").first.map(Self.store)
    }

    /// The store with `id`, if any.
    public func store(id: Int64) async throws -> Store? {
        try await rows("SELECT id, slug, name, currency FROM stores WHERE id = \(id)").first.map(Self.store)
    }

    /// Whether any store exists yet (a fresh database has none).
    public func hasStores() async throws -> Bool {
        try await !rows("SELECT 1 FROM stores LIMIT 1").isEmpty
    }

    /// Adds a store, or returns the one that already has `slug`.
    @discardableResult
    public func createStore(slug: String, name: String, currency: String) async throws -> Store {
        let inserted = try await rows("""
            INSERT INTO stores (slug, name, currency) VALUES (\(slug), \(name), \(currency))
            ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
            RETURNING id, slug, name, currency
            """)
        guard let row = inserted.first else { throw ChatError(.internal, "The store was not stored.") }
        return try Self.store(row)
    }

    private static func store(_ row: PostgresRow) throws -> Store {
        let (id, slug, name, currency) = try row.decode((Int64, String, String, String).self)
        return Store(id: id, slug: slug, name: name, currency: currency)
    }
}
