import ArgumentParser
import Foundation
import ShopTalkCore
import ShopTalkServer

/// `shoptalk import products FILE --store S`.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import data from CSV files.", subcommands: [Products.self, Sales.self])

    struct Sales: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sales lines (creating the store if missing); bad rows are reported and skipped, re-imports add nothing.",
            discussion: """
                online-retail: the UCI Online Retail layout (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country).
                shoptalk: order_number,date,sku,product_name,quantity,unit_price,customer_id,country[,category,brand,cost]; a negative quantity is a return.
                """
        )
        @Argument(help: "CSV file.") var file: String
        @Option(help: "Store slug (created if missing).") var store: String
        @Option(help: "online-retail or shoptalk.") var format: String = "online-retail"
        @Option(help: "Currency of a store created by the import. [default: GBP for online-retail, USD for shoptalk]") var currency: String?
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            guard let format = SalesImporter.Format(rawValue: format) else {
                throw ValidationError("--format must be one of \(SalesImporter.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let bytes = try Import.read(file)
            let started = ContinuousClock.now
            let terminal = isatty(STDERR_FILENO) != 0
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            let report = try await CommandDatabase.at(location, logger: Policies.logger) { database in
                let importer = switch database {
                case .sqlite(let database): SalesImporter(database: database)
                case .postgres(let database): SalesImporter(database: database)
                }
                return try await importer.importCSV(
                    bytes: bytes, storeSlug: store, format: format, currency: currency ?? (format == .onlineRetail ? "GBP" : "USD"), now: ShopClock.system.now()
                ) { fraction in
                    guard terminal else { return }
                    let width = 30
                    let filled = min(width, max(0, Int(rounding: fraction * Double(width)) ?? 0))
                    FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(filled * 100 / width)%".utf8))
                }
            }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
            for problem in report.problems {
                FileHandle.standardError.write(Data("\(file):\(problem.line): \(problem.reason)\n".utf8))
            }
            let elapsed = ContinuousClock.now - started
            print("Read \(report.lines) lines in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2)))): \(report.imported) imported, \(report.alreadyPresent) already present, \(report.problems.count) bad rows skipped; \(report.products) products, \(report.customers) customers, \(report.invoices) invoices in store \(store).")
        }
    }

    struct Products: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import products from CSV, upserting by SKU; bad rows are reported and skipped.",
            discussion: "Columns: sku,name,price and optionally brand,category,description,original_price,cost,stock,low_stock_threshold,colors,sizes,rating,image_url (lists separated by |)."
        )
        @Argument(help: "CSV file.") var file: String
        @Option(help: "Store slug.") var store: String
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            let bytes = try Import.read(file)
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            guard let report = try await ProductImporter.at(location, slug: store, logger: Policies.logger, { importer, target in
                try await importer.importCSV(bytes: bytes, storeID: target.id, now: ShopClock.system.now())
            }) else { throw Policies.missingStore(store, location) }
            for problem in report.problems {
                FileHandle.standardError.write(Data("\(file):\(problem.line): \(problem.reason)\n".utf8))
            }
            print("Imported \(report.created + report.updated) products into \(store): \(report.created) new, \(report.updated) updated, \(report.problems.count) rows skipped.")
        }
    }

    /// The bytes of `file`, or an error that says what is wrong with the path.
    static func read(_ file: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw ValidationError("There is no such file: \(file).")
        }
        guard !isDirectory.boolValue else { throw ValidationError("\(file) is a folder, not a CSV file.") }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("Cannot read \(file): permission denied or unreadable.") }
        return [UInt8](data)
    }
}
