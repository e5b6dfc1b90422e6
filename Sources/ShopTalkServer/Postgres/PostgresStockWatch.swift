import Foundation
import Logging
import PostgresNIO

/// `StockWatch` on PostgreSQL, with the same rule: after a change to its stock, a tracked product at or
/// below its threshold (the owner's alert threshold, when set, stands for every product's own) alerts,
/// unless its last alert is still open or less than 24 hours old; a product back above its threshold has
/// its alert resolved, after which a new fall alerts again. Run inside the transaction that changed the
/// stock, which holds the products' rows.
enum PostgresStockWatch {
    static let migration = PostgresMigration(name: "pg18-stock-alerts", statements: [
        """
        CREATE TABLE stock_alerts (
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            product_id bigint NOT NULL REFERENCES products(id) ON DELETE CASCADE,
            alerted_at timestamptz NOT NULL,
            resolved_at timestamptz,
            PRIMARY KEY (store_id, product_id)
        )
        """,
        // A product whose low-stock alert is open when this lands does not alert again before a restock.
        """
        INSERT INTO stock_alerts (store_id, product_id, alerted_at, resolved_at)
        SELECT a.store_id, p.id, max(a.created_at), NULL
        FROM alert_log a JOIN products p ON p.store_id = a.store_id
            AND p.id = CASE WHEN a.subject ~ '^[0-9]{1,18}$' THEN a.subject::bigint END
        WHERE a.kind = 'low_stock' AND a.resolved_at IS NULL
        GROUP BY a.store_id, p.id
        """,
    ])

    /// Checks `productIDs` after their stock changed; returns the alerts to send.
    static func check(_ productIDs: [Int64], storeID: Int64, now: Date, on connection: PostgresConnection, logger: Logger) async throws -> [StockWatch.LowStock] {
        let override = try await connection.rows("SELECT low_stock_threshold FROM alert_preferences WHERE store_id = \(storeID)", logger: logger)
            .first?.decode(Int?.self) ?? nil
        var alerts: [StockWatch.LowStock] = []
        for id in Set(productIDs).sorted() {
            guard let row = try await connection.rows("""
                SELECT sku, name, stock, low_stock_threshold FROM products WHERE id = \(id) AND store_id = \(storeID) AND stock_tracked
                """, logger: logger).first else { continue }
            let (sku, name, stock, own) = try row.decode((String, String, Int, Int).self)
            let threshold = override ?? own
            let previous = try await connection.rows("""
                SELECT alerted_at, resolved_at FROM stock_alerts WHERE store_id = \(storeID) AND product_id = \(id)
                """, logger: logger).first?.decode((Date, Date?).self)
            if stock > threshold {
                if let previous, previous.1 == nil {
                    try await connection.rows("""
                        UPDATE stock_alerts SET resolved_at = \(now) WHERE store_id = \(storeID) AND product_id = \(id)
                        """, logger: logger)
                }
                // Restocked: its alerts in the history are resolved too.
                try await connection.rows("""
                    UPDATE alert_log SET resolved_at = \(now)
                    WHERE store_id = \(storeID) AND kind = 'low_stock' AND subject = \(String(id)) AND resolved_at IS NULL
                    """, logger: logger)
                continue
            }
            if let (alertedAt, resolvedAt) = previous, resolvedAt == nil || now.timeIntervalSince(alertedAt) < 86_400 { continue }
            try await connection.rows("""
                INSERT INTO stock_alerts (store_id, product_id, alerted_at, resolved_at) VALUES (\(storeID), \(id), \(now), NULL)
                ON CONFLICT (store_id, product_id) DO UPDATE SET alerted_at = EXCLUDED.alerted_at, resolved_at = NULL
                """, logger: logger)
            alerts.append(StockWatch.LowStock(productId: id, sku: sku, name: name, stock: stock, threshold: threshold))
        }
        return alerts
    }
}
