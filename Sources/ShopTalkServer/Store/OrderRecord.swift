import Foundation
import GRDB

/// A row of `orders`. Its lines are `OrderItemRecord`s and its timeline `OrderEventRecord`s.
struct OrderRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "orders"

    var id: Int64?
    var storeId: Int64
    var number: String
    var customerId: Int64?
    var email: String
    var status: String
    var placedAt: Date
    var totalCents: Int
    var discountCode: String?
    var discountCents: Int
    var carrier: String?
    var trackingNumber: String?
    var estimatedDelivery: Date?
    var country: String
    /// Set when the shopper changed it after ordering (v11-order-actions).
    var deliveryAddress: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `order_items`.
struct OrderItemRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "order_items"

    var id: Int64?
    var orderId: Int64
    var storeId: Int64
    var productId: Int64?
    var productName: String
    var quantity: Int
    var unitPriceCents: Int
}

/// A row of `order_events`: one step of an order's status timeline.
struct OrderEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "order_events"

    var id: Int64?
    var orderId: Int64
    var storeId: Int64
    var status: String
    var at: Date
    var note: String?
}
