import Foundation
import GRDB
import ShopTalkCore

extension AppDatabase: OwnerTokenRows {
    func insert(storeSlug: String, name: String, role: String, hash: String, now: Date) async throws -> Int64? {
        try await writer.write { db -> Int64? in
            guard let storeID = try Int64.fetchOne(db, sql: "SELECT id FROM stores WHERE slug = ?", arguments: [storeSlug]) else { return nil }
            try db.execute(sql: "INSERT INTO owner_tokens (storeId, name, role, tokenHash, createdAt) VALUES (?, ?, ?, ?, ?)", arguments: [storeID, name, role, hash, now])
            return db.lastInsertedRowID
        }
    }

    func list(storeSlug: String?) async throws -> [OwnerTokens.Info] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.id, s.slug, t.name, t.role, t.createdAt, t.lastUsedAt, t.revokedAt
                FROM owner_tokens t JOIN stores s ON s.id = t.storeId
                WHERE ? IS NULL OR s.slug = ? ORDER BY t.id DESC
                """, arguments: [storeSlug, storeSlug])
            return rows.map { OwnerTokens.Info(id: $0["id"], store: $0["slug"], name: $0["name"], role: $0["role"], createdAt: $0["createdAt"], lastUsedAt: $0["lastUsedAt"], revokedAt: $0["revokedAt"]) }
        }
    }

    func revoke(id: Int64, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE owner_tokens SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [now, id])
            return db.changesCount > 0
        }
    }

    func token(id: Int64) async throws -> OwnerTokenRow? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT t.tokenHash, t.revokedAt, t.role, t.name AS tokenName, s.id, s.slug, s.name, s.currency
                FROM owner_tokens t JOIN stores s ON s.id = t.storeId WHERE t.id = ?
                """, arguments: [id]).map { row in
                OwnerTokenRow(hash: row["tokenHash"], revokedAt: row["revokedAt"],
                              store: Store(id: row["id"], slug: row["slug"], name: row["name"], currency: row["currency"]), role: row["role"], name: row["tokenName"])
            }
        }
    }

    func markUsed(id: Int64, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE owner_tokens SET lastUsedAt = ? WHERE id = ?", arguments: [now, id])
        }
    }
}
