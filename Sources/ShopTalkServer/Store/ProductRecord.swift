import Foundation
import GRDB
import ShopTalkCore

/// A row of `products`. Colours and sizes are JSON arrays.
struct ProductRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "products"

    var id: Int64?
    var storeId: Int64
    var sku: String
    var name: String
    var brand: String
    var category: String
    var description: String
    var priceCents: Int
    var originalPriceCents: Int?
    var costCents: Int?
    var stock: Int
    var lowStockThreshold: Int
    var colors: String
    var sizes: String
    var rating: Double?
    var imageUrl: String?
    var popularity: Int
    var createdAt: Date
    var updatedAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let storeId = Column(CodingKeys.storeId)
        static let sku = Column(CodingKeys.sku)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(storeId: Int64, product: Product, popularity: Int = 0, at date: Date) {
        self.id = nil
        self.storeId = storeId
        self.sku = product.sku
        self.name = product.name
        self.brand = product.brand
        self.category = product.category
        self.description = product.description
        self.priceCents = product.price.cents
        self.originalPriceCents = product.originalPrice?.cents
        self.costCents = product.cost?.cents
        self.stock = product.stock
        self.lowStockThreshold = product.lowStockThreshold
        self.colors = Self.encodeList(product.colors)
        self.sizes = Self.encodeList(product.sizes)
        self.rating = product.rating
        self.imageUrl = product.imageURL
        self.popularity = popularity
        self.createdAt = date
        self.updatedAt = date
    }

    var product: Product {
        Product(
            id: id ?? 0, sku: sku, name: name, brand: brand, category: category, description: description,
            price: Money(cents: priceCents), originalPrice: originalPriceCents.map(Money.init(cents:)),
            cost: costCents.map(Money.init(cents:)), stock: stock, lowStockThreshold: lowStockThreshold,
            colors: Self.decodeList(colors), sizes: Self.decodeList(sizes), rating: rating, imageURL: imageUrl
        )
    }

    static func encodeList(_ values: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(values), as: UTF8.self)) ?? "[]"
    }

    static func decodeList(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
