/// Questions about particular products: details, price and stock, one product or a comparison. The
/// products come from what the message refers to ("the second one", "it"), a product model it names,
/// or the product in focus.
public struct ProductInfoHandler: ChatHandler {
    let catalog: any CatalogStore

    public init(catalog: any CatalogStore) {
        self.catalog = catalog
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let currency = turn.context.store.currency
        var products = try await catalog.products(ids: turn.referenced, storeID: storeID)
        if products.isEmpty, let model = turn.entity(Entity.Kind.product)?.value.stringValue {
            let brand = turn.entity(Entity.Kind.brand)?.value.stringValue
            products = try await catalog.product(model: model, brand: brand, storeID: storeID).map { [$0] } ?? []
        }
        if products.isEmpty, let described = try await described(turn) {
            // "the price and sizes of the black coat": a product described, not one shown.
            products = [described]
        }
        if products.isEmpty, let focus = state.focus {
            products = try await catalog.products(ids: [focus], storeID: storeID)
        }
        guard !products.isEmpty else {
            if state.lastShown.count > 1 {
                return Reply(
                    text: "Which one do you mean? You can say \"the first one\", \"the cheapest\" or name the product.",
                    intent: turn.intent, suggestions: ["The first one", "The second one", "The cheapest"]
                )
            }
            return Reply(
                text: "Which product would you like to know about? Name it, or search first, e.g. \"show me Sony headphones\".",
                intent: turn.intent, suggestions: ["Show me Sony headphones", "Show me laptops"]
            )
        }
        let cards = products.map { ProductCard(product: $0, currency: currency) }
        if products.count > 1 {
            state.focus = nil
            return Reply(
                text: compare(products, currency: currency), intent: Intent(name: Intent.Name.productDetails, confidence: turn.intent.confidence),
                suggestions: ["Tell me more about the first one", "Is the second one in stock?", "Cheaper ones"], products: cards
            )
        }
        let product = products[0]
        state.focus = product.id
        let text: String
        let asked = ProductAspect.asked(in: turn.tokens.map(\.text))
        if asked.count >= 2 {
            // Several questions in one turn: each part answered, in the order of `ProductAspect`.
            text = "The \(product.name): " + asked.map { answer($0, product, currency: currency) }.joined(separator: " ")
        } else {
            switch turn.intent.name {
            case Intent.Name.priceInquiry: text = price(product, currency: currency)
            case Intent.Name.checkStock: text = stock(product)
            default: text = details(product, currency: currency)
            }
        }
        var suggestions = ["Is it in stock?", "Any discounts on it?", "Show me similar ones"]
        if turn.intent.name == Intent.Name.checkStock { suggestions[0] = "How much is it?" }
        if product.stockState == .out, turn.intent.name == Intent.Name.checkStock {
            let alternatives = try await catalog.search(ProductQuery(
                category: product.category, maxPrice: Money(cents: product.price.cents * 13 / 10), inStockOnly: true, limit: 3
            ), storeID: storeID).products.filter { $0.id != product.id }
            if !alternatives.isEmpty {
                state.lastShown = alternatives.map(\.id)
                return Reply(
                    text: text + " In stock instead: " + alternatives.map { "\($0.name) (\($0.price.formatted(currency: currency)))" }.joined(separator: ", ") + ".",
                    intent: turn.intent, suggestions: ["Tell me about the first one", "Cheaper ones"],
                    products: alternatives.map { ProductCard(product: $0, currency: currency) }
                )
            }
        }
        return Reply(text: text, intent: turn.intent, suggestions: suggestions, products: cards)
    }

    /// The best match for a product the message describes by kind, brand or colour, when it names one
    /// and the product in focus is not of that kind.
    func described(_ turn: Turn) async throws -> Product? {
        let category = turn.entity(Entity.Kind.category)?.value.stringValue
        let item = turn.entity(Entity.Kind.item)?.value.stringValue
        guard category != nil || item != nil else { return nil }
        let query = ProductQuery(
            text: item, category: category, brand: turn.entity(Entity.Kind.brand)?.value.stringValue,
            color: turn.entity(Entity.Kind.color)?.value.stringValue, limit: 1
        )
        return try await catalog.search(query, storeID: turn.context.store.id).products.first
    }

    func answer(_ aspect: ProductAspect, _ product: Product, currency: String) -> String {
        switch aspect {
        case .price: return price(product, currency: currency).replacingOccurrences(of: "The \(product.name) is", with: "It's")
        case .sizes: return product.sizes.isEmpty ? "It comes in one size." : "Sizes: \(product.sizes.joined(separator: ", "))."
        case .colors: return product.colors.isEmpty ? "It comes in one colour." : "Colours: \(product.colors.joined(separator: ", "))."
        case .stock: return stock(product)
        case .rating: return product.rating.map { "Rated \($0) out of 5." } ?? "It has no rating yet."
        case .brand: return "It's made by \(product.brand)."
        }
    }

    func details(_ product: Product, currency: String) -> String {
        var parts = ["\(product.name): \(product.description)", price(product, currency: currency)]
        if product.colors.count > 0 { parts.append("Colours: \(product.colors.joined(separator: ", ")).") }
        if product.sizes.count > 1 { parts.append("Sizes: \(product.sizes.joined(separator: ", ")).") }
        if let rating = product.rating { parts.append("Rated \(rating) out of 5.") }
        parts.append(stock(product))
        return parts.joined(separator: " ")
    }

    func price(_ product: Product, currency: String) -> String {
        if let original = product.originalPrice, original > product.price {
            return "The \(product.name) is \(product.price.formatted(currency: currency)), on sale from \(original.formatted(currency: currency)) (you save \((original - product.price).formatted(currency: currency)))."
        }
        return "The \(product.name) is \(product.price.formatted(currency: currency))."
    }

    func stock(_ product: Product) -> String {
        switch product.stockState {
        case .inStock: return "It's in stock."
        case .low: return "Only \(product.stock) left in stock."
        case .out: return "The \(product.name) is out of stock right now."
        }
    }

    func compare(_ products: [Product], currency: String) -> String {
        let lines = products.map { product -> String in
            var line = "\(product.name): \(product.price.formatted(currency: currency))"
            if let rating = product.rating { line += ", rated \(rating)" }
            line += product.stockState == .out ? ", out of stock" : (product.stockState == .low ? ", only \(product.stock) left" : ", in stock")
            return line
        }
        var text = "Side by side: " + lines.joined(separator: "; ") + "."
        if let cheapest = products.min(by: { $0.price < $1.price }), let best = products.max(by: { ($0.rating ?? 0) < ($1.rating ?? 0) }) {
            text += cheapest.id == best.id
                ? " The \(cheapest.name) is both the cheapest and the best rated."
                : " The \(cheapest.name) is the cheapest; the \(best.name) is the best rated."
        }
        return text
    }
}

/// The parts of a product a shopper can ask about in one breath ("price and sizes of the black coat").
enum ProductAspect: CaseIterable {
    case brand, price, sizes, colors, stock, rating

    static let cues: [ProductAspect: Set<String>] = [
        .brand: ["brand", "make", "maker", "manufacturer"], .price: ["price", "cost", "costs", "much", "pricing"],
        .sizes: ["size", "sizes", "sizing", "fit"], .colors: ["colour", "colours", "color", "colors"],
        .stock: ["stock", "available", "availability", "left"], .rating: ["rating", "ratings", "rated", "reviews", "review", "stars"],
    ]

    static func asked(in words: [String]) -> [ProductAspect] {
        let set = Set(words)
        return allCases.filter { !(cues[$0] ?? []).isDisjoint(with: set) }
    }
}
