/// Search over a snapshot, with the SQL engine's semantics and ranking: text relevance (BM25), then
/// popularity, then rating, then id; or cheapest first. Filters compare case-insensitively.
extension CatalogSnapshot {
    public func search(_ query: ProductQuery) -> ProductPage {
        let terms = query.text.map(ProductQuery.terms(of:)) ?? []
        var candidates: [Int32]
        var scores: [Int32: Double] = [:]
        if !terms.isEmpty {
            scores = text.matches(terms)
            candidates = Array(scores.keys)
        } else if let category = query.category {
            candidates = byCategory[category.lowercased()] ?? []
        } else if let brand = query.brand {
            candidates = byBrand[brand.lowercased()] ?? []
        } else {
            candidates = byPopularity
        }
        let filter = Filter(query: query)
        candidates.removeAll { !filter.admits(Int($0), in: self) }
        if query.cheapestFirst {
            candidates.sort { left, right in
                let (a, b) = (products[Int(left)], products[Int(right)])
                if a.price != b.price { return a.price < b.price }
                if popularity[Int(left)] != popularity[Int(right)] { return popularity[Int(left)] > popularity[Int(right)] }
                return a.id < b.id
            }
        } else if !terms.isEmpty {
            candidates.sort { left, right in
                let (a, b) = (scores[left] ?? 0, scores[right] ?? 0)
                if a != b { return a > b }
                return popularityPrecedes(left, right)
            }
        }
        // Without text and cheapest-first, the candidate lists are in popularity order already.
        let offset = min(max(query.offset, 0), candidates.count)
        let end = query.limit < 0 ? candidates.count : offset + min(query.limit, candidates.count - offset)
        return ProductPage(products: candidates[offset..<end].map { products[Int($0)] }, total: candidates.count)
    }

    func popularityPrecedes(_ left: Int32, _ right: Int32) -> Bool {
        let (l, r) = (Int(left), Int(right))
        if popularity[l] != popularity[r] { return popularity[l] > popularity[r] }
        if let order = Self.ratingOrder(products[l].rating, products[r].rating) { return order }
        return products[l].id < products[r].id
    }

    /// The structured part of a query, lower-cased once.
    struct Filter {
        let category: String?
        let brand: String?
        let color: String?
        let size: String?
        let minPrice: Money?
        let maxPrice: Money?
        let inStockOnly: Bool

        init(query: ProductQuery) {
            category = query.category?.lowercased()
            brand = query.brand?.lowercased()
            color = query.color?.lowercased()
            size = query.size?.lowercased()
            minPrice = query.minPrice
            maxPrice = query.maxPrice
            inStockOnly = query.inStockOnly
        }

        func admits(_ position: Int, in snapshot: CatalogSnapshot) -> Bool {
            let product = snapshot.products[position]
            if let category, snapshot.categoryKeys[position] != category { return false }
            if let brand, snapshot.brandKeys[position] != brand { return false }
            if let color, !snapshot.colors[position].contains(color) { return false }
            if let size, !snapshot.sizes[position].contains(size) { return false }
            if let minPrice, product.price < minPrice { return false }
            if let maxPrice, product.price > maxPrice { return false }
            if inStockOnly, product.stock <= 0 { return false }
            return true
        }
    }
}
