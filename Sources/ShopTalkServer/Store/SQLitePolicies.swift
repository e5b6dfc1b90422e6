import Foundation
import GRDB
import ShopTalkCore

/// A shop's policy sections in SQLite, in the order they were first saved.
public struct SQLitePolicies: PolicyStore {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The table, and the demo store's policies for a database seeded before policies existed.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-policies") { db in
            try db.execute(sql: """
                CREATE TABLE store_policies (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    storeId INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                    slug TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    updatedAt DATETIME NOT NULL,
                    UNIQUE (storeId, slug)
                )
                """)
            if let demo = try Int64.fetchOne(db, sql: "SELECT id FROM stores WHERE slug = ?", arguments: [DemoStore.slug]) {
                try seedDemo(db, storeID: demo, now: Date())
            }
        }
    }

    /// Writes the demo policies for `storeID` unless it has policies already (an owner's edits stay).
    static func seedDemo(_ db: Database, storeID: Int64, now: Date) throws {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM store_policies WHERE storeId = ?", arguments: [storeID]) ?? 0
        guard count == 0 else { return }
        for section in DemoPolicies.sections(now: now) { _ = try save(section, storeID: storeID, db: db) }
    }

    public func policies(storeID: Int64) async throws -> [PolicySection] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT slug, title, body, updatedAt FROM store_policies WHERE storeId = ? ORDER BY id", arguments: [storeID])
                .map { PolicySection(slug: $0["slug"], title: $0["title"], body: $0["body"], updatedAt: $0["updatedAt"]) }
        }
    }

    @discardableResult
    public func savePolicy(_ section: PolicySection, storeID: Int64) async throws -> Bool {
        try await database.writer.write { db in try Self.save(section, storeID: storeID, db: db) }
    }

    static func save(_ section: PolicySection, storeID: Int64, db: Database) throws -> Bool {
        try db.execute(sql: "UPDATE store_policies SET title = ?, body = ?, updatedAt = ? WHERE storeId = ? AND slug = ?",
                       arguments: [section.title, section.body, section.updatedAt, storeID, section.slug])
        guard db.changesCount == 0 else { return false }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM store_policies WHERE storeId = ?", arguments: [storeID]) ?? 0
        guard count < PolicySection.Limits.sectionsPerStore else { throw TooManyPolicySections() }
        try db.execute(sql: "INSERT INTO store_policies (storeId, slug, title, body, updatedAt) VALUES (?, ?, ?, ?, ?)",
                       arguments: [storeID, section.slug, section.title, section.body, section.updatedAt])
        return true
    }

    public func deletePolicy(slug: String, storeID: Int64) async throws -> Bool {
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM store_policies WHERE storeId = ? AND slug = ?", arguments: [storeID, slug])
            return db.changesCount > 0
        }
    }
}
