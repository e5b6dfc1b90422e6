import Crypto
import Foundation
import Logging
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
        /// "owner", or "staff": the handoff queue only, no analytics or admin.
        public var role: String
        public var createdAt: Date
        public var lastUsedAt: Date?
        public var revokedAt: Date?
    }

    let rows: any OwnerTokenRows

    public init(database: AppDatabase) {
        rows = database
    }

    /// Tokens kept in PostgreSQL: every instance reads the same rows, so a revoke on one is seen by all.
    public init(database: PostgresAppDatabase) {
        rows = PostgresOwnerTokenRows(database: database)
    }

    /// The roles a token can have: the shop's owner, or a staff member who takes live chats only.
    public static let roles = ["owner", "staff"]

    /// Creates a token for `storeSlug`, creating nothing else; returns the token text (shown once).
    public func create(storeSlug: String, name: String, role: String = "owner", now: Date) async throws -> String {
        guard Self.roles.contains(role) else { throw ChatError(.invalid, "A token's role is owner or staff.") }
        let secret = Self.randomSecret()
        guard let id = try await rows.insert(storeSlug: storeSlug, name: name, role: role, hash: Self.hash(secret), now: now) else {
            throw ChatError(.notFound, "There is no store \"\(storeSlug)\".")
        }
        return "st_\(id)_\(secret)"
    }

    /// Every token of `storeSlug` (or of all stores), newest first.
    public func list(storeSlug: String?) async throws -> [Info] {
        try await rows.list(storeSlug: storeSlug)
    }

    /// Revokes token `id`; false when there is no such token.
    public func revoke(id: Int64, now: Date) async throws -> Bool {
        try await rows.revoke(id: id, now: now)
    }

    /// The store a valid, unrevoked owner token belongs to, or nil (a staff token is not an owner's).
    public func verify(_ token: String, now: Date) async throws -> Store? {
        guard let member = try await member(token, now: now), member.role == "owner" else { return nil }
        return member.store
    }

    /// Who a valid, unrevoked token of either role belongs to: the store, the role and the name.
    public func member(_ token: String, now: Date) async throws -> (store: Store, role: String, name: String)? {
        guard let (id, presented) = Self.parse(token), let row = try await rows.token(id: id),
              Self.constantTimeEqual(row.hash, presented), row.revokedAt == nil else { return nil }
        try await rows.markUsed(id: id, now: now)
        return (row.store, row.role, row.name)
    }

    /// Whether `token` is still valid (not revoked), read only: a signed-in connection asks this twice a
    /// second, so that a revoke ends its owner access within a second.
    public func isActive(_ token: String) async throws -> Bool {
        guard let (id, presented) = Self.parse(token), let row = try await rows.token(id: id) else { return false }
        return Self.constantTimeEqual(row.hash, presented) && row.revokedAt == nil
    }

    /// A token's id and the hash of its secret; nil when it is not shaped like a token.
    static func parse(_ token: String) -> (Int64, String)? {
        let parts = token.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "st", let id = Int64(parts[1]), !parts[2].isEmpty, parts[2].count <= 128 else { return nil }
        return (id, hash(String(parts[2])))
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

/// A stored token as checking it needs: the hash of its secret, whether it was revoked, and its store.
struct OwnerTokenRow: Sendable {
    let hash: String
    let revokedAt: Date?
    let store: Store
    var role = "owner"
    var name = ""
}

/// The rows behind `OwnerTokens`, in SQLite (`AppDatabase`) or PostgreSQL (`PostgresOwnerTokenRows`).
protocol OwnerTokenRows: Sendable {
    /// Stores a token of `storeSlug`; returns its id, or nil when there is no such store.
    func insert(storeSlug: String, name: String, role: String, hash: String, now: Date) async throws -> Int64?
    func list(storeSlug: String?) async throws -> [OwnerTokens.Info]
    /// Marks token `id` revoked; false when there is no such unrevoked token.
    func revoke(id: Int64, now: Date) async throws -> Bool
    func token(id: Int64) async throws -> OwnerTokenRow?
    func markUsed(id: Int64, now: Date) async throws
}

extension OwnerTokens {
    /// Runs `body` with the owner tokens of `location`: a SQLite file, or a `postgres://` URL whose pool
    /// runs (and whose migrations are applied) for as long as `body` does. For the `shoptalk token` commands.
    public static func at<T: Sendable>(_ location: String, logger: Logger, _ body: (OwnerTokens) async throws -> T) async throws -> T {
        try await CommandDatabase.at(location, logger: logger) { database in
            switch database {
            case .sqlite(let database): try await body(OwnerTokens(database: database))
            case .postgres(let database): try await body(OwnerTokens(database: database))
            }
        }
    }
}
