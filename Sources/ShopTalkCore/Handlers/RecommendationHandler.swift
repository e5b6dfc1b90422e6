import Foundation

/// Recommendations, each with its reason: similar products (content similarity over name, description,
/// category, brand and price band), products often bought together (co-occurrence in orders), an
/// upsell (a better-rated model at 1.2–3× the price), cross-sells (accessories for it), and what is
/// popular in a category.
public struct RecommendationHandler: ChatHandler {
    let catalog: any CatalogStore
    let history: any PurchaseHistory

    public init(catalog: any CatalogStore, history: any PurchaseHistory) {
        self.catalog = catalog
        self.history = history
    }

    /// Accessory searches for each category's products.
    static let accessories: [String: [String]] = [
        "phones": ["case", "charger", "power bank", "magsafe"], "laptops": ["mouse", "docking", "backpack", "keyboard"],
        "tvs": ["soundbar", "wall mount"], "gaming": ["controller", "headset"], "tablets": ["keyboard", "charger", "cable"],
        "smartwatches": ["charger"], "headphones": ["cable", "charger"], "shoes": ["running t-shirt", "running jacket"],
    ]

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let currency = turn.context.store.currency
        let words = Set(turn.tokens.map(\.text))
        var anchor = try await catalog.products(ids: turn.referenced, storeID: storeID).first
        if anchor == nil, let model = turn.entity(Entity.Kind.product)?.value.stringValue {
            anchor = try await catalog.product(model: model, brand: turn.entity(Entity.Kind.brand)?.value.stringValue, storeID: storeID)
        }
        let pointsBack = !words.isDisjoint(with: ["it", "this", "that", "these", "similar", "with", "better", "upgrade", "like"])
        if anchor == nil, pointsBack, let id = state.focus ?? state.lastShown.first {
            anchor = try await catalog.products(ids: [id], storeID: storeID).first
        }
        var picks: [(Product, String)] = []
        if let anchor {
            if !words.isDisjoint(with: ["better", "upgrade", "premium", "nicer", "higher"]) {
                picks = try await upsell(anchor, storeID: storeID, currency: currency)
            } else if !words.isDisjoint(with: ["with", "goes", "accessories", "accessory", "together", "pairs", "add-ons", "extras"]) {
                picks = try await boughtTogether(anchor, storeID: storeID) + (try await crossSell(anchor, storeID: storeID))
            } else {
                picks = try await similar(to: anchor, storeID: storeID)
            }
        } else {
            picks = try await popular(turn, storeID: storeID)
        }
        var seen = Set<Int64>()
        picks = picks.filter { seen.insert($0.0.id).inserted && $0.0.id != anchor?.id }
        picks = Array(picks.prefix(5))
        guard !picks.isEmpty else {
            return Reply(text: "I couldn't find a good match for that. Try a category, like \"best headphones under $200\".",
                         intent: turn.intent, suggestions: ["Best headphones under $200", "Popular laptops"])
        }
        state.lastShown = picks.map(\.0.id)
        state.page = 0
        state.focus = nil
        let subject = anchor.map { "for the \($0.name)" } ?? "for you"
        let text = "Here are my picks \(subject): " + picks.map { "\($0.0.name) (\($0.0.price.formatted(currency: currency))) — \($0.1)" }.joined(separator: "; ") + "."
        return Reply(
            text: text, intent: Intent(name: Intent.Name.productRecommendation, confidence: turn.intent.confidence),
            suggestions: ["Tell me more about the first one", "Compare the first two", "Cheaper ones"],
            products: picks.map { ProductCard(product: $0.0, currency: currency, reason: $0.1) }
        )
    }

    func boughtTogether(_ anchor: Product, storeID: Int64) async throws -> [(Product, String)] {
        try await history.boughtTogether(productID: anchor.id, storeID: storeID, limit: 3).map { product, count in
            (product, "often bought with the \(anchor.name) (\(CatalogPhrases.count(count, "order")))")
        }
    }

    func crossSell(_ anchor: Product, storeID: Int64) async throws -> [(Product, String)] {
        var picks: [(Product, String)] = []
        for keyword in Self.accessories[anchor.category] ?? [] {
            let page = try await catalog.search(ProductQuery(text: keyword, inStockOnly: true, limit: 3), storeID: storeID)
            let best = page.products.first { $0.brand == anchor.brand && $0.category != anchor.category }
                ?? page.products.first { $0.category != anchor.category }
            if let best { picks.append((best, "an accessory for your \(anchor.category == "tvs" ? "TV" : String(anchor.category.dropLast()))")) }
        }
        return picks
    }

    func upsell(_ anchor: Product, storeID: Int64, currency: String) async throws -> [(Product, String)] {
        let page = try await catalog.search(ProductQuery(
            category: anchor.category, minPrice: Money(cents: anchor.price.cents * 12 / 10), maxPrice: Money(cents: anchor.price.cents * 3),
            inStockOnly: true, limit: 30
        ), storeID: storeID)
        return page.products
            .filter { ($0.rating ?? 0) >= (anchor.rating ?? 0) }
            .sorted { ($0.rating ?? 0, -$0.price.cents) > ($1.rating ?? 0, -$1.price.cents) }
            .prefix(3)
            .map { ($0, "a step up: rated \($0.rating ?? 0) for \(($0.price - anchor.price).formatted(currency: currency)) more") }
    }

    func similar(to anchor: Product, storeID: Int64) async throws -> [(Product, String)] {
        let candidates = try await catalog.search(ProductQuery(category: anchor.category, limit: 200), storeID: storeID).products
        let anchorWords = Self.words(anchor)
        let scored = candidates.filter { $0.id != anchor.id && $0.sku != anchor.sku }.map { candidate -> (Product, Double) in
            let words = Self.words(candidate)
            let overlap = Double(anchorWords.intersection(words).count) / Double(max(1, anchorWords.union(words).count))
            let ratio = Double(candidate.price.cents) / Double(max(1, anchor.price.cents))
            let priceBand = ratio >= 0.7 && ratio <= 1.4 ? 0.3 : (ratio >= 0.5 && ratio <= 2 ? 0.1 : 0)
            let sameModel = candidate.name.hasPrefix(anchor.name.prefix(max(0, anchor.name.count - 12))) ? -0.4 : 0
            return (candidate, overlap + priceBand + (candidate.brand == anchor.brand ? 0.1 : 0) + sameModel)
        }
        return scored.sorted { $0.1 > $1.1 }.prefix(4).map { product, _ in
            (product, "similar to the \(anchor.name): \(product.brand == anchor.brand ? "same brand, " : "")\(CatalogPhrases.categoryNoun(product.category)) at a similar price")
        }
    }

    func popular(_ turn: Turn, storeID: Int64) async throws -> [(Product, String)] {
        let category = turn.entity(Entity.Kind.category)?.value.stringValue
        let price = turn.entity(Entity.Kind.price)?.value
        let query = ProductQuery(
            category: category, brand: turn.entity(Entity.Kind.brand)?.value.stringValue,
            minPrice: price?["min"]?.numberValue.map { Money(major: $0) }, maxPrice: price?["max"]?.numberValue.map { Money(major: $0) },
            inStockOnly: true, limit: 5
        )
        let reason = category.map { "one of our most popular \(CatalogPhrases.categoryNoun($0))" } ?? "a best seller"
        return try await catalog.search(query, storeID: storeID).products.map { ($0, reason) }
    }

    static func words(_ product: Product) -> Set<String> {
        Set((product.name + " " + product.description).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 })
    }
}
