import Foundation
import GRDB
import ShopTalkCore

/// The catalog in SQLite, read through each store's in-memory `CatalogSnapshot`: searches, products by
/// id and the vocabulary come from the snapshot, so the database is read at start-up and on change only.
/// `searchInDatabase` is the same search run by SQLite (FTS5 text match plus structured filters, ranked
/// by relevance, then popularity from order history, then rating); the benchmark and the tests hold
/// the two engines to the same answers. Every statement binds its values.
public struct SQLiteCatalog: CatalogStore {
    let database: AppDatabase
    public let snapshots: CatalogSnapshots

    public init(database: AppDatabase) {
        self.database = database
        self.snapshots = CatalogSnapshots(database: database)
    }

    public func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        try await snapshots.snapshot(storeID: storeID).search(query)
    }

    /// The search run by SQLite's full-text index instead of the snapshot.
    public func searchInDatabase(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        let match = query.text.flatMap(Self.matchExpression)
        var source = "products p"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let match {
            // The full-text index drives the join: it finds the matching rows once, and each is looked up
            // by primary key. (Joined the other way, SQLite runs the MATCH once per product: 175× slower.)
            source = "products_fts f CROSS JOIN products p ON p.id = f.rowid"
            conditions.append("products_fts MATCH ?")
            arguments += [match]
        }
        conditions.append("p.storeId = ?")
        arguments += [storeID]
        if let category = query.category {
            conditions.append("p.category = ? COLLATE NOCASE")
            arguments += [category]
        }
        if let brand = query.brand {
            conditions.append("p.brand = ? COLLATE NOCASE")
            arguments += [brand]
        }
        if let color = query.color {
            conditions.append("EXISTS (SELECT 1 FROM json_each(p.colors) WHERE json_each.value = ? COLLATE NOCASE)")
            arguments += [color]
        }
        if let size = query.size {
            conditions.append("EXISTS (SELECT 1 FROM json_each(p.sizes) WHERE json_each.value = ? COLLATE NOCASE)")
            arguments += [size]
        }
        if let minPrice = query.minPrice {
            conditions.append("p.priceCents >= ?")
            arguments += [minPrice.cents]
        }
        if let maxPrice = query.maxPrice {
            conditions.append("p.priceCents <= ?")
            arguments += [maxPrice.cents]
        }
        if query.inStockOnly {
            conditions.append("p.stock > 0")
        }
        let from = "FROM \(source) WHERE \(conditions.joined(separator: " AND "))"
        let order = query.cheapestFirst
            ? "p.priceCents, p.popularity DESC, p.id"
            : (match != nil ? "bm25(products_fts, 10.0, 5.0, 5.0, 1.0), " : "") + "p.popularity DESC, p.rating DESC, p.id"
        let countArguments = arguments
        let pageArguments = arguments + [query.limit, query.offset]
        return try await database.writer.read { db in
            // Statements are cached per connection: a search's shape repeats, so SQL is parsed once.
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) \(from)"), arguments: countArguments) ?? 0
            let records = try ProductRecord.fetchAll(
                db.cachedStatement(sql: "SELECT p.* \(from) ORDER BY \(order) LIMIT ? OFFSET ?"), arguments: pageArguments
            )
            return ProductPage(products: records.map(\.product), total: total)
        }
    }

    public func products(ids: [Int64], storeID: Int64) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        return try await snapshots.snapshot(storeID: storeID).products(ids: ids)
    }

    public func vocabulary(storeID: Int64) async throws -> CatalogVocabulary {
        try await snapshots.snapshot(storeID: storeID).vocabulary
    }

    public func updateDescription(productID: Int64, storeID: Int64, description: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE products SET description = ?, updatedAt = ? WHERE id = ? AND storeId = ?",
                           arguments: [description, Date(), productID, storeID])
        }
        await catalogChanged(storeID: storeID)
    }

    /// Drops a store's snapshot after its catalog changed through this server.
    public func catalogChanged(storeID: Int64) async {
        snapshots.invalidate(storeID: storeID)
    }

    /// An FTS5 query that ANDs the words of `text` as prefixes. Everything but letters and digits is
    /// dropped, so nothing a user types can change the query's syntax.
    static func matchExpression(_ text: String) -> String? {
        // Bounded whatever the caller sent: the cost of a match grows faster than its number of terms.
        let terms = ProductQuery.terms(of: text)
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
