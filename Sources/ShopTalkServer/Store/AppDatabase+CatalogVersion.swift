import GRDB

extension AppDatabase {
    /// Migrations of the pipeline work (issue 14), registered after the earlier ones.
    static func registerPipelineMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-catalog-version") { db in
            // Every write to a store's products or discounts counts up its catalog version, whoever makes
            // it (this server, the CLI's import or seed, another instance), so an in-memory snapshot can
            // tell with one primary-key read that it is out of date.
            try db.alter(table: "stores") { t in
                t.add(column: "catalogVersion", .integer).notNull().defaults(to: 0)
            }
            for table in ["products", "discounts"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_version_insert AFTER INSERT ON \(table) BEGIN
                        UPDATE stores SET catalogVersion = catalogVersion + 1 WHERE id = new.storeId;
                    END;
                    CREATE TRIGGER \(table)_version_update AFTER UPDATE ON \(table) BEGIN
                        UPDATE stores SET catalogVersion = catalogVersion + 1 WHERE id IN (old.storeId, new.storeId);
                    END;
                    CREATE TRIGGER \(table)_version_delete AFTER DELETE ON \(table) BEGIN
                        UPDATE stores SET catalogVersion = catalogVersion + 1 WHERE id = old.storeId;
                    END;
                    """)
            }
        }
    }

    /// A store's catalog version: it changes whenever its products or discounts do.
    func catalogVersion(storeID: Int64) async throws -> Int64 {
        try await writer.read { db in try Self.catalogVersion(db, storeID: storeID) }
    }

    static func catalogVersion(_ db: Database, storeID: Int64) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT catalogVersion FROM stores WHERE id = ?"), arguments: [storeID]) ?? 0
    }
}
