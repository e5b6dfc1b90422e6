import Crypto
import Foundation
import GRDB
import ShopTalkCore

/// Owner tokens: created by the CLI, shown once, stored only as a SHA-256 hash. A token reads
/// `st_<id>_<secret>`; checking one fetches the row by id and compares the hash of the secret in constant
/// time, so neither the lookup nor the comparison leaks how much of a guess was right.
public struct OwnerTokens: Sendable {
    /// A stored token, without its secret.
    public struct Info: Sendable, Codable {
        public var id: Int64
        public var store: String
        public var name: String
        public var createdAt: Date
        public var lastUsedAt: Date?
        public var revokedAt: Date?
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Creates a token for `storeSlug`, creating nothing else; returns the token text (shown once).
    public func create(storeSlug: String, name: String, now: Date) async throws -> String {
        let secret = Self.randomSecret()
        let hash = Self.hash(secret)
        let id = try await database.writer.write { db -> Int64 in
            guard let storeID = try Int64.fetchOne(db, sql: "SELECT id FROM stores WHERE slug = ?", arguments: [storeSlug]) else {
                throw ChatError(.notFound, "There is no store \"\(storeSlug)\".")
            }
            try db.execute(
                sql: "INSERT INTO owner_tokens (storeId, name, tokenHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [storeID, name, hash, now]
            )
            return db.lastInsertedRowID
        }
        return "st_\(id)_\(secret)"
    }

    /// Every token of `storeSlug` (or of all stores), newest first.
    public func list(storeSlug: String?) async throws -> [Info] {
        try await database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.id, s.slug, t.name, t.createdAt, t.lastUsedAt, t.revokedAt
                FROM owner_tokens t JOIN stores s ON s.id = t.storeId
                WHERE ? IS NULL OR s.slug = ? ORDER BY t.id DESC
                """, arguments: [storeSlug, storeSlug])
            return rows.map { Info(id: $0["id"], store: $0["slug"], name: $0["name"], createdAt: $0["createdAt"], lastUsedAt: $0["lastUsedAt"], revokedAt: $0["revokedAt"]) }
        }
    }

    /// Revokes token `id`; false when there is no such token.
    public func revoke(id: Int64, now: Date) async throws -> Bool {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE owner_tokens SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [now, id])
            return db.changesCount > 0
        }
    }

    /// The store a valid, unrevoked token belongs to, or nil.
    public func verify(_ token: String, now: Date) async throws -> Store? {
        let parts = token.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "st", let id = Int64(parts[1]), !parts[2].isEmpty, parts[2].count <= 128 else { return nil }
        let presented = Self.hash(String(parts[2]))
        return try await database.writer.write { db -> Store? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.tokenHash, t.revokedAt, s.id, s.slug, s.name, s.currency
                FROM owner_tokens t JOIN stores s ON s.id = t.storeId WHERE t.id = ?
                """, arguments: [id]) else { return nil }
            let stored: String = row["tokenHash"]
            guard Self.constantTimeEqual(stored, presented), row["revokedAt"] as Date? == nil else { return nil }
            try db.execute(sql: "UPDATE owner_tokens SET lastUsedAt = ? WHERE id = ?", arguments: [now, id])
            return Store(id: row["id"], slug: row["slug"], name: row["name"], currency: row["currency"])
        }
    }

    /// Whether `token` is still valid (not revoked), read only: a signed-in connection asks this twice a
    /// second, so that a revoke ends its owner access within a second.
    public func isActive(_ token: String) async throws -> Bool {
        let parts = token.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Int64(parts[1]) else { return false }
        let presented = Self.hash(String(parts[2]))
        return try await database.writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT tokenHash, revokedAt FROM owner_tokens WHERE id = ?", arguments: [id]) else { return false }
            let stored: String = row["tokenHash"]
            return Self.constantTimeEqual(stored, presented) && (row["revokedAt"] as Date?) == nil
        }
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two strings in time that depends only on their length.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "").replacingOccurrences(of: "=", with: "")
    }
}
