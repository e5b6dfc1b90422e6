import Foundation
import GRDB
import ShopTalkCore

/// Writes sales lines (the analytics fact table) for orders, keyed so that writing the same order or
/// import line twice stores it once.
enum SalesLines {
    /// One line to store, on either backend; `key` makes storing it again a no-op.
    struct Line: Sendable {
        var key: String
        var invoice: String
        var at: Date
        var productID: Int64?
        var customer: String?
        var country: String
        var quantity: Int
        var priceMilli: Int
        var costMilli: Int?
        var cancellation: Bool

        /// The negative line (on a "C" invoice) that undoes line `index` of order `number`, keyed by the
        /// order so that a sale is never undone twice.
        static func undoing(number: String, index: Int, at: Date, productID: Int64?, customer: String?, country: String,
                            quantity: Int, priceCents: Int, costCents: Int?) -> Line {
            Line(key: "C\(number)#\(index)", invoice: "C\(number)", at: at, productID: productID, customer: customer, country: country,
                 quantity: -quantity, priceMilli: priceCents * 10, costMilli: costCents.map { $0 * 10 }, cancellation: true)
        }
    }

    /// The lines of an order whose items carry this database's product ids: its items on the day it was
    /// placed and, when it was returned, the same items negated on the day of the return (as a "C"
    /// invoice, like the UCI data). Cancelled orders never sold.
    static func lines(of order: Order, costs: [Int64: Int]) -> [Line] {
        guard order.status != .cancelled else { return [] }
        let returned = order.status == .returned ? order.events.last(where: { $0.status == .returned }) : nil
        var lines: [Line] = []
        for (index, item) in order.items.enumerated() {
            let cost = item.productID.flatMap { costs[$0] }
            lines.append(Line(key: "\(order.number)#\(index)", invoice: order.number, at: order.placedAt, productID: item.productID,
                              customer: order.customerExternalID, country: order.country, quantity: item.quantity,
                              priceMilli: item.unitPrice.cents * 10, costMilli: cost.map { $0 * 10 }, cancellation: false))
            if let returned {
                lines.append(.undoing(number: order.number, index: index, at: returned.at, productID: item.productID, customer: order.customerExternalID,
                                      country: order.country, quantity: item.quantity, priceCents: item.unitPrice.cents, costCents: cost))
            }
        }
        return lines
    }

    /// Stores an order's lines; `productIDs` maps its items' product ids to this database's.
    static func insert(order: Order, storeID: Int64, productIDs: [Int64: Int64], costs: [Int64: Int], db: Database) throws {
        var stored = order
        for index in stored.items.indices { stored.items[index].productID = stored.items[index].productID.flatMap { productIDs[$0] } }
        for line in lines(of: stored, costs: costs) { try insert(line, storeID: storeID, db: db) }
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
            try insert(.undoing(number: number, index: index, at: now, productID: productID, customer: order?["externalId"],
                                country: order?["country"] ?? "", quantity: quantity, priceCents: item["unitPriceCents"], costCents: cost),
                       storeID: storeID, db: db)
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

    static func insert(_ line: Line, storeID: Int64, db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO sales_lines
                (storeId, lineKey, invoice, day, at, productId, customerId, country, quantity, unitPriceMilli, costMilli, isCancellation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [storeID, line.key, line.invoice, ShopClock.dayString(line.at), line.at, line.productID, line.customer, line.country,
                             line.quantity, line.priceMilli, line.costMilli, line.cancellation])
    }
}
