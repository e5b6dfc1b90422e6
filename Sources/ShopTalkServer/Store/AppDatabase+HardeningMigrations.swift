import GRDB

extension AppDatabase {
    /// Migrations of the hardening work (issue 11), registered after the earlier ones.
    static func registerHardeningMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-hardening") { db in
            // Who asked: an owner's answer is replayed only to a connection signed in as the owner.
            try db.alter(table: "turns") { t in
                t.add(column: "role", .text).notNull().defaults(to: "customer")
            }
            // Old conversations are deleted by last activity.
            try db.create(index: "sessions_last_seen", on: "sessions", columns: ["lastSeenAt"])
            // Failed order lookups and lockouts, so that a restart does not forgive them.
            try db.create(table: "lookup_guard") { t in
                t.primaryKey("key", .text)
                t.column("failures", .text).notNull().defaults(to: "[]")
                t.column("lockedUntil", .datetime)
            }
        }
    }
}
