/// A product as a reply shows it: the `products` items of a reply frame.
public struct ProductCard: Sendable, Hashable, Codable {
    /// Stock state and count.
    public struct Stock: Sendable, Hashable, Codable {
        public var count: Int
        public var state: String

        public init(state: String, count: Int) {
            self.state = state
            self.count = count
        }
    }

    // Declared in key order: the synthesised encoding then writes its members in the order replies carry
    // them (sorted keys), and the frame writer never has to reorder them (issue 14's profile).
    public var brand: String
    public var category: String
    public var colors: [String]
    public var currency: String
    /// What a code needs before it can apply to this product alone, by code ("SAVE20": "needs a $100 order").
    public var discountNotes: [String: String]?
    /// Codes of active discounts that apply to this product.
    public var discounts: [String]
    public var id: Int64
    public var imageUrl: String?
    public var name: String
    public var originalPrice: Double?
    public var price: Double
    public var rating: Double?
    /// Why a recommendation was made ("often bought with the Galaxy S24").
    public var reason: String?
    public var sizes: [String]
    public var stock: Stock

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
