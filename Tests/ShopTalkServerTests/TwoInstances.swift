import Foundation
import ShopTalkCore
@testable import ShopTalkServer

/// One connection to a test database, as one server instance holds it.
enum InstanceDatabase: Sendable {
    case sqlite(AppDatabase)
    case postgres(PostgresAppDatabase)

    /// The part under test, made for this backend.
    func part<Part>(sqlite: (AppDatabase) -> Part, postgres: (PostgresAppDatabase) -> Part) -> Part {
        switch self {
        case .sqlite(let database): sqlite(database)
        case .postgres(let database): postgres(database)
        }
    }
}

extension StorageBackend {
    /// A fresh database of this backend with two stores, "north" and "south" (EUR), opened twice as two
    /// instances would open it; `body` gets the stores' ids and both openings.
    func withTwoStores(_ body: @escaping @Sendable (_ stores: [Int64], _ one: InstanceDatabase, _ two: InstanceDatabase) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let file = TestDatabase()
            let database = try file.open()
            var stores: [Int64] = []
            for slug in ["north", "south"] {
                stores.append(try await database.writer.write { db in
                    try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES (?, ?, 'EUR', ?)", arguments: [slug, slug.capitalized, Date()])
                    return db.lastInsertedRowID
                })
            }
            try await body(stores, .sqlite(database), .sqlite(try file.open()))
        case .postgres:
            try await TestPostgres.withDatabase { database in
                var stores: [Int64] = []
                for slug in ["north", "south"] { stores.append(try await database.createStore(slug: slug, name: slug.capitalized, currency: "EUR").id) }
                try await TestPostgres.secondInstance(of: database) { other in
                    try await body(stores, .postgres(database), .postgres(other))
                }
            }
        }
    }
}
