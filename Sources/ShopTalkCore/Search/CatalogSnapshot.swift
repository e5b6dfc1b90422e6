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
    let popularity: [Int]
    let positions: [Int64: Int32]
    let text: TextIndex
    /// Positions by popularity, then rating, then id: the order of a search without text.
    let byPopularity: [Int32]
    /// Positions in popularity order, per category and per brand, lower-cased.
    let byCategory: [String: [Int32]]
    let byBrand: [String: [Int32]]
    let categoryKeys: [String]
    let brandKeys: [String]
    let colors: [Set<String>]
    let sizes: [Set<String>]

    /// Builds a snapshot. `entries` come in id order; `discountCodes` are every code of the store, in
    /// id order, readable or not.
    public init(version: Int64, entries: [Entry], discounts: [Discount], discountCodes: [String]) {
        self.version = version
        let products = entries.map(\.product)
        self.products = products
        self.discounts = discounts
        self.popularity = entries.map(\.popularity)
        var positions: [Int64: Int32] = [:]
        positions.reserveCapacity(products.count)
        for (position, product) in products.enumerated() { positions[product.id] = Int32(truncatingIfNeeded: position) }
        self.positions = positions
        self.text = TextIndex(documents: products.map { [$0.name, $0.brand, $0.category, $0.description] })
        let popularity = self.popularity
        let byPopularity = products.indices.sorted { left, right in
            if popularity[left] != popularity[right] { return popularity[left] > popularity[right] }
            if let order = Self.ratingOrder(products[left].rating, products[right].rating) { return order }
            return products[left].id < products[right].id
        }.map { Int32(truncatingIfNeeded: $0) }
        self.byPopularity = byPopularity
        let categoryKeys = products.map { $0.category.lowercased() }
        let brandKeys = products.map { $0.brand.lowercased() }
        self.categoryKeys = categoryKeys
        self.brandKeys = brandKeys
        var byCategory: [String: [Int32]] = [:]
        var byBrand: [String: [Int32]] = [:]
        for position in byPopularity {
            byCategory[categoryKeys[Int(position)], default: []].append(position)
            byBrand[brandKeys[Int(position)], default: []].append(position)
        }
        self.byCategory = byCategory
        self.byBrand = byBrand
        self.colors = products.map { Set($0.colors.map { $0.lowercased() }) }
        self.sizes = products.map { Set($0.sizes.map { $0.lowercased() }) }
        self.vocabulary = Self.vocabulary(entries: entries, discountCodes: discountCodes)
    }

    /// Higher ratings first and no rating last, as SQL's `rating DESC` sorts; nil when equal.
    static func ratingOrder(_ left: Double?, _ right: Double?) -> Bool? {
        switch (left, right) {
        case let (left?, right?) where left != right: return left > right
        case (.some, .none): return true
        case (.none, .some): return false
        default: return nil
        }
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
