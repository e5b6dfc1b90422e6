import Foundation
import GRDB
import ShopTalkCore

/// Orders in SQLite, with their lines and status timelines. Every statement binds its values.
public struct SQLiteOrders: OrderStore {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func order(number: String, storeID: Int64) async throws -> Order? {
        try await database.writer.read { db in try Self.order(number: number, storeID: storeID, db: db) }
    }

    /// The order with its lines and timeline, read in `db`'s transaction.
    static func order(number: String, storeID: Int64, db: Database) throws -> Order? {
        try stored(number: number, storeID: storeID, db: db)?.order
    }

    /// `order(number:…)` with the order's row id, for a caller that goes on to change it.
    static func stored(number: String, storeID: Int64, db: Database) throws -> (id: Int64, order: Order)? {
            guard let record = try OrderRecord.fetchOne(
                db, sql: "SELECT * FROM orders WHERE storeId = ? AND number = ? COLLATE NOCASE", arguments: [storeID, number]
            ), let orderID = record.id else { return nil }
            let items = try OrderItemRecord.fetchAll(db, sql: "SELECT * FROM order_items WHERE orderId = ? ORDER BY id", arguments: [orderID])
            let events = try OrderEventRecord.fetchAll(db, sql: "SELECT * FROM order_events WHERE orderId = ? ORDER BY at, id", arguments: [orderID])
            let customer = try String.fetchOne(db, sql: "SELECT externalId FROM customers WHERE id = ?", arguments: [record.customerId])
            var shipment: Order.Shipment?
            if let carrier = record.carrier, let tracking = record.trackingNumber, let eta = record.estimatedDelivery {
                shipment = Order.Shipment(carrier: carrier, trackingNumber: tracking, estimatedDelivery: eta)
            }
            return (orderID, Order(
                number: record.number, customerExternalID: customer, email: record.email,
                status: Order.Status(rawValue: record.status) ?? .pending, placedAt: record.placedAt,
                items: items.map { Order.Item(productID: $0.productId, name: $0.productName, quantity: $0.quantity, unitPrice: Money(cents: $0.unitPriceCents)) },
                discountCode: record.discountCode, discountAmount: Money(cents: record.discountCents), shipment: shipment,
                events: events.compactMap { event in
                    Order.Status(rawValue: event.status).map { Order.Event(status: $0, at: event.at, note: event.note) }
                },
                country: record.country, deliveryAddress: record.deliveryAddress
            ))
    }
}
