import Foundation

/// One store's catalog as it stood at one version, held in memory: products, their text index and
/// orderings, the vocabulary the NLU reads and the discounts. Immutable: a change builds a new snapshot
/// and swaps it in whole, so a reply never mixes two versions. The database stays the source of truth;
/// a storage backend loads snapshots from it (`CatalogSnapshots` for SQLite).
public final class CatalogSnapshot: Sendable {
    /// A product as loaded, with the popularity the ranking needs.
    public struct Entry: Sendable {
        public var product: Product
        public var popularity: Int

        public init(product: Product, popularity: Int) {
            self.product = product
            self.popularity = popularity
        }
    }

    /// The store's catalog version this snapshot was built from.
    public let version: Int64
    public let products: [Product]
    public let discounts: [Discount]
    public let vocabulary: CatalogVocabulary
    let positions: [Int64: Int32]
    let text: TextIndex
    // What filters and orderings read, one array per field, so that a search never copies a `Product`.
    let prices: [Int]
    let stocks: [Int]
    let categoryKeys: [String]
    let brandKeys: [String]
    /// Colours and sizes as small numbers (lower-cased names in `colorNumbers` and `sizeNumbers`).
    let colors: [[Int32]]
    let sizes: [[Int32]]
    let colorNumbers: [String: Int32]
    let sizeNumbers: [String: Int32]
    /// Positions by popularity, then rating, then id: the order of a search without text; and each
    /// position's rank in it, so that ties after text relevance cost one comparison.
    let byPopularity: [Int32]
    let popularityRank: [Int32]
    /// Positions by price, then popularity, then id (cheapest first), and each position's rank in it.
    let byPrice: [Int32]
    let priceRank: [Int32]
    /// Positions in popularity order and in price order, per lower-cased category and brand.
    let byCategory: [String: [Int32]]
    let byBrand: [String: [Int32]]
    let byCategoryPrice: [String: [Int32]]
    let byBrandPrice: [String: [Int32]]

    /// Builds a snapshot. `entries` come in id order; `discountCodes` are every code of the store, in
    /// id order, readable or not.
    public init(version: Int64, entries: [Entry], discounts: [Discount], discountCodes: [String]) {
        self.version = version
        let products = entries.map(\.product)
        self.products = products
        self.discounts = discounts
        var positions: [Int64: Int32] = [:]
        positions.reserveCapacity(products.count)
        for (position, product) in products.enumerated() { positions[product.id] = Int32(truncatingIfNeeded: position) }
        self.positions = positions
        self.text = TextIndex(documents: products.map { [$0.name, $0.brand, $0.category, $0.description] })
        let popularity = entries.map(\.popularity)
        let ids = products.map(\.id)
        let prices = products.map(\.price.cents)
        // No rating sorts after every rating, as SQL's `rating DESC` puts NULL last.
        let ratings = products.map { $0.rating ?? -Double.infinity }
        self.prices = prices
        self.stocks = products.map(\.stock)
        let byPopularity = products.indices.sorted { left, right in
            if popularity[left] != popularity[right] { return popularity[left] > popularity[right] }
            if ratings[left] != ratings[right] { return ratings[left] > ratings[right] }
            return ids[left] < ids[right]
        }.map { Int32(truncatingIfNeeded: $0) }
        let byPrice = products.indices.sorted { left, right in
            if prices[left] != prices[right] { return prices[left] < prices[right] }
            if popularity[left] != popularity[right] { return popularity[left] > popularity[right] }
            return ids[left] < ids[right]
        }.map { Int32(truncatingIfNeeded: $0) }
        self.byPopularity = byPopularity
        self.byPrice = byPrice
        self.popularityRank = Self.ranks(of: byPopularity)
        self.priceRank = Self.ranks(of: byPrice)
        let categoryKeys = products.map { $0.category.lowercased() }
        let brandKeys = products.map { $0.brand.lowercased() }
        self.categoryKeys = categoryKeys
        self.brandKeys = brandKeys
        self.byCategory = Self.grouped(byPopularity, by: categoryKeys)
        self.byBrand = Self.grouped(byPopularity, by: brandKeys)
        self.byCategoryPrice = Self.grouped(byPrice, by: categoryKeys)
        self.byBrandPrice = Self.grouped(byPrice, by: brandKeys)
        (self.colorNumbers, self.colors) = Self.numbered(products.map(\.colors))
        (self.sizeNumbers, self.sizes) = Self.numbered(products.map(\.sizes))
        self.vocabulary = Self.vocabulary(entries: entries, discountCodes: discountCodes)
    }

    static func ranks(of order: [Int32]) -> [Int32] {
        var ranks = [Int32](repeating: 0, count: order.count)
        for (rank, position) in order.enumerated() { ranks[Int(position)] = Int32(truncatingIfNeeded: rank) }
        return ranks
    }

    static func grouped(_ order: [Int32], by keys: [String]) -> [String: [Int32]] {
        var groups: [String: [Int32]] = [:]
        for position in order { groups[keys[Int(position)], default: []].append(position) }
        return groups
    }

    /// Lists of names as lists of numbers, with the lower-cased name of each number.
    static func numbered(_ lists: [[String]]) -> ([String: Int32], [[Int32]]) {
        var numbers: [String: Int32] = [:]
        let numbered = lists.map { names in
            names.map { name -> Int32 in
                let key = name.lowercased()
                if let number = numbers[key] { return number }
                let number = Int32(truncatingIfNeeded: numbers.count)
                numbers[key] = number
                return number
            }
        }
        return (numbers, numbered)
    }

    static func vocabulary(entries: [Entry], discountCodes: [String]) -> CatalogVocabulary {
        var brandCounts: [String: Int] = [:]
        var categories = Set<String>()
        var colors = Set<String>()
        for entry in entries {
            if !entry.product.brand.isEmpty { brandCounts[entry.product.brand, default: 0] += 1 }
            if !entry.product.category.isEmpty { categories.insert(entry.product.category) }
            for color in entry.product.colors { colors.insert(color.lowercased()) }
        }
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let names = entries.indices.sorted { left, right in
            entries[left].popularity != entries[right].popularity
                ? entries[left].popularity > entries[right].popularity : entries[left].product.id < entries[right].product.id
        }.map { entries[$0].product.name }
        return CatalogVocabulary(
            brands: brandCounts.keys.sorted(by: byBytes), categories: categories.sorted(by: byBytes),
            colors: colors.sorted(by: byBytes), products: names, discountCodes: discountCodes, brandCounts: brandCounts
        )
    }

    /// Products by id, in the order asked for; ids not in this store are left out.
    public func products(ids: [Int64]) -> [Product] {
        ids.compactMap { id in positions[id].map { products[Int($0)] } }
    }
}
