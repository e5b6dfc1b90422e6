import Foundation
import GRDB
import ShopTalkCore

/// Discounts in SQLite, read from the store's catalog snapshot when there is one to read.
public struct SQLiteDiscounts: DiscountStore {
    let database: AppDatabase
    let snapshots: CatalogSnapshots?

    public init(database: AppDatabase, snapshots: CatalogSnapshots? = nil) {
        self.database = database
        self.snapshots = snapshots
    }

    public func discounts(storeID: Int64) async throws -> [Discount] {
        if let snapshots { return try await snapshots.snapshot(storeID: storeID).discounts }
        return try await database.writer.read { db in try DiscountRecord.all(db, storeID: storeID).compactMap(\.discount) }
    }
}

/// Complaint tickets in SQLite. References count up from TCK-1001 per store.
public struct SQLiteTickets: TicketStore {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func createTicket(storeID: Int64, sessionID: String, text: String, category: String, orderNumber: String?, at: Date) async throws -> Ticket {
        try await database.writer.write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE storeId = ?", arguments: [storeID]) ?? 0
            let reference = "TCK-\(1001 + count)"
            try db.execute(sql: """
                INSERT INTO tickets (storeId, sessionId, reference, text, orderNumber, category, status, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
                """, arguments: [storeID, sessionID, reference, text, orderNumber, category, at])
            return Ticket(reference: reference, category: category, orderNumber: orderNumber, text: text, status: "open", createdAt: at)
        }
    }
}

extension SQLiteCatalog: PurchaseHistory {
    public func boughtTogether(productID: Int64, storeID: Int64, limit: Int) async throws -> [(Product, Int)] {
        try await database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.*, COUNT(DISTINCT other.orderId) AS shared
                FROM order_items mine
                JOIN order_items other ON other.orderId = mine.orderId AND other.productId <> mine.productId
                JOIN products p ON p.id = other.productId
                WHERE mine.productId = ? AND mine.storeId = ? AND p.storeId = ?
                GROUP BY p.id ORDER BY shared DESC, p.popularity DESC LIMIT ?
                """, arguments: [productID, storeID, storeID, limit])
            return try rows.map { (try ProductRecord(row: $0).product, $0["shared"] as Int) }
        }
    }
}
