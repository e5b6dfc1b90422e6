import Foundation
import GRDB
import ShopTalkCore

/// Product and discount administration: create, update and delete with validation, keeping the chat's
/// catalog vocabulary current (a product added here is recognised in the next message).
struct CatalogAdmin: Sendable {
    let database: AppDatabase
    let catalog: SQLiteCatalog

    /// A product as the REST API shows it. Cost and stock threshold are the owner's business: only a
    /// request with the store's owner token sees them (`ownerView: true`).
    struct ProductJSON: Codable {
        var id: Int64
        var sku: String
        var name: String
        var brand: String
        var category: String
        var description: String
        var price: Double
        var originalPrice: Double?
        var cost: Double?
        var stock: Int
        var lowStockThreshold: Int?
        var colors: [String]
        var sizes: [String]
        var rating: Double?
        var imageUrl: String?

        init(_ product: Product, ownerView: Bool = true) {
            id = product.id
            sku = product.sku
            name = product.name
            brand = product.brand
            category = product.category
            description = product.description
            price = product.price.major
            originalPrice = product.originalPrice?.major
            cost = ownerView ? product.cost?.major : nil
            stock = product.stock
            lowStockThreshold = ownerView ? product.lowStockThreshold : nil
            colors = product.colors
            sizes = product.sizes
            rating = product.rating
            imageUrl = product.imageURL
        }
    }

    /// Applies the fields of `body` to `product` (all of them required when creating).
    /// An absolute http(s) URL with a host: not protocol-relative (`//evil.example/…`), not a path
    /// that a browser may read as one (`/\\evil.example/…`), nor any other scheme.
    static func isImageURL(_ text: String) -> Bool {
        guard !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }),
              let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              text.lowercased().hasPrefix(scheme + "://") else { return false }
        return true
    }

    static func apply(_ body: [String: JSONValue], to product: inout Product, creating: Bool) throws {
        var fields = FieldReader(body)
        if let sku = fields.string("sku", required: creating, maxLength: 64) { product.sku = sku }
        if let name = fields.string("name", required: creating, maxLength: 200) { product.name = name }
        if let brand = fields.string("brand", maxLength: 100) { product.brand = brand }
        if let category = fields.string("category", maxLength: 100) { product.category = category.lowercased() }
        if let description = fields.string("description", maxLength: 4000) { product.description = description }
        if let price = fields.money("price", required: creating, positive: true) { product.price = price }
        if fields.has("originalPrice") {
            product.originalPrice = fields.money("originalPrice", positive: true)
        }
        if let cost = fields.money("cost") { product.cost = cost }
        if let stock = fields.int("stock") { product.stock = stock }
        if let threshold = fields.int("lowStockThreshold", range: 0...100_000) { product.lowStockThreshold = threshold }
        if let colors = fields.strings("colors") { product.colors = colors.map { $0.lowercased() } }
        if let sizes = fields.strings("sizes") { product.sizes = sizes }
        if let rating = fields.double("rating", range: 0...5) { product.rating = rating }
        if let url = fields.string("imageUrl", maxLength: 1000) {
            if Self.isImageURL(url) { product.imageURL = url } else { fields.fail("imageUrl", "must be an absolute http(s) URL with a host, like https://cdn.example/mug.jpg") }
        }
        if let original = product.originalPrice, original <= product.price {
            fields.fail("originalPrice", "must be higher than price (it is the price before the sale)")
        }
        try fields.finish()
    }

    func product(id: Int64, storeID: Int64) async throws -> Product {
        guard let product = try await catalog.products(ids: [id], storeID: storeID).first else {
            throw ChatError(.notFound, "There is no product \(id) in this store.")
        }
        return product
    }

    func createProduct(_ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> Product {
        var product = Product(id: 0, sku: "", name: "", brand: "", category: "", description: "", price: .zero, stock: 0, lowStockThreshold: 5)
        try Self.apply(body, to: &product, creating: true)
        let sku = product.sku
        let record = ProductRecord(storeId: storeID, product: product, at: now)
        let id = try await database.writer.write { db -> Int64 in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products WHERE storeId = ? AND sku = ?", arguments: [storeID, sku]) ?? 0 > 0 {
                throw ChatError(.conflict, "A product with SKU \(sku) already exists.")
            }
            var inserted = record
            try inserted.insert(db)
            return inserted.id!
        }
        await catalog.catalogChanged(storeID: storeID)
        return try await self.product(id: id, storeID: storeID)
    }

    func updateProduct(id: Int64, _ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> (Product, [StockWatch.LowStock]) {
        var product = try await self.product(id: id, storeID: storeID)
        try Self.apply(body, to: &product, creating: false)
        let updated = product
        let lowStock = try await database.writer.write { db -> [StockWatch.LowStock] in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products WHERE storeId = ? AND sku = ? AND id <> ?", arguments: [storeID, updated.sku, id]) ?? 0 > 0 {
                throw ChatError(.conflict, "Another product already has SKU \(updated.sku).")
            }
            var record = ProductRecord(storeId: storeID, product: updated, at: now)
            record.id = id
            try db.execute(sql: """
                UPDATE products SET sku = ?, name = ?, brand = ?, category = ?, description = ?, priceCents = ?,
                    originalPriceCents = ?, costCents = ?, stock = ?, lowStockThreshold = ?, colors = ?, sizes = ?,
                    rating = ?, imageUrl = ?, updatedAt = ? WHERE id = ? AND storeId = ?
                """, arguments: [record.sku, record.name, record.brand, record.category, record.description, record.priceCents,
                                 record.originalPriceCents, record.costCents, record.stock, record.lowStockThreshold, record.colors,
                                 record.sizes, record.rating, record.imageUrl, now, id, storeID])
            return try StockWatch.check([id], storeID: storeID, now: now, db: db)
        }
        await catalog.catalogChanged(storeID: storeID)
        return (try await self.product(id: id, storeID: storeID), lowStock)
    }

    func deleteProduct(id: Int64, storeID: Int64) async throws {
        let deleted = try await database.writer.write { db -> Bool in
            try db.execute(sql: "DELETE FROM products WHERE id = ? AND storeId = ?", arguments: [id, storeID])
            return db.changesCount > 0
        }
        guard deleted else { throw ChatError(.notFound, "There is no product \(id) in this store.") }
        await catalog.catalogChanged(storeID: storeID)
    }
}
