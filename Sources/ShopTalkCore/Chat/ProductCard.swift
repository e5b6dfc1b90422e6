/// A product as a reply shows it: the `products` items of a reply frame.
public struct ProductCard: Sendable, Hashable, Codable {
    /// Stock state and count.
    public struct Stock: Sendable, Hashable, Codable {
        public var state: String
        public var count: Int
    }

    public var id: Int64
    public var name: String
    public var brand: String
    public var category: String
    public var price: Double
    public var originalPrice: Double?
    public var currency: String
    public var stock: Stock
    public var colors: [String]
    public var sizes: [String]
    public var rating: Double?
    public var imageUrl: String?
    /// Codes of active discounts that apply to this product.
    public var discounts: [String]
    /// What a code needs before it can apply to this product alone, by code ("SAVE20": "needs a $100 order").
    public var discountNotes: [String: String]?
    /// Why a recommendation was made ("often bought with the Galaxy S24").
    public var reason: String?

    public init(product: Product, currency: String, discounts: [String] = [], reason: String? = nil) {
        self.reason = reason
        self.id = product.id
        self.name = product.name
        self.brand = product.brand
        self.category = product.category
        self.price = product.price.major
        self.originalPrice = product.originalPrice?.major
        self.currency = currency
        self.stock = Stock(state: product.stockState.rawValue, count: max(0, product.stock))
        self.colors = product.colors
        self.sizes = product.sizes
        self.rating = product.rating
        self.imageUrl = product.imageURL
        self.discounts = discounts
    }
}
