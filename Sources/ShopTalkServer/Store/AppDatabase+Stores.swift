import Foundation
import GRDB
import ShopTalkCore

extension AppDatabase: StoreRows {
    /// The store with `slug`, if any.
    public func store(slug: String) async throws -> Store? {
        try await writer.read { db in
            try StoreRecord.filter(StoreRecord.Columns.slug == slug).fetchOne(db)?.store
        }
    }

    /// The store with `id`, if any.
    public func store(id: Int64) async throws -> Store? {
        try await writer.read { db in try StoreRecord.fetchOne(db, key: id)?.store }
    }

    /// Whether any store exists yet (a fresh database has none).
    public func hasStores() async throws -> Bool {
        try await writer.read { db in try StoreRecord.fetchCount(db) > 0 }
    }
}
