import Foundation
import GRDB
import ShopTalkCore

/// Notices products falling to or below their low-stock threshold after an order or a stock update.
/// A product alerts at most once per 24 hours, and its alert is resolved when it is restocked above the
/// threshold (after which a new fall alerts again).
enum StockWatch {
    /// A product that just ran low.
    struct LowStock: Encodable {
        let productId: Int64
        let sku: String
        let name: String
        let stock: Int
        let threshold: Int
    }

    /// Checks `productIDs` inside the transaction that changed their stock; returns the alerts to send.
    static func check(_ productIDs: [Int64], storeID: Int64, now: Date, db: Database) throws -> [LowStock] {
        var alerts: [LowStock] = []
        // An owner's alert threshold, when set, stands for every product's own.
        let override = try AlertPreferences.fetch(storeID: storeID, db: db).lowStockThreshold
        for id in Set(productIDs) {
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, sku, name, stock, lowStockThreshold FROM products WHERE id = ? AND storeId = ? AND stockTracked = 1
                """, arguments: [id, storeID]) else { continue }
            let stock: Int = row["stock"]
            let threshold: Int = override ?? row["lowStockThreshold"]
            let previous = try Row.fetchOne(db, sql: "SELECT alertedAt, resolvedAt FROM stock_alerts WHERE storeId = ? AND productId = ?", arguments: [storeID, id])
            if stock > threshold {
                if previous != nil, previous?["resolvedAt"] as Date? == nil {
                    try db.execute(sql: "UPDATE stock_alerts SET resolvedAt = ? WHERE storeId = ? AND productId = ?", arguments: [now, storeID, id])
                }
                // Restocked: its alerts in the history are resolved too.
                try db.execute(sql: "UPDATE alert_log SET resolvedAt = ? WHERE storeId = ? AND kind = 'low_stock' AND subject = ? AND resolvedAt IS NULL",
                               arguments: [now, storeID, String(id)])
                continue
            }
            if let previous {
                let alertedAt: Date = previous["alertedAt"]
                let open = previous["resolvedAt"] as Date? == nil
                if open || now.timeIntervalSince(alertedAt) < 86_400 { continue }
            }
            try db.execute(sql: """
                INSERT INTO stock_alerts (storeId, productId, alertedAt, resolvedAt) VALUES (?, ?, ?, NULL)
                ON CONFLICT(storeId, productId) DO UPDATE SET alertedAt = excluded.alertedAt, resolvedAt = NULL
                """, arguments: [storeID, id, now])
            alerts.append(LowStock(productId: id, sku: row["sku"], name: row["name"], stock: stock, threshold: threshold))
        }
        return alerts
    }

    static func message(_ alert: LowStock) -> String {
        alert.stock <= 0 ? "\(alert.name) is out of stock." : "\(alert.name) is low on stock: \(alert.stock) left (threshold \(alert.threshold))."
    }
}
