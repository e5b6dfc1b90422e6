/// Gift requests: who the gift is for, what they like and the budget become a few well-rated, in-stock
/// picks from different corners of the catalog, each with the reason it was picked.
public struct GiftIdeasHandler: ChatHandler {
    let catalog: any CatalogStore

    public init(catalog: any CatalogStore) {
        self.catalog = catalog
    }

    /// Interests, by the words that name them, and the searches that serve them.
    static let interests: [(name: String, cues: Set<String>, searches: [String])] = [
        ("music", ["music", "musician", "songs", "concerts", "audiophile", "vinyl", "podcasts"], ["headphones", "speaker", "earbuds", "soundbar"]),
        ("running", ["running", "runner", "runs", "marathon", "jogging", "jogger"], ["running shoes", "smartwatch", "fitness tracker"]),
        ("fitness", ["fitness", "gym", "workout", "sport", "sports", "sporty", "active", "hiking", "cycling"], ["smartwatch", "fitness tracker", "running shoes", "earbuds"]),
        ("gaming", ["gaming", "gamer", "games", "videogames", "playstation", "xbox", "nintendo"], ["console", "controller", "gaming headset", "gaming"]),
        ("cooking", ["cooking", "cook", "baking", "chef", "kitchen", "foodie", "coffee"], ["air fryer", "coffee", "blender", "kettle"]),
        ("reading", ["reading", "reader", "books", "bookworm", "study", "studying", "student"], ["tablet", "kindle", "laptop"]),
        ("photography", ["photography", "photos", "camera", "vlogging", "travel", "travelling"], ["camera", "power bank", "tablet"]),
        ("tech", ["tech", "gadgets", "techie", "computers", "coding", "work"], ["tablet", "smartwatch", "earbuds", "laptop"]),
        ("fashion", ["fashion", "style", "clothes", "stylish", "sneakerhead"], ["jacket", "sneakers", "hoodie"]),
    ]

    static let children: Set<String> = ["kid", "kids", "child", "children", "son", "daughter", "boy", "girl", "nephew", "niece", "toddler", "teen", "teenager"]

    static let recipients: [(cue: String, name: String)] = [
        ("dad", "your dad"), ("father", "your dad"), ("mum", "your mum"), ("mom", "your mum"), ("mother", "your mum"),
        ("wife", "your wife"), ("husband", "your husband"), ("girlfriend", "your girlfriend"), ("boyfriend", "your boyfriend"),
        ("partner", "your partner"), ("son", "your son"), ("daughter", "your daughter"), ("brother", "your brother"),
        ("sister", "your sister"), ("grandma", "your grandma"), ("grandad", "your grandad"), ("grandpa", "your grandad"),
        ("friend", "your friend"), ("coworker", "your colleague"), ("colleague", "your colleague"), ("boss", "your boss"),
        ("teacher", "a teacher"), ("nephew", "your nephew"), ("niece", "your niece"),
    ]

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let currency = turn.context.store.currency
        let words = turn.tokens.map(\.text)
        let wordSet = Set(words)
        let interest = Self.interests.first { !$0.cues.isDisjoint(with: wordSet) }
        let recipient = Self.recipients.first { wordSet.contains($0.cue) }?.name
        let age = Self.age(turn.text)
        let forChild = !Self.children.isDisjoint(with: wordSet) || age.map { $0 < 13 } == true
        let price = turn.entity(Entity.Kind.price)?.value
        let maxPrice = price?["max"]?.numberValue.map { Money(major: $0) }
        let minPrice = price?["min"]?.numberValue.map { Money(major: $0) }
        let category = turn.entity(Entity.Kind.category)?.value.stringValue
        var searches = interest?.searches ?? (forChild ? ["gaming", "tablet", "headphones", "smartwatch"] : ["headphones", "smartwatch", "speaker", "coffee", "tablet"])
        if category != nil { searches = [""] }
        var picks: [Product] = []
        for search in searches where picks.count < 4 {
            let query = ProductQuery(
                text: search.isEmpty ? nil : search, category: category, minPrice: minPrice, maxPrice: maxPrice, inStockOnly: true, limit: 6
            )
            let taken = Set(picks.map(\.id))
            let found = try await catalog.search(query, storeID: storeID).products
                .filter { !taken.contains($0.id) }
                .sorted { (a: Product, b: Product) in (a.rating ?? 0) > (b.rating ?? 0) }
            // One per search, so the ideas differ; two when the shopper named the kind of thing.
            picks += found.prefix(category != nil ? 4 : 1)
        }
        let who = recipient ?? (forChild ? "a child" : "them")
        let reason = interest.map { "for someone who loves \($0.name)" } ?? (forChild ? "a favourite with kids" : "a well-rated gift")
        guard !picks.isEmpty else {
            let budget = maxPrice.map { " under \($0.formatted(currency: currency))" } ?? ""
            return Reply(
                text: "I couldn't find gift ideas\(budget) in stock right now. Tell me what they're into (music, running, cooking, gaming) or a budget, and I'll look again.",
                intent: Intent(name: Intent.Name.giftIdeas, confidence: turn.intent.confidence),
                suggestions: ["A gift for someone who loves music", "Gift ideas under $50"]
            )
        }
        state.lastShown = picks.map(\.id)
        state.page = 0
        state.focus = nil
        var text = "Some gift ideas for \(who)"
        if let age { text += " (age \(age))" }
        if let maxPrice { text += " under \(maxPrice.formatted(currency: currency))" }
        text += ": " + picks.map { "\($0.name) (\($0.price.formatted(currency: currency)))" }.joined(separator: "; ") + "."
        if interest == nil { text += " Tell me what they're into and I'll narrow it down." }
        return Reply(
            text: text, intent: Intent(name: Intent.Name.giftIdeas, confidence: turn.intent.confidence),
            suggestions: maxPrice == nil ? ["Something under $50", "Tell me more about the first one"] : ["Tell me more about the first one", "Cheaper ones"],
            products: picks.map { ProductCard(product: $0, currency: currency, reason: reason) }
        )
    }

    /// "a 10 year old", "for my 7-year-old", "aged 12": the age, when one is given.
    static func age(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let pattern = /(\d{1,3})[ -]?(?:years?|yrs?)(?:[ -]?old)?|(?:aged?|turning) (\d{1,3})\b/
        guard let match = lowered.firstMatch(of: pattern), let digits = match.output.1 ?? match.output.2,
              let value = Int(digits), value > 0, value < 120
        else { return nil }
        return value
    }
}
