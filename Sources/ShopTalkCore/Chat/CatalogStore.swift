/// A product search: free text plus structured filters.
public struct ProductQuery: Sendable, Hashable {
    /// Words a text search uses at most. Each word is one more prefix term for the full-text index, and
    /// the cost of a match grows faster than the number of terms (2,000 words took 5.6 s of CPU).
    public static let maxTerms = 16
    /// The longest search text a REST client may send, in characters.
    public static let maxTextLength = 256
    /// The longest single word a search uses, in characters.
    public static let maxTermLength = 40

    /// The words of a search text, split where SQLite's unicode61 tokenizer splits ("wh-1000xm5" → "wh"
    /// "1000xm5"), lower-cased.
    public static func words(in text: String) -> [String] {
        text.lowercased().unicodeScalars
            .split { !Tokenizer.isAlphanumeric($0) }
            .map { String(String.UnicodeScalarView($0)) }
    }

    /// The terms a search uses: distinct words, at most `maxTerms`, each cut to `maxTermLength`.
    public static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        return Array(words(in: text).map { String($0.prefix(maxTermLength)) }.filter { seen.insert($0).inserted }.prefix(maxTerms))
    }

    public var text: String?
    public var category: String?
    public var brand: String?
    public var color: String?
    public var size: String?
    public var minPrice: Money?
    public var maxPrice: Money?
    public var inStockOnly: Bool
    /// Cheapest first instead of by relevance and popularity (the shopper said "cheap").
    public var cheapestFirst: Bool
    public var limit: Int
    public var offset: Int

    public init(
        text: String? = nil, category: String? = nil, brand: String? = nil, color: String? = nil,
        size: String? = nil, minPrice: Money? = nil, maxPrice: Money? = nil, inStockOnly: Bool = false,
        cheapestFirst: Bool = false, limit: Int = 5, offset: Int = 0
    ) {
        self.text = text
        self.category = category
        self.brand = brand
        self.color = color
        self.size = size
        self.minPrice = minPrice
        self.maxPrice = maxPrice
        self.inStockOnly = inStockOnly
        self.cheapestFirst = cheapestFirst
        self.limit = limit
        self.offset = offset
    }
}

/// One page of search results and how many matched in all.
public struct ProductPage: Sendable, Hashable {
    public var products: [Product]
    public var total: Int

    public init(products: [Product], total: Int) {
        self.products = products
        self.total = total
    }
}

/// The names a store's catalog is made of, prepared for entity extraction: brands, categories, colours,
/// product models and discount codes. Built once per catalog version and cached by the store.
public struct CatalogVocabulary: Sendable {
    public let brands: [String]
    public let categories: [String]
    public let colors: [String]
    public let products: [String]
    public let discountCodes: [String]
    /// Products per brand, so that a typo resolves to the more common of two close brands.
    public let brandCounts: [String: Int]
    let index: CatalogIndex

    public init(
        brands: [String], categories: [String], colors: [String], products: [String] = [],
        discountCodes: [String] = [], brandCounts: [String: Int] = [:]
    ) {
        self.brands = brands
        self.categories = categories
        self.colors = colors
        self.products = products
        self.discountCodes = discountCodes
        self.brandCounts = brandCounts
        self.index = CatalogIndex(brands: brands, categories: categories, colors: colors, products: products, brandCounts: brandCounts)
    }

    /// Names of the products a model entity stands for ("Galaxy S24" → its 128, 256 and 512 GB phones),
    /// most popular first; a partial model ("iPhone 15") matches every model it begins.
    public func productNames(model: String) -> [String] {
        let key = Tokenizer.tokenize(model).filter { $0.kind != .symbol }.map(\.text).joined(separator: " ")
        if let exact = index.namesByModel[key] { return exact }
        return index.namesByModel.filter { $0.key.hasPrefix(key + " ") }.sorted { $0.key < $1.key }.flatMap(\.value)
    }
}

extension CatalogStore {
    /// The product a model entity names: the most popular product of that model, or the best text match.
    public func product(model: String, brand: String?, storeID: Int64) async throws -> Product? {
        let names = try await vocabulary(storeID: storeID).productNames(model: model)
        if let name = names.first,
           let exact = try await search(ProductQuery(text: name, limit: 10), storeID: storeID).products.first(where: { $0.name == name }) {
            return exact
        }
        return try await search(ProductQuery(text: model, brand: brand, limit: 1), storeID: storeID).products.first
    }
}

/// The catalog as the chat pipeline needs it. SQLite implements it today; another database later.
/// Every call is scoped to one store.
public protocol CatalogStore: Sendable {
    /// Products matching `query`, ranked by text relevance, then popularity, then rating.
    func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage
    /// Products by id, in the order asked for; unknown ids are left out.
    func products(ids: [Int64], storeID: Int64) async throws -> [Product]
    /// Brands, categories and colours of the store's catalog.
    func vocabulary(storeID: Int64) async throws -> CatalogVocabulary
    /// Replaces a product's description (an owner confirmed a new one).
    func updateDescription(productID: Int64, storeID: Int64, description: String) async throws
}
