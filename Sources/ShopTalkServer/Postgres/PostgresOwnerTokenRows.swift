import Foundation
import PostgresNIO
import ShopTalkCore

/// Owner tokens in PostgreSQL. A check reads the row every time, so a token revoked through any instance
/// stops working on all of them at once. Every value is bound.
struct PostgresOwnerTokenRows: OwnerTokenRows {
    let database: PostgresAppDatabase

    static let migration = PostgresMigration(name: "pg5-owner-tokens", statements: [
        """
        CREATE TABLE owner_tokens (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            name text NOT NULL DEFAULT '',
            token_hash text NOT NULL UNIQUE,
            created_at timestamptz NOT NULL,
            last_used_at timestamptz,
            revoked_at timestamptz
        )
        """,
    ])

    func insert(storeSlug: String, name: String, role: String, hash: String, now: Date) async throws -> Int64? {
        try await database.rows("""
            INSERT INTO owner_tokens (store_id, name, role, token_hash, created_at)
            SELECT id, \(name), \(role), \(hash), \(now) FROM stores WHERE slug = \(storeSlug) RETURNING id
            """).first?.decode(Int64.self)
    }

    func list(storeSlug: String?) async throws -> [OwnerTokens.Info] {
        try await database.rows("""
            SELECT t.id, s.slug, t.name, t.role, t.created_at, t.last_used_at, t.revoked_at
            FROM owner_tokens t JOIN stores s ON s.id = t.store_id
            WHERE \(storeSlug)::text IS NULL OR s.slug = \(storeSlug) ORDER BY t.id DESC
            """).map { row in
            let (id, slug, name, role, createdAt, lastUsedAt, revokedAt) = try row.decode((Int64, String, String, String, Date, Date?, Date?).self)
            return OwnerTokens.Info(id: id, store: slug, name: name, role: role, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
        }
    }

    func revoke(id: Int64, now: Date) async throws -> Bool {
        try await database.rows("UPDATE owner_tokens SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL RETURNING id").isEmpty == false
    }

    func token(id: Int64) async throws -> OwnerTokenRow? {
        try await database.rows("""
            SELECT t.token_hash, t.revoked_at, s.id, s.slug, s.name, s.currency, t.role, t.name
            FROM owner_tokens t JOIN stores s ON s.id = t.store_id WHERE t.id = \(id)
            """).first.map { row in
            let (hash, revokedAt, storeID, slug, name, currency, role, tokenName) = try row.decode((String, Date?, Int64, String, String, String, String, String).self)
            return OwnerTokenRow(hash: hash, revokedAt: revokedAt, store: Store(id: storeID, slug: slug, name: name, currency: currency), role: role, name: tokenName)
        }
    }

    func markUsed(id: Int64, now: Date) async throws {
        try await database.rows("UPDATE owner_tokens SET last_used_at = \(now) WHERE id = \(id)")
    }
}
