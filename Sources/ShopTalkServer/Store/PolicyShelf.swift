import Foundation
import Logging
import ShopTalkCore

/// One store's policies in either backend, for the command line: `shoptalk policies import|list`.
public struct PolicyShelf: Sendable {
    public let store: Store
    public let policies: any PolicyStore

    /// Opens the database at `location` (a SQLite file or a postgres:// URL), migrates it, finds the store
    /// `slug` and runs `body`; nil when there is no such store.
    public static func at<T: Sendable>(_ location: String, slug: String, logger: Logger, _ body: (PolicyShelf) async throws -> T) async throws -> T? {
        try await CommandDatabase.at(location, logger: logger) { database in
            guard let store = try await database.store(slug: slug) else { return nil }
            switch database {
            case .sqlite(let database): return try await body(PolicyShelf(store: store, policies: SQLitePolicies(database: database)))
            case .postgres(let database): return try await body(PolicyShelf(store: store, policies: PostgresPolicies(database: database)))
            }
        }
    }

    /// What an import did.
    public struct ImportReport: Sendable {
        public var created: [String] = []
        public var replaced: [String] = []
        public var problems: [PolicyMarkdown.Problem] = []
    }

    /// Saves every section in the Markdown folder `directory`, one at a time, so that a section that
    /// cannot be saved is reported and the others still are. Sections not in the folder stay.
    public func importFolder(_ directory: String, now: Date) async throws -> ImportReport {
        let read = try PolicyMarkdown.readFolder(directory, now: now)
        var report = ImportReport(problems: read.problems)
        for section in read.sections {
            do {
                if try await policies.savePolicy(section, storeID: store.id) {
                    report.created.append(section.slug)
                } else {
                    report.replaced.append(section.slug)
                }
            } catch let error as TooManyPolicySections {
                report.problems.append(PolicyMarkdown.Problem(file: section.slug, reason: error.description))
            }
        }
        return report
    }
}
