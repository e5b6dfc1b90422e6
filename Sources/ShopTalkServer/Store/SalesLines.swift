import Foundation
import GRDB
import ShopTalkCore

/// Writes sales lines (the analytics fact table) for orders, keyed so that writing the same order or
/// import line twice stores it once.
enum SalesLines {
    /// Lines for an order: its items on the day it was placed and, when it was returned, the same items
    /// negated on the day of the return (as a "C" invoice, like the UCI data). Cancelled orders never sold.
    static func insert(order: Order, storeID: Int64, productIDs: [Int64: Int64], costs: [Int64: Int], db: Database) throws {
        guard order.status != .cancelled else { return }
        for (index, item) in order.items.enumerated() {
            let productID = item.productID.flatMap { productIDs[$0] }
            try insertLine(storeID: storeID, key: "\(order.number)#\(index)", invoice: order.number, at: order.placedAt,
                           productID: productID, customer: order.customerExternalID, country: order.country,
                           quantity: item.quantity, priceMilli: item.unitPrice.cents * 10,
                           costMilli: productID.flatMap { costs[$0] }.map { $0 * 10 }, cancellation: false, db: db)
            if order.status == .returned, let returned = order.events.last(where: { $0.status == .returned }) {
                try insertLine(storeID: storeID, key: "C\(order.number)#\(index)", invoice: "C\(order.number)", at: returned.at,
                               productID: productID, customer: order.customerExternalID, country: order.country,
                               quantity: -item.quantity, priceMilli: item.unitPrice.cents * 10,
                               costMilli: productID.flatMap { costs[$0] }.map { $0 * 10 }, cancellation: true, db: db)
            }
        }
    }

    /// Undoes the sale of a cancelled or returned order: negative lines for analytics (as a "C" invoice)
    /// and its stock back on the shelf, with the low-stock alerts that changes. Keyed by the order, so an
    /// order is never undone twice.
    static func undoSale(orderID: Int64, storeID: Int64, at now: Date, db: Database) throws {
        let items = try Row.fetchAll(db, sql: "SELECT productId, quantity, unitPriceCents FROM order_items WHERE orderId = ? ORDER BY id", arguments: [orderID])
        let order = try Row.fetchOne(db, sql: "SELECT o.number, o.country, c.externalId FROM orders o LEFT JOIN customers c ON c.id = o.customerId WHERE o.id = ?", arguments: [orderID])
        let number: String = order?["number"] ?? "#\(orderID)"
        for (index, item) in items.enumerated() {
            let productID: Int64? = item["productId"]
            let quantity: Int = item["quantity"]
            let cost = try productID.flatMap { try Int.fetchOne(db, sql: "SELECT costCents FROM products WHERE id = ?", arguments: [$0]) }
            try insertLine(storeID: storeID, key: "C\(number)#\(index)", invoice: "C\(number)", at: now, productID: productID,
                           customer: order?["externalId"], country: order?["country"] ?? "", quantity: -quantity,
                           priceMilli: (item["unitPriceCents"] as Int) * 10, costMilli: cost.map { $0 * 10 }, cancellation: true, db: db)
            if let productID {
                try db.execute(sql: "UPDATE products SET stock = stock + ? WHERE id = ? AND stockTracked = 1", arguments: [quantity, productID])
            }
        }
        _ = try StockWatch.check(items.compactMap { $0["productId"] as Int64? }, storeID: storeID, now: now, db: db)
    }

    /// Adds the lines with an id above `lastID` to the rollups in one aggregated pass: what the row
    /// trigger does line by line, for bulk imports that suspend it.
    static func rollUp(linesAfter lastID: Int64, db: Database) throws {
        let cost = "COALESCE(SUM(quantity * costMilli), 0), SUM(CASE WHEN costMilli IS NULL THEN 0 ELSE quantity * unitPriceMilli END)"
        let add = "units = units + excluded.units, revenueMilli = revenueMilli + excluded.revenueMilli, costMilli = costMilli + excluded.costMilli, costedRevenueMilli = costedRevenueMilli + excluded.costedRevenueMilli"
        try db.execute(sql: """
            INSERT INTO sales_day SELECT storeId, day, country, SUM(quantity), SUM(quantity * unitPriceMilli), \(cost)
                FROM sales_lines WHERE id > ? GROUP BY storeId, day, country ON CONFLICT DO UPDATE SET \(add);
            """, arguments: [lastID])
        try db.execute(sql: """
            INSERT INTO sales_day_product SELECT storeId, day, COALESCE(productId, 0), SUM(quantity), SUM(quantity * unitPriceMilli), \(cost)
                FROM sales_lines WHERE id > ? GROUP BY storeId, day, COALESCE(productId, 0) ON CONFLICT DO UPDATE SET \(add);
            """, arguments: [lastID])
        try db.execute(sql: """
            INSERT INTO sales_month_product SELECT storeId, substr(day, 1, 7), COALESCE(productId, 0), SUM(quantity), SUM(quantity * unitPriceMilli), \(cost)
                FROM sales_lines WHERE id > ? GROUP BY storeId, substr(day, 1, 7), COALESCE(productId, 0) ON CONFLICT DO UPDATE SET \(add);
            """, arguments: [lastID])
        try db.execute(sql: """
            INSERT INTO sales_invoices SELECT storeId, invoice, MIN(day), MIN(customerId), MIN(country), MAX(isCancellation), SUM(quantity),
                SUM(quantity * unitPriceMilli) FROM sales_lines WHERE id > ? GROUP BY storeId, invoice
            ON CONFLICT DO UPDATE SET units = units + excluded.units, revenueMilli = revenueMilli + excluded.revenueMilli;
            """, arguments: [lastID])
    }

    static func insertLine(
        storeID: Int64, key: String, invoice: String, at: Date, productID: Int64?, customer: String?, country: String,
        quantity: Int, priceMilli: Int, costMilli: Int?, cancellation: Bool, db: Database
    ) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO sales_lines
                (storeId, lineKey, invoice, day, at, productId, customerId, country, quantity, unitPriceMilli, costMilli, isCancellation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [storeID, key, invoice, ShopClock.dayString(at), at, productID, customer, country, quantity, priceMilli, costMilli, cancellation])
    }
}
