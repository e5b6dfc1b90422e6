import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// The catalog in PostgreSQL, read like SQLite's through each store's in-memory `CatalogSnapshot`:
/// searches, products by id and the vocabulary come from the snapshot. Every write counts up the store's
/// catalog version (triggers) and, with an outbox, publishes `catalog.changed` in the same transaction,
/// so every instance following the outbox drops its snapshot at once; without the event a snapshot still
/// notices the version within its recheck interval. `searchInDatabase` is the same search run by
/// PostgreSQL's full-text index (a stemmed `tsvector` with a GIN index). Every value is bound.
public struct PostgresCatalog: CatalogStore {
    let database: PostgresAppDatabase
    let outbox: EventOutbox?
    public let snapshots: CatalogSnapshots
    /// The outbox event a catalog write publishes.
    public static let changedEvent = "catalog.changed"

    public init(database: PostgresAppDatabase, outbox: EventOutbox? = nil, recheckInterval: Duration = .seconds(1)) {
        self.database = database
        self.outbox = outbox
        snapshots = CatalogSnapshots(source: PostgresCatalogSource(database: database), recheckInterval: recheckInterval)
    }

    public func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        try await snapshots.snapshot(storeID: storeID).search(query)
    }

    public func products(ids: [Int64], storeID: Int64) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        return try await snapshots.snapshot(storeID: storeID).products(ids: ids)
    }

    public func vocabulary(storeID: Int64) async throws -> CatalogVocabulary {
        try await snapshots.snapshot(storeID: storeID).vocabulary
    }

    /// Hands an event from the outbox to the catalog: a change on any instance drops the store's snapshot.
    public func apply(_ event: OutboxEvent) {
        guard event.kind == Self.changedEvent, let storeID = event.storeID else { return }
        snapshots.invalidate(storeID: storeID)
    }

    /// The search run by PostgreSQL's full-text index instead of the snapshot: every term of the text must
    /// match as a prefix of a stemmed word; ranked by text relevance (name above brand and category above
    /// description), then popularity, then rating.
    public func searchInDatabase(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        var binds = PostgresBindings()
        func bind(_ value: some PostgresNonThrowingEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var conditions = ["p.store_id = \(bind(storeID))"]
        var rank: String?
        if let text = query.text.flatMap(Self.tsquery) {
            let match = "to_tsquery('shoptalk', \(bind(text)))"
            conditions.append("p.search @@ \(match)")
            rank = "ts_rank(p.search, \(match)) DESC, "
        }
        if let category = query.category { conditions.append("lower(p.category) = lower(\(bind(category)))") }
        if let brand = query.brand { conditions.append("lower(p.brand) = lower(\(bind(brand)))") }
        if let color = query.color { conditions.append("EXISTS (SELECT 1 FROM unnest(p.colors) c WHERE lower(c) = lower(\(bind(color))))") }
        if let size = query.size { conditions.append("EXISTS (SELECT 1 FROM unnest(p.sizes) s WHERE lower(s) = lower(\(bind(size))))") }
        if let minPrice = query.minPrice { conditions.append("p.price_cents >= \(bind(minPrice.cents))") }
        if let maxPrice = query.maxPrice { conditions.append("p.price_cents <= \(bind(maxPrice.cents))") }
        if query.inStockOnly { conditions.append("p.stock > 0") }
        let from = "FROM products p WHERE \(conditions.joined(separator: " AND "))"
        let countQuery = PostgresQuery(unsafeSQL: "SELECT count(*) \(from)", binds: binds)
        let order = query.cheapestFirst
            ? "p.price_cents, p.popularity DESC, p.id"
            : (rank ?? "") + "p.popularity DESC, p.rating DESC NULLS LAST, p.id"
        let page = "LIMIT \(bind(max(0, query.limit))) OFFSET \(bind(max(0, query.offset)))"
        let pageQuery = PostgresQuery(unsafeSQL: "SELECT \(Self.columns) \(from) ORDER BY \(order) \(page)", binds: binds)
        let total = try await database.rows(countQuery).first?.decode(Int.self) ?? 0
        let products = try await database.rows(pageQuery).map { try Self.product(from: $0).product }
        return ProductPage(products: products, total: total)
    }

    /// A tsquery that ANDs the words of `text` as prefixes. Each word is quoted as a tsquery literal and
    /// the whole is a bound value, so nothing a user types changes the query's shape.
    static func tsquery(_ text: String) -> String? {
        let terms = ProductQuery.terms(of: text)
        guard !terms.isEmpty else { return nil }
        return terms.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "':*" }
            .joined(separator: " & ")
    }

    /// The product columns, in the order `product(from:)` reads them.
    static let columns = """
        p.id, p.sku, p.name, p.brand, p.category, p.description, p.price_cents, p.original_price_cents, p.cost_cents,
        p.stock, p.low_stock_threshold, p.colors, p.sizes, p.rating, p.image_url, p.popularity
        """

    static func product(from row: PostgresRow) throws -> (product: Product, popularity: Int) {
        let columns = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ name: String, _: T.Type = T.self) throws -> T { try columns[name].decode(T.self) }
        let product = Product(
            id: try value("id"), sku: try value("sku"), name: try value("name"), brand: try value("brand"),
            category: try value("category"), description: try value("description"),
            price: Money(cents: try value("price_cents")), originalPrice: try value("original_price_cents", Int?.self).map(Money.init(cents:)),
            cost: try value("cost_cents", Int?.self).map(Money.init(cents:)), stock: try value("stock"),
            lowStockThreshold: try value("low_stock_threshold"), colors: try value("colors"), sizes: try value("sizes"),
            rating: try value("rating"), imageURL: try value("image_url")
        )
        return (product, try value("popularity"))
    }
}

/// Reads a store's catalog for its snapshots.
struct PostgresCatalogSource: CatalogSource {
    let database: PostgresAppDatabase

    func catalogVersion(storeID: Int64) async throws -> Int64 {
        try await database.rows("SELECT catalog_version FROM stores WHERE id = \(storeID)").first?.decode(Int64.self) ?? 0
    }

    func loadSnapshot(storeID: Int64) async throws -> CatalogSnapshot {
        let logger = database.logger
        // One snapshot of the database (REPEATABLE READ), so the version matches the rows read.
        return try await database.transaction { connection in
            try await connection.rows("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
            let version = try await connection.rows("SELECT catalog_version FROM stores WHERE id = \(storeID)", logger: logger)
                .first?.decode(Int64.self) ?? 0
            let products = try await connection.rows(
                "SELECT \(unescaped: PostgresCatalog.columns) FROM products p WHERE p.store_id = \(storeID) ORDER BY p.id", logger: logger
            ).map(PostgresCatalog.product(from:))
            let discounts = try await connection.rows("SELECT \(unescaped: PostgresDiscounts.columns) FROM discounts WHERE store_id = \(storeID) ORDER BY id", logger: logger)
                .map(PostgresDiscounts.discount(from:))
            return CatalogSnapshot(
                version: version, entries: products.map { CatalogSnapshot.Entry(product: $0.product, popularity: $0.popularity) },
                discounts: discounts.compactMap(\.discount), discountCodes: discounts.map(\.code)
            )
        }
    }
}
