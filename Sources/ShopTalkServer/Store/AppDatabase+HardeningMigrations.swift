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
        migrator.registerMigration("v7-owner-insights") { db in
            // What an owner sets for reorder quantities; a store without a row uses the stated defaults.
            try db.create(table: "inventory_settings") { t in
                t.primaryKey("storeId", .integer).references("stores")
                t.column("leadTimeDays", .integer).notNull()
                t.column("orderCost", .double).notNull()
                t.column("holdingRate", .double).notNull()
                t.column("serviceLevel", .double).notNull()
            }
            // Discount codes refused when an order was placed, for the order risk score.
            try db.create(table: "code_attempts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("store", inTable: "stores").notNull()
                t.column("email", .text).notNull().collate(.nocase)
                t.column("code", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "code_attempts_store_email", on: "code_attempts", columns: ["storeId", "email", "at"])
            try db.create(index: "orders_store_email", on: "orders", columns: ["storeId", "email", "placedAt"])
        }
    }
}
