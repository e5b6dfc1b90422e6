import ArgumentParser
import Foundation
import ShopTalkCore
import ShopTalkServer

/// `shoptalk import products FILE --store S`.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import data from CSV files.", subcommands: [Products.self])

    struct Products: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import products from CSV, upserting by SKU; bad rows are reported and skipped.",
            discussion: "Columns: sku,name,price and optionally brand,category,description,original_price,cost,stock,low_stock_threshold,colors,sizes,rating,image_url (lists separated by |)."
        )
        @Argument(help: "CSV file.") var file: String
        @Option(help: "Store slug.") var store: String
        @Option(help: "SQLite database file. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("Cannot read \(file) as UTF-8 text.") }
            let database = try AppDatabase.open(path: EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite"))
            guard let target = try await database.store(slug: store) else { throw ValidationError("There is no store \(store).") }
            let report = try await ProductImporter(database: database).importCSV(text, storeID: target.id, now: Date())
            for problem in report.problems {
                FileHandle.standardError.write(Data("\(file):\(problem.line): \(problem.reason)\n".utf8))
            }
            print("Imported \(report.created + report.updated) products into \(store): \(report.created) new, \(report.updated) updated, \(report.problems.count) rows skipped.")
        }
    }
}
