/// Search over a snapshot, with the SQL engine's semantics and ranking: text relevance (BM25), then
/// popularity, then rating, then id; or cheapest first. Filters compare case-insensitively.
extension CatalogSnapshot {
    public func search(_ query: ProductQuery) -> ProductPage {
        let terms = query.text.map(ProductQuery.terms(of:)) ?? []
        let filter = Filter(query: query, snapshot: self)
        var candidates: [Int32]
        if !terms.isEmpty {
            let matches = text.matches(terms)
            var scored = matches.filter { filter.admits(Int($0.document), in: self) }
            if query.cheapestFirst {
                scored.sort { priceRank[Int($0.document)] < priceRank[Int($1.document)] }
            } else {
                scored.sort { left, right in
                    if left.score != right.score { return left.score > right.score }
                    return popularityRank[Int(left.document)] < popularityRank[Int(right.document)]
                }
            }
            candidates = scored.map(\.document)
        } else {
            // The lists are in the order asked for already: filtering keeps it.
            let cheap = query.cheapestFirst
            if let category = filter.category {
                candidates = (cheap ? byCategoryPrice : byCategory)[category] ?? []
            } else if let brand = filter.brand {
                candidates = (cheap ? byBrandPrice : byBrand)[brand] ?? []
            } else {
                candidates = cheap ? byPrice : byPopularity
            }
            if !filter.isEmpty { candidates = candidates.filter { filter.admits(Int($0), in: self) } }
        }
        let offset = min(max(query.offset, 0), candidates.count)
        let end = query.limit < 0 ? candidates.count : offset + min(query.limit, candidates.count - offset)
        return ProductPage(products: candidates[offset..<end].map { products[Int($0)] }, total: candidates.count)
    }

    /// The structured part of a query, lower-cased and numbered once.
    struct Filter {
        let category: String?
        let brand: String?
        /// A colour or size the catalog does not have matches nothing (-1).
        let color: Int32?
        let size: Int32?
        let minPrice: Int?
        let maxPrice: Int?
        let inStockOnly: Bool

        init(query: ProductQuery, snapshot: CatalogSnapshot) {
            category = query.category?.lowercased()
            brand = query.brand?.lowercased()
            color = query.color.map { snapshot.colorNumbers[$0.lowercased()] ?? -1 }
            size = query.size.map { snapshot.sizeNumbers[$0.lowercased()] ?? -1 }
            minPrice = query.minPrice?.cents
            maxPrice = query.maxPrice?.cents
            inStockOnly = query.inStockOnly
        }

        var isEmpty: Bool {
            category == nil && brand == nil && color == nil && size == nil && minPrice == nil && maxPrice == nil && !inStockOnly
        }

        func admits(_ position: Int, in snapshot: CatalogSnapshot) -> Bool {
            if let category, snapshot.categoryKeys[position] != category { return false }
            if let brand, snapshot.brandKeys[position] != brand { return false }
            if let color, !snapshot.colors[position].contains(color) { return false }
            if let size, !snapshot.sizes[position].contains(size) { return false }
            if let minPrice, snapshot.prices[position] < minPrice { return false }
            if let maxPrice, snapshot.prices[position] > maxPrice { return false }
            if inStockOnly, snapshot.stocks[position] <= 0 { return false }
            return true
        }
    }
}
