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
        migrator.registerMigration("v8-alerts") { db in
            // Every alert an owner was sent, open until resolved (by restock, by the owner, or by hand).
            try db.create(table: "alert_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("store", inTable: "stores").notNull()
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("message", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("resolvedAt", .datetime)
            }
            try db.create(index: "alert_log_store_created", on: "alert_log", columns: ["storeId", "createdAt"])
            try db.create(index: "alert_log_store_subject", on: "alert_log", columns: ["storeId", "kind", "subject"])
            // Each alert's sending by email or webhook: pending (also while quiet hours hold it), sent or failed.
            try db.create(table: "alert_deliveries") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("store", inTable: "stores").notNull()
                t.column("alertId", .integer).references("alert_log", onDelete: .cascade)
                t.column("channel", .text).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("detail", .text).notNull().defaults(to: "")
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
            }
            try db.create(index: "alert_deliveries_pending", on: "alert_deliveries", columns: ["status", "storeId"])
            try db.create(table: "alert_preferences") { t in
                t.primaryKey("storeId", .integer).references("stores")
                t.column("enabled", .boolean).notNull().defaults(to: true)
                t.column("lowStockThreshold", .integer)
                t.column("email", .text)
                t.column("webhookURL", .text)
                t.column("webhookSecret", .text)
                t.column("quietStart", .integer)
                t.column("quietEnd", .integer)
                t.column("digestHour", .integer).notNull().defaults(to: 9)
                t.column("lastDigestDay", .text)
            }
        }
    }
}
