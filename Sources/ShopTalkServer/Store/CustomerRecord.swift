import Foundation
import GRDB

/// A row of `customers`.
struct CustomerRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "customers"

    var id: Int64?
    var storeId: Int64
    var externalId: String
    var name: String
    var email: String
    var country: String
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
