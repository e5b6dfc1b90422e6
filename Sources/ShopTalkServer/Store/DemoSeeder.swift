import Foundation
import GRDB
import Logging
import ShopTalkCore

/// Writes a generated `DemoStore` into the database, replacing any earlier copy of that store.
public struct DemoSeeder: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Seeds (or re-seeds) the store `slug` with demo data as of the clock's today, in one transaction.
    @discardableResult
    public func seed(slug: String = DemoStore.slug, clock: ShopClock, logger: Logger) async throws -> Store {
        var generated = DemoStore.generate(today: clock.today())
        generated.store.slug = slug
        let demo = generated
        let now = clock.now()
        let store = try await database.writer.write { db -> Store in
            var storeRecord: StoreRecord
            if let existing = try StoreRecord.filter(StoreRecord.Columns.slug == slug).fetchOne(db) {
                storeRecord = existing
                try Self.deleteCatalogAndSales(db, storeID: existing.id!)
            } else {
                storeRecord = StoreRecord(id: nil, slug: slug, name: demo.store.name, currency: demo.store.currency, createdAt: now)
                try storeRecord.insert(db)
            }
            let storeID = storeRecord.id!
            try SQLitePolicies.seedDemo(db, storeID: storeID, now: now)
            var productIDs: [Int64: Int64] = [:]
            for product in demo.products {
                var record = ProductRecord(storeId: storeID, product: product, at: now)
                try record.insert(db)
                productIDs[product.id] = record.id
            }
            for discount in demo.discounts {
                var record = DiscountRecord(storeId: storeID, discount: discount)
                try record.insert(db)
            }
            var customerIDs: [String: Int64] = [:]
            for customer in demo.customers {
                var record = CustomerRecord(
                    id: nil, storeId: storeID, externalId: customer.externalID, name: customer.name,
                    email: customer.email, country: customer.country, createdAt: now
                )
                try record.insert(db)
                customerIDs[customer.externalID] = record.id
            }
            let costs = Dictionary(uniqueKeysWithValues: demo.products.compactMap { product in
                productIDs[product.id].flatMap { id in product.cost.map { (id, $0.cents) } }
            })
            for order in demo.orders {
                try Self.insert(order, storeID: storeID, customerID: order.customerExternalID.flatMap { customerIDs[$0] },
                                productIDs: productIDs, db: db)
                try SalesLines.insert(order: order, storeID: storeID, productIDs: productIDs, costs: costs, db: db)
            }
            try db.execute(sql: """
                UPDATE products SET popularity = (
                    SELECT COALESCE(SUM(oi.quantity), 0) FROM order_items oi
                    JOIN orders o ON o.id = oi.orderId
                    WHERE oi.productId = products.id AND o.status NOT IN ('cancelled', 'returned')
                ) WHERE storeId = ?
                """, arguments: [storeID])
            return storeRecord.store
        }
        logger.info("Seeded demo store", metadata: [
            "store.slug": "\(slug)", "store.products": "\(demo.products.count)",
            "store.customers": "\(demo.customers.count)", "store.orders": "\(demo.orders.count)",
        ])
        return store
    }

    static func insert(_ order: Order, storeID: Int64, customerID: Int64?, productIDs: [Int64: Int64], db: Database) throws {
        var record = OrderRecord(
            id: nil, storeId: storeID, number: order.number, customerId: customerID, email: order.email,
            status: order.status.rawValue, placedAt: order.placedAt, totalCents: order.total.cents,
            discountCode: order.discountCode, discountCents: order.discountAmount.cents,
            carrier: order.shipment?.carrier, trackingNumber: order.shipment?.trackingNumber,
            estimatedDelivery: order.shipment?.estimatedDelivery, country: order.country
        )
        try record.insert(db)
        let orderID = record.id!
        for item in order.items {
            var line = OrderItemRecord(
                id: nil, orderId: orderID, storeId: storeID, productId: item.productID.flatMap { productIDs[$0] },
                productName: item.name, quantity: item.quantity, unitPriceCents: item.unitPrice.cents
            )
            try line.insert(db)
        }
        for event in order.events {
            var row = OrderEventRecord(id: nil, orderId: orderID, storeId: storeID, status: event.status.rawValue, at: event.at, note: event.note)
            try row.insert(db)
        }
    }

    /// Removes a store's catalog, discounts, customers and orders before re-seeding. Its owner tokens,
    /// credit ledger, tickets and conversations are kept: re-seeding must not lose what owners stored.
    static func deleteCatalogAndSales(_ db: Database, storeID: Int64) throws {
        // The delete trigger keeps the rollups in step; the rows it leaves at zero go too.
        try db.execute(sql: "DELETE FROM sales_lines WHERE storeId = ?", arguments: [storeID])
        for table in ["sales_day", "sales_day_product", "sales_month_product", "sales_invoices"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE storeId = ?", arguments: [storeID])
        }
        try db.execute(sql: "DELETE FROM stock_alerts WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM order_events WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM order_items WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM orders WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM customers WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM discounts WHERE storeId = ?", arguments: [storeID])
        try db.execute(sql: "DELETE FROM products WHERE storeId = ?", arguments: [storeID])
    }
}
