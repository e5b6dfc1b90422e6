import Foundation
import GRDB
import ShopTalkCore

/// A row of `stores`.
struct StoreRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "stores"

    var id: Int64?
    var slug: String
    var name: String
    var currency: String
    var createdAt: Date

    enum Columns {
        static let slug = Column(CodingKeys.slug)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var store: Store {
        Store(id: id ?? 0, slug: slug, name: name, currency: currency)
    }
}
