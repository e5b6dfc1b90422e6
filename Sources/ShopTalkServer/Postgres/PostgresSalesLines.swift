import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// The sales lines behind the owner's analytics on PostgreSQL, as SQLite's `sales_lines`: one row per
/// invoice line from imports, the demo store and orders placed through the API, prices in thousandths,
/// and a line key that stores each line once. The four rollups are kept by statement-level triggers
/// over the rows each statement inserted or deleted, so a bulk insert of thousands of lines updates each
/// rollup row once.
enum PostgresSalesLines {
    static let columns = "store_id, line_key, invoice, day, at, product_id, customer_id, country, quantity, unit_price_milli, cost_milli, is_cancellation"

    /// The amounts every rollup keeps, from a set of lines `l`.
    private static let amounts = """
        SUM(l.quantity), SUM(l.quantity * l.unit_price_milli), COALESCE(SUM(l.quantity * l.cost_milli), 0),
        COALESCE(SUM(CASE WHEN l.cost_milli IS NULL THEN 0 ELSE l.quantity * l.unit_price_milli END), 0)
        """
    private static func add(_ table: String) -> String {
        """
        units = \(table).units + EXCLUDED.units, revenue_milli = \(table).revenue_milli + EXCLUDED.revenue_milli,
        cost_milli = \(table).cost_milli + EXCLUDED.cost_milli, costed_revenue_milli = \(table).costed_revenue_milli + EXCLUDED.costed_revenue_milli
        """
    }
    private static func rollupTable(_ name: String, _ first: String, _ second: String, _ secondType: String) -> String {
        """
        CREATE TABLE \(name) (
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE, \(first) text NOT NULL, \(second) \(secondType) NOT NULL,
            units bigint NOT NULL, revenue_milli bigint NOT NULL, cost_milli bigint NOT NULL, costed_revenue_milli bigint NOT NULL,
            PRIMARY KEY (store_id, \(first), \(second))
        )
        """
    }

    /// Rolls the transition table `lines` into the rollups, adding (`sign` 1) or taking away (`sign` -1).
    private static func rollUp(_ lines: String, sign: String) -> String {
        let signed = amounts.replacingOccurrences(of: "SUM(", with: "\(sign) * SUM(")
        return """
        INSERT INTO sales_day AS t SELECT l.store_id, l.day, l.country, \(signed)
            FROM \(lines) l GROUP BY l.store_id, l.day, l.country ORDER BY 1, 2, 3 ON CONFLICT (store_id, day, country) DO UPDATE SET \(add("t"));
        INSERT INTO sales_day_product AS t SELECT l.store_id, l.day, COALESCE(l.product_id, 0), \(signed)
            FROM \(lines) l GROUP BY l.store_id, l.day, COALESCE(l.product_id, 0) ORDER BY 1, 2, 3 ON CONFLICT (store_id, day, product_id) DO UPDATE SET \(add("t"));
        INSERT INTO sales_month_product AS t SELECT l.store_id, substr(l.day, 1, 7), COALESCE(l.product_id, 0), \(signed)
            FROM \(lines) l GROUP BY l.store_id, substr(l.day, 1, 7), COALESCE(l.product_id, 0) ORDER BY 1, 2, 3
            ON CONFLICT (store_id, month, product_id) DO UPDATE SET \(add("t"));
        """
    }

    static let migration = PostgresMigration(name: "pg16-sales-lines", statements: [
        "ALTER TABLE products ADD COLUMN stock_tracked boolean NOT NULL DEFAULT true",
        """
        CREATE TABLE sales_lines (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            line_key text NOT NULL,
            invoice text NOT NULL,
            day text NOT NULL,
            at timestamptz NOT NULL,
            product_id bigint REFERENCES products(id) ON DELETE SET NULL,
            customer_id text,
            country text NOT NULL DEFAULT '',
            quantity bigint NOT NULL,
            unit_price_milli bigint NOT NULL,
            cost_milli bigint,
            is_cancellation boolean NOT NULL,
            UNIQUE (store_id, line_key)
        )
        """,
        "CREATE INDEX sales_lines_store_day ON sales_lines (store_id, day)",
        "CREATE INDEX sales_lines_store_product_day ON sales_lines (store_id, product_id, day)",
        "CREATE INDEX sales_lines_store_customer_day ON sales_lines (store_id, customer_id, day)",
        "CREATE INDEX sales_lines_store_invoice ON sales_lines (store_id, invoice)",
        rollupTable("sales_day", "day", "country", "text"),
        rollupTable("sales_day_product", "day", "product_id", "bigint"),
        rollupTable("sales_month_product", "month", "product_id", "bigint"),
        """
        CREATE TABLE sales_invoices (
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE, invoice text NOT NULL, day text NOT NULL,
            customer_id text, country text NOT NULL, is_cancellation boolean NOT NULL, units bigint NOT NULL, revenue_milli bigint NOT NULL,
            PRIMARY KEY (store_id, invoice)
        )
        """,
        "CREATE INDEX sales_invoices_day ON sales_invoices (store_id, day)",
        "CREATE INDEX sales_invoices_customer ON sales_invoices (store_id, customer_id, day)",
        """
        CREATE FUNCTION sales_lines_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(rollUp("new_lines", sign: "1"))
            INSERT INTO sales_invoices AS t SELECT l.store_id, l.invoice, MIN(l.day), MIN(l.customer_id), MIN(l.country), bool_or(l.is_cancellation),
                SUM(l.quantity), SUM(l.quantity * l.unit_price_milli) FROM new_lines l GROUP BY l.store_id, l.invoice ORDER BY 1, 2
            ON CONFLICT (store_id, invoice) DO UPDATE SET units = t.units + EXCLUDED.units, revenue_milli = t.revenue_milli + EXCLUDED.revenue_milli;
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION sales_lines_unrollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(rollUp("old_lines", sign: "-1"))
            UPDATE sales_invoices t SET units = t.units - o.units, revenue_milli = t.revenue_milli - o.revenue
                FROM (SELECT store_id, invoice, SUM(quantity) AS units, SUM(quantity * unit_price_milli) AS revenue FROM old_lines GROUP BY store_id, invoice) o
                WHERE t.store_id = o.store_id AND t.invoice = o.invoice;
            DELETE FROM sales_invoices t USING (SELECT DISTINCT store_id, invoice FROM old_lines) o
                WHERE t.store_id = o.store_id AND t.invoice = o.invoice
                AND NOT EXISTS (SELECT 1 FROM sales_lines s WHERE s.store_id = o.store_id AND s.invoice = o.invoice);
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER sales_lines_rollup AFTER INSERT ON sales_lines REFERENCING NEW TABLE AS new_lines
            FOR EACH STATEMENT EXECUTE FUNCTION sales_lines_rollup()
        """,
        """
        CREATE TRIGGER sales_lines_unrollup AFTER DELETE ON sales_lines REFERENCING OLD TABLE AS old_lines
            FOR EACH STATEMENT EXECUTE FUNCTION sales_lines_unrollup()
        """,
        // What an owner sets for reorder quantities, and codes refused at checkout (for order risk), as on SQLite.
        """
        CREATE TABLE inventory_settings (
            store_id bigint PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
            lead_time_days bigint NOT NULL, order_cost double precision NOT NULL,
            holding_rate double precision NOT NULL, service_level double precision NOT NULL
        )
        """,
        """
        CREATE TABLE code_attempts (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            email text NOT NULL,
            code text NOT NULL,
            at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX code_attempts_store_email ON code_attempts (store_id, lower(email), at)",
        "CREATE INDEX orders_store_email ON orders (store_id, lower(email), placed_at)",
    ])

    /// Stores `lines` in statements of at most 500 rows; returns how many were new.
    @discardableResult
    static func insert(_ lines: [SalesLines.Line], storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var stored = 0
        var start = 0
        while start < lines.count {
            let batch = lines[start..<min(lines.count, start + 500)]
            start += batch.count
            var binds = PostgresBindings()
            var rows: [String] = []
            rows.reserveCapacity(batch.count)
            for line in batch {
                let first = binds.count
                binds.append(storeID)
                binds.append(line.key)
                binds.append(line.invoice)
                binds.append(ShopClock.dayString(line.at))
                binds.append(line.at)
                binds.append(line.productID)
                binds.append(line.customer)
                binds.append(line.country)
                binds.append(line.quantity)
                binds.append(line.priceMilli)
                binds.append(line.costMilli)
                binds.append(line.cancellation)
                rows.append("(" + (1...12).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
            }
            let query = PostgresQuery(unsafeSQL: """
                INSERT INTO sales_lines (\(columns)) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (store_id, line_key) DO NOTHING RETURNING 1
                """, binds: binds)
            stored += try await connection.rows(query, logger: logger).count
        }
        return stored
    }

    /// Negative lines (a "C" invoice) undoing the sale of a cancelled or returned order, keyed by the
    /// order so that it is never undone twice.
    static func undoSale(orderID: Int64, at now: Date, storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.rows("""
            SELECT i.product_id, i.quantity, i.unit_price_cents, p.cost_cents, o.number, o.country, c.external_id
            FROM order_items i JOIN orders o ON o.id = i.order_id LEFT JOIN customers c ON c.id = o.customer_id
            LEFT JOIN products p ON p.id = i.product_id WHERE i.order_id = \(orderID) ORDER BY i.id
            """, logger: logger)
        var lines: [SalesLines.Line] = []
        for (index, row) in rows.enumerated() {
            let (productID, quantity, price, cost, number, country, customer) = try row.decode((Int64?, Int, Int, Int?, String, String, String?).self)
            lines.append(.undoing(number: number, index: index, at: now, productID: productID, customer: customer, country: country,
                                  quantity: quantity, priceCents: price, costCents: cost))
        }
        try await insert(lines, storeID: storeID, on: connection, logger: logger)
    }
}
