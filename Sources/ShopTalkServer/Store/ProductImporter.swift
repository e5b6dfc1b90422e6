import Foundation
import GRDB
import Logging
import ShopTalkCore

/// Imports products from CSV, upserting by SKU. Columns (header row required, any order):
/// `sku, name, price` and optionally `brand, category, description, original_price, cost, stock,
/// low_stock_threshold, colors, sizes, rating, image_url`; lists use `|` ("black|white"). A bad row is
/// reported with its line number and reason and skipped; every good row is kept.
public struct ProductImporter: Sendable {
    public struct Report: Sendable {
        public var created = 0
        public var updated = 0
        public var problems: [(line: Int, reason: String)] = []
    }

    /// Writes the valid rows in one transaction; returns how many were created and how many updated.
    let write: @Sendable (_ products: [Product], _ storeID: Int64, _ now: Date) async throws -> (created: Int, updated: Int)

    public init(database: AppDatabase) {
        write = { products, storeID, now in try await Self.write(products, storeID: storeID, now: now, database: database) }
    }

    /// Imports into PostgreSQL: one transaction through the catalog, which tells every instance.
    public init(catalog: PostgresCatalog) {
        write = { products, storeID, now in try await catalog.importProducts(products, storeID: storeID, now: now) }
    }

    /// Runs `body` with an importer for the store `slug` at `location` (a SQLite file or a postgres:// URL),
    /// or returns nil when there is no such store.
    public static func at<T: Sendable>(_ location: String, slug: String, logger: Logger,
                                       _ body: (ProductImporter, Store) async throws -> T) async throws -> T? {
        try await CommandDatabase.at(location, logger: logger) { database in
            guard let store = try await database.store(slug: slug) else { return nil }
            switch database {
            case .sqlite(let database): return try await body(ProductImporter(database: database), store)
            case .postgres(let database): return try await body(ProductImporter(catalog: CommandDatabase.catalog(database)), store)
            }
        }
    }

    public func importCSV(_ text: String, storeID: Int64, now: Date) async throws -> Report {
        try await importCSV(bytes: Array(text.utf8), storeID: storeID, now: now)
    }

    /// Imports the bytes of a CSV file; a row that is not valid UTF-8, holds a NUL byte or is too long is
    /// reported and skipped.
    public func importCSV(bytes: [UInt8], storeID: Int64, now: Date) async throws -> Report {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { return Report() }
        if let problem = header.problem { return Report(problems: [(header.line, "the header row cannot be read: \(problem)")]) }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var report = Report()
        for required in ["sku", "name", "price"] where !columns.contains(required) {
            report.problems.append((header.line, "missing column \(required)"))
        }
        guard report.problems.isEmpty else { return report }
        let rename = ["original_price": "originalPrice", "low_stock_threshold": "lowStockThreshold", "image_url": "imageUrl"]
        var rows: [(Int, Product)] = []
        while let record = reader.next() {
            if let problem = record.problem {
                report.problems.append((record.line, problem))
                continue
            }
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == columns.count else {
                report.problems.append((record.line, "expected \(columns.count) fields, found \(record.fields.count)"))
                continue
            }
            var body: [String: JSONValue] = [:]
            for (column, raw) in zip(columns, record.fields) {
                let value = raw.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                let key = rename[column] ?? column
                switch key {
                case "price", "originalPrice", "cost", "stock", "lowStockThreshold", "rating":
                    if let number = Double(value) { body[key] = .number(number) } else { body[key] = .string(value) }
                case "colors", "sizes":
                    body[key] = .array(value.split(separator: "|").map { .string(String($0)) })
                default:
                    body[key] = .string(value)
                }
            }
            var product = Product(id: 0, sku: "", name: "", brand: "", category: "", description: "", price: .zero, stock: 0, lowStockThreshold: 5)
            do {
                try CatalogAdmin.apply(body, to: &product, creating: true)
                rows.append((record.line, product))
            } catch let error as ChatError {
                let detail = error.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
                report.problems.append((record.line, detail.isEmpty ? error.message : detail))
            }
        }
        let counts = try await write(rows.map(\.1), storeID, now)
        report.created = counts.created
        report.updated = counts.updated
        return report
    }

    static func write(_ products: [Product], storeID: Int64, now: Date, database: AppDatabase) async throws -> (created: Int, updated: Int) {
        try await database.writer.write { db -> (Int, Int) in
            var created = 0
            var updated = 0
            for product in products {
                var record = ProductRecord(storeId: storeID, product: product, at: now)
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM products WHERE storeId = ? AND sku = ?", arguments: [storeID, product.sku]) {
                    record.id = id
                    let existing = try ProductRecord.fetchOne(db, key: id)
                    record.popularity = existing?.popularity ?? 0
                    record.createdAt = existing?.createdAt ?? now
                    try record.update(db)
                    updated += 1
                } else {
                    try record.insert(db)
                    created += 1
                }
            }
            return (created, updated)
        }
    }
}
