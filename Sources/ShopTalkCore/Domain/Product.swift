import Foundation

/// A catalog product as the chat pipeline sees it.
public struct Product: Sendable, Hashable, Codable {
    public var id: Int64
    public var sku: String
    public var name: String
    public var brand: String
    public var category: String
    public var description: String
    public var price: Money
    /// Set only while the product is on sale: the price it is reduced from.
    public var originalPrice: Money?
    public var cost: Money?
    public var stock: Int
    public var lowStockThreshold: Int
    public var colors: [String]
    public var sizes: [String]
    public var rating: Double?
    public var imageURL: String?

    public init(
        id: Int64, sku: String, name: String, brand: String, category: String, description: String,
        price: Money, originalPrice: Money? = nil, cost: Money? = nil, stock: Int, lowStockThreshold: Int,
        colors: [String] = [], sizes: [String] = [], rating: Double? = nil, imageURL: String? = nil
    ) {
        self.id = id
        self.sku = sku
        self.name = name
        self.brand = brand
        self.category = category
        self.description = description
        self.price = price
        self.originalPrice = originalPrice
        self.cost = cost
        self.stock = stock
        self.lowStockThreshold = lowStockThreshold
        self.colors = colors
        self.sizes = sizes
        self.rating = rating
        self.imageURL = imageURL
    }

    /// Whether a shopper can buy it, and how urgently.
    public enum StockState: String, Sendable, Codable {
        case inStock = "in_stock"
        case low
        case out
    }

    public var stockState: StockState {
        if stock <= 0 { return .out }
        if stock <= lowStockThreshold { return .low }
        return .inStock
    }
}
