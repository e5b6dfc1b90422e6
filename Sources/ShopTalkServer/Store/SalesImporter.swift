import Foundation
import GRDB
import ShopTalkCore

/// Imports sales lines from CSV into a store, creating the store if it is missing.
///
/// `online-retail` is the UCI Online Retail layout (InvoiceNo, StockCode, Description, Quantity,
/// InvoiceDate, UnitPrice, CustomerID, Country): products by StockCode (case-insensitive) named by their
/// most frequent Description, customers by CustomerID ("12923.0" → "12923", empty = guest), invoices
/// starting with "C" are cancellations whose negative quantities subtract, and dates come as
/// "2011-10-06 16:20:00" or "12/1/2010 8:26". `shoptalk` is the generic layout (order_number, date, sku,
/// product_name, quantity, unit_price, customer_id, country, and optionally category, brand, cost), where a
/// negative quantity is a return. A bad row is reported with its line number and reason and skipped;
/// every good row is kept; importing the same file again adds nothing.
public struct SalesImporter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case onlineRetail = "online-retail"
        case shoptalk
    }

    public struct Report: Sendable {
        public var lines = 0
        public var imported = 0
        public var alreadyPresent = 0
        public var problems: [(line: Int, reason: String)] = []
        public var products = 0
        public var customers = 0
        public var invoices = 0
    }

    struct Row {
        var invoice: String
        var stockCode: String
        var description: String
        var quantity: Int
        var at: Date
        var priceMilli: Int
        var customer: String?
        var country: String
        var category: String
        var brand: String
        var costMilli: Int?
        var cancellation: Bool
    }

    /// Stores parsed rows in a store (created when missing): (lines imported, products, customers, invoices).
    typealias Writer = @Sendable (_ rows: [(Int, Row)], _ slug: String, _ currency: String, _ now: Date,
                                  _ progress: @Sendable (Double) -> Void) async throws -> (Int, Int, Int, Int)
    let write: Writer

    public init(database: AppDatabase) {
        write = { rows, slug, currency, now, progress in
            try await Self.write(rows, slug: slug, currency: currency, now: now, database: database, progress: progress)
        }
    }

    /// Imports into PostgreSQL, in one transaction that tells running instances the catalog changed.
    public init(database: PostgresAppDatabase) {
        write = { rows, slug, currency, now, progress in
            try await PostgresSalesImport(catalog: CommandDatabase.catalog(database)).write(rows, slug: slug, currency: currency, now: now, progress: progress)
        }
    }

    /// The largest quantity one line may have, either way.
    static let maxQuantity = 1_000_000
    /// The largest unit price or cost, in major units.
    static let maxUnitPrice = 1_000_000

    /// Imports `text`; `progress` is called with (records read, total bytes read fraction).
    public func importCSV(
        _ text: String, storeSlug: String, format: Format, currency: String, now: Date,
        progress: @Sendable (Double) -> Void = { _ in }
    ) async throws -> Report {
        try await importCSV(bytes: Array(text.utf8), storeSlug: storeSlug, format: format, currency: currency, now: now, progress: progress)
    }

    /// Imports the bytes of a CSV file: a row that is not valid UTF-8, holds a NUL byte or is too long is
    /// reported and skipped like any other bad row.
    public func importCSV(
        bytes: [UInt8], storeSlug: String, format: Format, currency: String, now: Date,
        progress: @Sendable (Double) -> Void = { _ in }
    ) async throws -> Report {
        let (parsedReport, rows) = Self.parse(bytes: bytes, format: format, progress: progress)
        var report = parsedReport
        guard let parsed = rows else { return report }
        let counts = try await write(parsed, storeSlug, currency, now, progress)
        progress(1)
        report.imported = counts.0
        report.alreadyPresent = parsed.count - counts.0
        report.products = counts.1
        report.customers = counts.2
        report.invoices = counts.3
        return report
    }

    static func write(
        _ parsed: [(Int, Row)], slug: String, currency: String, now: Date, database: AppDatabase, progress: @Sendable (Double) -> Void
    ) async throws -> (Int, Int, Int, Int) {
        try await database.writer.write { db -> (Int, Int, Int, Int) in
            let storeID = try Self.store(slug: slug, currency: currency, now: now, db: db)
            var productIDs: [String: Int64] = [:]
            for product in Self.products(of: parsed) {
                let sample = product.sample
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM products WHERE storeId = ? AND sku = ? COLLATE NOCASE", arguments: [storeID, product.code]) {
                    if product.described {
                        try db.execute(sql: "UPDATE products SET name = ?, updatedAt = ? WHERE id = ?", arguments: [product.name, now, id])
                    }
                    productIDs[product.code] = id
                } else {
                    try db.execute(sql: """
                        INSERT INTO products (storeId, sku, name, brand, category, description, priceCents, costCents, stock,
                            lowStockThreshold, stockTracked, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, '', ?, ?, 0, 0, 0, ?, ?)
                        """, arguments: [storeID, product.code, product.name, sample?.brand ?? "", sample?.category ?? "", product.priceCents,
                                         sample?.costMilli.map { $0 / 10 }, now, now])
                    productIDs[product.code] = db.lastInsertedRowID
                }
            }
            var customers = Set<String>()
            for (_, row) in parsed {
                guard let customer = row.customer, customers.insert(customer).inserted else { continue }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO customers (storeId, externalId, name, email, country, createdAt) VALUES (?, ?, '', '', ?, ?)
                    """, arguments: [storeID, customer, row.country, now])
            }
            // Bulk load: the per-row rollup trigger is suspended inside this transaction and the new lines are rolled
            // up in one pass at the end; the trigger is re-created from its own stored SQL.
            let trigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sales_lines_rollup'")
            let lastID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM sales_lines") ?? 0
            if trigger != nil { try db.execute(sql: "DROP TRIGGER sales_lines_rollup") }
            let statement = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO sales_lines
                    (storeId, lineKey, invoice, day, at, productId, customerId, country, quantity, unitPriceMilli, costMilli, isCancellation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var imported = 0
            for (position, ((_, row), key)) in zip(parsed, Self.lineKeys(parsed)).enumerated() {
                try statement.execute(arguments: [
                    storeID, key, row.invoice, ShopClock.dayString(row.at), row.at, productIDs[row.stockCode],
                    row.customer, row.country, row.quantity, row.priceMilli, row.costMilli, row.cancellation,
                ])
                imported += db.changesCount
                if position % 10_000 == 0 { progress(0.5 + 0.5 * Double(position) / Double(max(1, parsed.count))) }
            }
            if let trigger {
                try SalesLines.rollUp(linesAfter: lastID, db: db)
                try db.execute(sql: trigger)
            }
            return (imported, productIDs.count, customers.count, Set(parsed.map(\.1.invoice)).count)
        }
    }

    /// Reads the rows of a CSV file: the good ones, and a report of the bad ones with their line numbers.
    /// The rows are nil when the header cannot be used.
    static func parse(bytes: [UInt8], format: Format, progress: @Sendable (Double) -> Void) -> (Report, [(Int, Row)]?) {
        var report = Report()
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { return (report, nil) }
        if let problem = header.problem {
            report.problems.append((header.line, "the header row cannot be read: \(problem)"))
            return (report, nil)
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let required = format == .onlineRetail
            ? ["invoiceno", "stockcode", "description", "quantity", "invoicedate", "unitprice", "customerid", "country"]
            : ["order_number", "date", "sku", "product_name", "quantity", "unit_price", "customer_id", "country"]
        let missing = required.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            report.problems.append((header.line, "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) for format \(format.rawValue)"))
            return (report, nil)
        }
        let index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [(Int, Row)] = []
        var estimated = max(1, bytes.count / 80)
        while let record = reader.next() {
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            report.lines += 1
            if report.lines % 5_000 == 0 {
                estimated = max(estimated, report.lines + 1)
                progress(0.5 * Double(report.lines) / Double(estimated))
            }
            if let problem = record.problem {
                report.problems.append((record.line, problem))
                continue
            }
            guard record.fields.count >= columns.count else {
                report.problems.append((record.line, "expected \(columns.count) fields, found \(record.fields.count)"))
                continue
            }
            func field(_ name: String) -> String {
                index[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            do {
                rows.append((record.line, try format == .onlineRetail ? Self.onlineRetail(field) : Self.generic(field)))
            } catch {
                report.problems.append((record.line, (error as? RowError)?.reason ?? "the row cannot be read"))
            }
        }
        progress(0.5)
        return (report, rows)
    }

    /// A product an import names: its code, its most frequent description (the code when it has none),
    /// and its latest priced row for the price, brand, category and cost of a new product.
    struct ImportedProduct {
        let code: String
        let name: String
        let described: Bool
        let sample: Row?
        var priceCents: Int { max(1, (sample?.priceMilli ?? 0) / 10) }
    }

    static func products(of parsed: [(Int, Row)]) -> [ImportedProduct] {
        var names: [String: [String: Int]] = [:]
        var latest: [String: (Date, Row)] = [:]
        for (_, row) in parsed {
            if !row.description.isEmpty { names[row.stockCode, default: [:]][row.description, default: 0] += 1 }
            if row.priceMilli > 0, latest[row.stockCode].map({ $0.0 < row.at }) ?? true { latest[row.stockCode] = (row.at, row) }
        }
        return Set(parsed.map(\.1.stockCode)).sorted().map { code in
            let name = names[code]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            return ImportedProduct(code: code, name: name ?? code, described: name != nil, sample: latest[code]?.1)
        }
    }

    /// Each row's line key: its content, numbered among rows with the same content, so that importing a
    /// file again stores nothing new while identical lines within one file are all kept.
    static func lineKeys(_ parsed: [(Int, Row)]) -> [String] {
        var occurrences: [String: Int] = [:]
        return parsed.map { _, row in
            let content = "\(row.invoice)|\(row.stockCode)|\(row.quantity)|\(row.priceMilli)|\(Int(row.at.timeIntervalSince1970))|\(row.customer ?? "")"
            let occurrence = occurrences[content, default: 0]
            occurrences[content] = occurrence + 1
            return "\(content)#\(occurrence)"
        }
    }

    struct RowError: Error {
        let reason: String
    }

    static func onlineRetail(_ field: (String) -> String) throws -> Row {
        let invoice = field("invoiceno")
        guard !invoice.isEmpty else { throw RowError(reason: "InvoiceNo is empty") }
        let code = field("stockcode").uppercased()
        guard !code.isEmpty else { throw RowError(reason: "StockCode is empty") }
        let quantity = try Self.quantity(field("quantity"), column: "Quantity")
        guard let at = parseDate(field("invoicedate")) else { throw RowError(reason: "InvoiceDate \"\(field("invoicedate").prefix(30))\" is not a date") }
        let priceMilli = try Self.milli(field("unitprice"), column: "UnitPrice")
        let cancellation = invoice.uppercased().hasPrefix("C")
        guard !cancellation || quantity <= 0 else { throw RowError(reason: "cancellation \(invoice) has a positive quantity") }
        return Row(
            invoice: invoice.uppercased(), stockCode: code, description: field("description"), quantity: quantity, at: at,
            priceMilli: priceMilli, customer: try customerID(field("customerid")), country: field("country"),
            category: "", brand: "", costMilli: nil, cancellation: cancellation
        )
    }

    static func generic(_ field: (String) -> String) throws -> Row {
        let invoice = field("order_number")
        guard !invoice.isEmpty else { throw RowError(reason: "order_number is empty") }
        let code = field("sku").uppercased()
        guard !code.isEmpty else { throw RowError(reason: "sku is empty") }
        let quantity = try Self.quantity(field("quantity"), column: "quantity")
        guard quantity != 0 else { throw RowError(reason: "quantity must be a non-zero whole number") }
        guard let at = parseDate(field("date")) else { throw RowError(reason: "date \"\(field("date").prefix(30))\" is not a date") }
        let priceMilli = try Self.milli(field("unit_price"), column: "unit_price")
        let costMilli = field("cost").isEmpty ? nil : try Self.milli(field("cost"), column: "cost")
        return Row(
            invoice: (quantity < 0 ? "C" : "") + invoice, stockCode: code, description: field("product_name"), quantity: quantity, at: at,
            priceMilli: priceMilli, customer: try customerID(field("customer_id")), country: field("country"),
            category: field("category").lowercased(), brand: field("brand"), costMilli: costMilli,
            cancellation: quantity < 0
        )
    }

    /// A whole quantity within ±`maxQuantity` (so that no sum of a file's lines can overflow).
    static func quantity(_ raw: String, column: String) throws -> Int {
        guard let quantity = Int(raw) else { throw RowError(reason: "\(column) \"\(raw.prefix(20))\" is not a whole number") }
        guard quantity.magnitude <= maxQuantity else { throw RowError(reason: "\(column) \(raw.prefix(20)) is beyond ±\(maxQuantity)") }
        return quantity
    }

    /// A price or cost of at least 0 and at most `maxUnitPrice`, in thousandths.
    static func milli(_ raw: String, column: String) throws -> Int {
        guard let value = Double(raw), value.isFinite else { throw RowError(reason: "\(column) \"\(raw.prefix(20))\" is not a number") }
        guard value >= 0 else { throw RowError(reason: "\(column) \(raw.prefix(20)) is negative") }
        guard let milli = Int(scaling: value, by: 1000, within: 0...Double(maxUnitPrice)) else {
            throw RowError(reason: "\(column) \(raw.prefix(20)) is above \(Money.grouped(String(maxUnitPrice)))")
        }
        return milli
    }

    static func customerID(_ raw: String) throws -> String? {
        guard !raw.isEmpty else { return nil }
        var id = raw
        if id.hasSuffix(".0") { id = String(id.dropLast(2)) }
        guard !id.isEmpty, id.count <= 40, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw RowError(reason: "CustomerID \"\(raw.prefix(20))\" is not an id")
        }
        return id
    }

    /// "2011-10-06 16:20:00", "2011-10-06", "12/1/2010 8:26" (month/day/year, as the UCI data writes it).
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first else { return nil }
        var components = DateComponents()
        if datePart.contains("-") {
            let pieces = datePart.split(separator: "-").compactMap { Int($0) }
            guard pieces.count == 3 else { return nil }
            (components.year, components.month, components.day) = (pieces[0], pieces[1], pieces[2])
        } else {
            let pieces = datePart.split(separator: "/").compactMap { Int($0) }
            guard pieces.count == 3 else { return nil }
            (components.month, components.day, components.year) = (pieces[0], pieces[1], pieces[2] < 100 ? 2000 + pieces[2] : pieces[2])
        }
        if parts.count > 1 {
            let time = parts[1].split(separator: ":").compactMap { Int($0) }
            guard time.count >= 2, (0..<24).contains(time[0]), (0..<60).contains(time[1]) else { return nil }
            components.hour = time[0]
            components.minute = time[1]
            components.second = time.count > 2 ? time[2] : 0
        }
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
              let year = components.year, (1900...2200).contains(year),
              let date = ShopClock.calendar.date(from: components), ShopClock.calendar.component(.day, from: date) == day
        else { return nil }
        return date
    }

    static func store(slug: String, currency: String, now: Date, db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM stores WHERE slug = ?", arguments: [slug]) { return id }
        try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES (?, ?, ?, ?)", arguments: [slug, storeName(slug), currency, now])
        return db.lastInsertedRowID
    }

    /// The name of a store an import creates: its slug's words, capitalised.
    static func storeName(_ slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
