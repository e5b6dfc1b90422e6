import Foundation
import PostgresNIO
import ShopTalkCore

/// A shop's policy sections in PostgreSQL. Every instance reads them per question, so an owner's edit
/// on one instance answers shoppers on all of them at once, with no cache to invalidate.
public struct PostgresPolicies: PolicyStore {
    let database: PostgresAppDatabase

    public init(database: PostgresAppDatabase) {
        self.database = database
    }

    static let migration = PostgresMigration(name: "pg10-policies", statements: [
        """
        CREATE TABLE store_policies (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            slug text NOT NULL,
            title text NOT NULL,
            body text NOT NULL,
            updated_at timestamptz NOT NULL,
            UNIQUE (store_id, slug)
        )
        """,
    ])

    public func policies(storeID: Int64) async throws -> [PolicySection] {
        try await database.rows("SELECT slug, title, body, updated_at FROM store_policies WHERE store_id = \(storeID) ORDER BY id").map { row in
            let (slug, title, body, updatedAt) = try row.decode((String, String, String, Date).self)
            return PolicySection(slug: slug, title: title, body: body, updatedAt: updatedAt)
        }
    }

    @discardableResult
    public func savePolicy(_ section: PolicySection, storeID: Int64) async throws -> Bool {
        let logger = database.logger
        return try await database.transaction { connection in
            // The store's row lock makes two instances adding sections at once take turns on the limit.
            try await connection.rows("SELECT id FROM stores WHERE id = \(storeID) FOR UPDATE", logger: logger)
            let updated = try await connection.rows("""
                UPDATE store_policies SET title = \(section.title), body = \(section.body), updated_at = \(section.updatedAt)
                WHERE store_id = \(storeID) AND slug = \(section.slug) RETURNING id
                """, logger: logger)
            guard updated.isEmpty else { return false }
            let count = try await connection.rows("SELECT count(*) FROM store_policies WHERE store_id = \(storeID)", logger: logger)
                .first?.decode(Int64.self) ?? 0
            guard count < PolicySection.Limits.sectionsPerStore else { throw TooManyPolicySections() }
            try await connection.rows("""
                INSERT INTO store_policies (store_id, slug, title, body, updated_at)
                VALUES (\(storeID), \(section.slug), \(section.title), \(section.body), \(section.updatedAt))
                """, logger: logger)
            return true
        }
    }

    public func deletePolicy(slug: String, storeID: Int64) async throws -> Bool {
        !(try await database.rows("DELETE FROM store_policies WHERE store_id = \(storeID) AND slug = \(slug) RETURNING id").isEmpty)
    }
}
