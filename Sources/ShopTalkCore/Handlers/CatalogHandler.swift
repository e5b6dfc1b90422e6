/// Product search: merges what the shopper just said into the session's slots, searches the catalog,
/// pages through results on "show more", and when nothing matches relaxes the least important filter
/// and offers what it found instead.
public struct CatalogHandler: ChatHandler {
    static let pageSize = 5
    /// Words that carry no search meaning of their own.
    static let stopWords: Set<String> = [
        "show", "me", "find", "i", "im", "i'm", "need", "want", "a", "an", "the", "some", "any", "for", "of",
        "looking", "look", "search", "please", "pls", "do", "you", "have", "sell", "can", "get", "buy", "with",
        "in", "on", "to", "is", "are", "there", "what", "about", "and", "or", "only", "just", "my", "new", "good",
        "best", "more", "next", "other", "others", "ones", "one", "something", "like", "would", "could", "got",
        "cheap", "cheaper", "it", "them", "these", "those", "that", "this", "under", "below", "over", "above",
        "between", "from", "less", "than", "max", "around", "dollars", "bucks", "hi", "hey", "hello", "see",
        "browse", "much", "how", "which", "all", "your", "yours", "us", "at", "least", "up", "be", "pair",
        "price", "colour", "color", "size", "brand", "ok", "okay", "yes", "yeah", "sure", "u", "ur", "got", "stuff",
        "whats", "what's", "carry", "stock", "list", "everything", "thing", "things", "else", "ones", "need", "after",
        "im", "i'm", "we", "our", "they", "their", "kind", "sort", "type", "wanna", "gimme", "maybe", "really",
        "kids", "item", "items", "product", "products",
        // Pronouns, contractions and verbs of wanting never name a product ("he'd want them in black").
        "he", "she", "him", "her", "his", "hers", "he'd", "she'd", "they'd", "i'd", "we'd", "you'd", "he's", "she's",
        "they're", "we're", "you're", "it's", "its", "i've", "you've", "wants", "wanted", "wanting", "likes", "liked",
        "loves", "love", "prefer", "prefers", "should", "will", "gonna", "think", "also", "too", "as", "so", "but",
        "if", "then", "well", "very", "ideally", "perhaps", "same", "forget", "never", "mind", "ignore", "drop",
        "remove", "matter", "doesn't", "whatever", "preference", "limit", "budget", "something", "anything", "got",
        "does", "make", "makes", "sells", "still", "again", "instead", "rather", "actually", "now", "let's", "lets",
        "tell", "give", "send", "bring", "hmm", "um", "oh", "ah", "thanks", "thank", "cool", "great", "nice",
        "dad", "mum", "mom", "wife", "husband", "son", "daughter", "friend", "wear", "use", "into",
    ]

    /// How product names spell who a product is for.
    static let genders = ["mens": "men", "men's": "men", "womens": "women", "women's": "women", "ladies": "women"]

    let catalog: any CatalogStore
    let extractor: EntityExtractor

    public init(catalog: any CatalogStore, extractor: EntityExtractor) {
        self.catalog = catalog
        self.extractor = extractor
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let wantsMore = isShowMore(turn) && !state.lastShown.isEmpty
        var truncated = false
        if case .searchWithout(let drop) = state.pending {
            // "Yes" to "want to see them?" after a search found nothing.
            state.pending = nil
            state.page = 0
            switch drop {
            case "price": state.slots.minPrice = nil; state.slots.maxPrice = nil
            case "color": state.slots.color = nil
            case "size": state.slots.size = nil
            default: state.slots.brand = nil
            }
        } else if wantsMore {
            state.page += 1
        } else {
            truncated = try await merge(turn, into: &state, extractor: extractor)
            state.page = 0
            state.focus = nil
            if turn.has("cheaper"), turn.entity(Entity.Kind.price) == nil, !state.lastShown.isEmpty {
                // "Cheaper ones": below the cheapest of what was just shown.
                let shown = try await catalog.products(ids: state.lastShown, storeID: turn.context.store.id)
                if let cheapest = shown.map(\.price).min() {
                    state.slots.maxPrice = Money(cents: cheapest.cents - 1)
                }
            }
        }
        var query = makeQuery(state)
        var page = try await catalog.search(query, storeID: turn.context.store.id)
        if page.total == 0, query.text != nil, !state.slots.isEmpty {
            // Free words that match nothing should not hide the structured filters' results.
            state.searchText = nil
            query.text = nil
            page = try await catalog.search(query, storeID: turn.context.store.id)
        }
        if page.products.isEmpty {
            return try await noResults(turn, state: &state, query: query)
        }
        state.lastShown = page.products.map(\.id)
        let currency = turn.context.store.currency
        let cards = page.products.map { ProductCard(product: $0, currency: currency) }
        let cheapest = page.products.map(\.price).min() ?? .zero
        let description = CatalogPhrases.describe(state.slots, text: state.searchText, currency: currency, one: page.products.count == 1 && !wantsMore)
        let first = query.offset + 1
        let last = query.offset + page.products.count
        var text: String
        if wantsMore {
            text = "Here are \(description) \(first)–\(last) of \(page.total)."
        } else {
            text = "Here \(page.products.count == 1 ? "is" : "are") \(page.products.count) \(description), from \(cheapest.formatted(currency: currency))."
            if page.total > page.products.count { text += " \(page.total) match in all." }
        }
        if truncated { text += " (That was a long search, so I used its first \(ProductQuery.maxTerms) words.)" }
        var suggestions: [String] = []
        if last < page.total { suggestions.append("Show more") }
        if state.slots.maxPrice == nil || cheapest < (state.slots.maxPrice ?? .zero) { suggestions.append("Cheaper ones") }
        if state.slots.color == nil, let color = page.products.flatMap(\.colors).first { suggestions.append("Only in \(color)") }
        if state.slots.brand == nil, let brand = page.products.first?.brand { suggestions.append("Only \(brand)") }
        return Reply(
            text: text, intent: turn.intent, suggestions: Array(suggestions.prefix(4)), products: cards
        )
    }

    private func isShowMore(_ turn: Turn) -> Bool {
        let words = turn.tokens.filter { $0.kind == .word }.map(\.text)
        return words == ["more"] || words == ["next"] || words.starts(with: ["show", "more"])
            || words.starts(with: ["see", "more"]) || words == ["next", "page"] || words == ["more", "please"]
    }

    /// Folds the message's entities into the slots. A message that names a category or a product model
    /// is a new request: it starts over from what it says, so a colour, size, brand or price cap from
    /// the last search does not follow the shopper from laptops to phones unless repeated, and a named
    /// model is searched for without filters that would exclude it. Other messages refine the search.
    /// Returns true when the search had more words than a search takes, and was cut to the first ones.
    private func merge(_ turn: Turn, into state: inout ConversationState, extractor: EntityExtractor) async throws -> Bool {
        var slots = state.slots
        var terms: [String] = []
        let namesModel = turn.entity(Entity.Kind.product) != nil
        let category = turn.entity(Entity.Kind.category)?.value.stringValue
        if namesModel || category != nil {
            slots = ConversationState.Slots()
            slots.category = category
            state.searchText = nil
        }
        for entity in turn.entities {
            switch entity.type {
            case Entity.Kind.category:
                if let type = extractor.productType(of: entity) { terms.append(type) }
            case Entity.Kind.brand:
                slots.brand = entity.value.stringValue
            case Entity.Kind.color:
                slots.color = entity.value.stringValue
            case Entity.Kind.size:
                guard let size = entity.value.stringValue else { break }
                if size.hasSuffix("GB") || size.hasSuffix("TB") || size.hasSuffix("MM") {
                    terms.append(size.lowercased())
                } else {
                    slots.size = size.hasPrefix("EU ") || size.hasPrefix("UK ") || size.hasPrefix("US ") ? String(size.dropFirst(3)) : size
                }
            case Entity.Kind.price:
                if entity.value["preference"] != nil {
                    slots.preferCheap = true
                } else {
                    slots.minPrice = entity.value["min"]?.numberValue.map { Money(major: $0) }
                    slots.maxPrice = entity.value["max"]?.numberValue.map { Money(major: $0) }
                }
            case Entity.Kind.product:
                if let model = entity.value.stringValue { terms.append(model) }
            case Entity.Kind.item:
                if let item = entity.value.stringValue { terms.append(item) }
            default:
                break
            }
        }
        for slot in SlotRelease.released(by: turn.tokens.map(\.text)) {
            switch slot {
            case .price: slots.minPrice = nil; slots.maxPrice = nil; slots.preferCheap = nil
            case .color: slots.color = nil
            case .size: slots.size = nil
            case .brand: slots.brand = nil
            }
        }
        let covered = Set(turn.entities.flatMap { entity in
            turn.tokens.indices.filter { turn.tokens[$0].start >= entity.start && turn.tokens[$0].end <= entity.end }
        })
        let free = turn.tokens.indices
            .filter { !covered.contains($0) && turn.tokens[$0].kind == .word && !Self.stopWords.contains(turn.tokens[$0].text) }
            .map { Self.genders[turn.tokens[$0].text] ?? turn.tokens[$0].text }
        terms += free
        var seen = Set<String>()
        terms = terms.filter { seen.insert($0).inserted }
        let truncated = terms.count > ProductQuery.maxTerms
        terms = Array(terms.prefix(ProductQuery.maxTerms))
        if !terms.isEmpty { state.searchText = terms.joined(separator: " ") }
        state.slots = slots
        return truncated
    }

    private func makeQuery(_ state: ConversationState) -> ProductQuery {
        ProductQuery(
            text: state.searchText, category: state.slots.category, brand: state.slots.brand,
            color: state.slots.color, size: state.slots.size, minPrice: state.slots.minPrice,
            maxPrice: state.slots.maxPrice, cheapestFirst: state.slots.preferCheap ?? false,
            limit: Self.pageSize, offset: state.page * Self.pageSize
        )
    }

    /// Says nothing matched, then drops the least important filter (price, then colour, size, brand) and
    /// offers the best of what that finds.
    private func noResults(_ turn: Turn, state: inout ConversationState, query: ProductQuery) async throws -> Reply {
        let currency = turn.context.store.currency
        let description = CatalogPhrases.describe(state.slots, text: state.searchText, currency: currency)
        if state.page > 0 {
            state.page -= 1
            return Reply(
                text: "That's all of the \(description) I have.", intent: turn.intent,
                suggestions: ["Cheaper ones", "What can you do?"]
            )
        }
        var text = "No \(description)."
        var relaxations: [(String, String, ProductQuery)] = []
        if query.minPrice != nil || query.maxPrice != nil {
            var relaxed = query
            relaxed.minPrice = nil
            relaxed.maxPrice = nil
            relaxations.append(("price", "at any price", relaxed))
        }
        if query.color != nil { var relaxed = query; relaxed.color = nil; relaxations.append(("color", "in any colour", relaxed)) }
        if query.size != nil { var relaxed = query; relaxed.size = nil; relaxations.append(("size", "in any size", relaxed)) }
        if query.brand != nil { var relaxed = query; relaxed.brand = nil; relaxations.append(("brand", "from any brand", relaxed)) }
        for (slot, phrase, relaxed) in relaxations {
            // One query answers both how many match and which is cheapest.
            var cheapestFirst = relaxed
            cheapestFirst.cheapestFirst = true
            cheapestFirst.limit = 1
            let page = try await catalog.search(cheapestFirst, storeID: turn.context.store.id)
            if let cheapest = page.products.first {
                text += " \(page.total) \(page.total == 1 ? "matches" : "match") \(phrase); the cheapest is the \(cheapest.name) at \(cheapest.price.formatted(currency: currency)) — want to see \(page.total == 1 ? "it" : "them")?"
                state.lastShown = [cheapest.id]
                state.pending = .searchWithout(slot: slot)
                return Reply(
                    text: text, intent: turn.intent, suggestions: ["Yes, show them", "What can you do?"],
                    products: [ProductCard(product: cheapest, currency: currency)]
                )
            }
        }
        return Reply(text: text + " Try another category or brand.", intent: turn.intent, suggestions: SmallTalkHandler.starters)
    }
}
