/// Deals and codes: lists the active discounts (for a category, brand or product when one is named or
/// referred to), and checks a code against a product, a basket or an amount, explaining with the
/// numbers why it does not apply. Checking never uses a code up; only an order redeems it.
public struct DiscountHandler: ChatHandler {
    let discounts: any DiscountStore
    let catalog: any CatalogStore
    let clock: ShopClock
    let evaluator = DiscountEvaluator()

    public init(discounts: any DiscountStore, catalog: any CatalogStore, clock: ShopClock) {
        self.discounts = discounts
        self.catalog = catalog
        self.clock = clock
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        // A personal code (points redeemed) is checked when named, never listed to anyone.
        let every = try await discounts.discounts(storeID: turn.context.store.id)
        let all = every.filter { !$0.isPersonal }
        let products = try await basketProducts(turn, state: state)
        let quantity = turn.entity(Entity.Kind.quantity)?.value.numberValue.flatMap { Int(whole: $0, in: 1...10_000) } ?? 1
        if let code = requestedCode(turn, state: state) {
            return check(code, all: every, products: products, quantity: max(1, quantity), turn: turn, state: &state)
        }
        if turn.intent.name == Intent.Name.applyDiscount {
            let active = all.filter { evaluator.availabilityFailure($0, at: clock.now()) == nil }
            state.lastCodes = active.map(\.code)
            return Reply(
                text: "Which code would you like me to check? Active codes: \(active.map(\.code).joined(separator: ", ")).",
                intent: turn.intent, suggestions: active.prefix(3).map { "Check \($0.code)" }
            )
        }
        return list(all, products: products, turn: turn, state: &state)
    }

    /// The products a code is checked against: referred to, named, or in focus.
    private func basketProducts(_ turn: Turn, state: ConversationState) async throws -> [Product] {
        let storeID = turn.context.store.id
        if !turn.referenced.isEmpty { return try await catalog.products(ids: turn.referenced, storeID: storeID) }
        if let model = turn.entity(Entity.Kind.product)?.value.stringValue {
            return try await catalog.product(model: model, brand: turn.entity(Entity.Kind.brand)?.value.stringValue, storeID: storeID).map { [$0] } ?? []
        }
        if let focus = state.focus { return try await catalog.products(ids: [focus], storeID: storeID) }
        return []
    }

    private func requestedCode(_ turn: Turn, state: ConversationState) -> String? {
        if let code = turn.entity(Entity.Kind.discountCode)?.value.stringValue { return code }
        let words = turn.tokens.map(\.text)
        guard let codes = state.lastCodes, !codes.isEmpty, words.contains(where: { ["code", "coupon", "voucher", "discount", "it", "one", "that"].contains($0) }) else { return nil }
        let ordinals = ["first": 0, "second": 1, "third": 2, "last": codes.count - 1]
        for word in words { if let index = ordinals[word], index < codes.count { return codes[index] } }
        return codes.count == 1 || words.contains("that") || words.contains("it") ? codes[0] : nil
    }

    private func check(_ code: String, all: [Discount], products: [Product], quantity: Int, turn: Turn, state: inout ConversationState) -> Reply {
        let currency = turn.context.store.currency
        let intent = Intent(name: Intent.Name.applyDiscount, confidence: turn.intent.confidence)
        guard let discount = all.first(where: { $0.code.sameIgnoringCase(code) }) else {
            let active = all.filter { !$0.isPersonal && evaluator.availabilityFailure($0, at: clock.now()) == nil }
            return Reply(
                text: "I don't recognise the code \(code.uppercased()). Codes you can use right now: \(active.map(\.code).joined(separator: ", ")).",
                intent: intent, suggestions: ["Any deals today?", "Show me headphones"]
            )
        }
        var card = DiscountCard(discount: discount, currency: currency)
        let outcome: DiscountEvaluator.Outcome
        let amount = turn.entity(Entity.Kind.price)?.value["max"]?.numberValue ?? turn.entity(Entity.Kind.price)?.value["min"]?.numberValue
        if !products.isEmpty {
            let lines = products.map {
                DiscountEvaluator.Line(category: $0.category, brand: $0.brand, unitPrice: $0.price, quantity: products.count == 1 ? quantity : 1)
            }
            outcome = evaluator.check(discount, lines: lines, at: clock.now())
        } else if let amount {
            outcome = evaluator.check(discount, amount: Money(major: amount), at: clock.now())
        } else if let failure = evaluator.availabilityFailure(discount, at: clock.now()) {
            outcome = .fails(failure)
        } else {
            card.valid = true
            return Reply(
                text: "\(discount.code) is valid: \(DiscountPhrases.rule(discount, currency: currency)). Tell me what you're buying or your order total and I'll work out the saving.",
                intent: intent, suggestions: ["\(discount.code) for a $120 order", "Show me headphones"], discounts: [card]
            )
        }
        switch outcome {
        case .applies(let saving, let total, let newTotal):
            card.valid = true
            card.saving = saving.major
            card.total = total.major
            card.finalPrice = newTotal.major
            let text = DiscountPhrases.applies(code: discount.code, saving: saving, total: total, newTotal: newTotal, currency: currency)
                + " Checking a code doesn't use it up; it's redeemed when you order."
            return Reply(text: text, intent: intent, suggestions: ["Any other deals?", "Is it in stock?"], discounts: [card])
        case .fails(let failure):
            card.valid = false
            card.reason = DiscountPhrases.explain(failure, code: discount.code, currency: currency)
            if case .belowMinimumSpend(_, let total) = failure { card.total = total.major }
            return Reply(text: card.reason ?? "", intent: intent, suggestions: ["Any other deals?", "Show me headphones"], discounts: [card])
        }
    }

    private func list(_ all: [Discount], products: [Product], turn: Turn, state: inout ConversationState) -> Reply {
        let currency = turn.context.store.currency
        let now = clock.now()
        var active = all.filter { evaluator.availabilityFailure($0, at: now) == nil }
        var scope = ""
        if let category = turn.entity(Entity.Kind.category)?.value.stringValue {
            active = active.filter { $0.category == nil && $0.brand == nil || $0.category == category }
            scope = " on \(CatalogPhrases.categoryNoun(category))"
        } else if let brand = turn.entity(Entity.Kind.brand)?.value.stringValue {
            active = active.filter { $0.category == nil && $0.brand == nil || $0.brand?.sameIgnoringCase(brand) == true }
            scope = " on \(brand)"
        } else if !products.isEmpty {
            active = active.filter { discount in products.contains { Self.applies(discount, to: $0) } }
            scope = products.count == 1 ? " on the \(products[0].name)" : " on these"
        }
        state.lastCodes = active.map(\.code)
        guard !active.isEmpty else {
            return Reply(text: "There are no active deals\(scope) right now.", intent: Intent(name: Intent.Name.findDiscounts, confidence: turn.intent.confidence),
                         suggestions: ["Any deals today?", "Show me headphones"])
        }
        var cards: [DiscountCard] = []
        for discount in active {
            var card = DiscountCard(discount: discount, currency: currency)
            if products.count == 1, case .applies(let saving, let total, let newTotal) = evaluator.check(discount, lines: [
                .init(category: products[0].category, brand: products[0].brand, unitPrice: products[0].price, quantity: 1),
            ], at: now) {
                card.valid = true
                card.saving = saving.major
                card.total = total.major
                card.finalPrice = newTotal.major
            }
            cards.append(card)
        }
        let lines = active.map { "\($0.code): \(DiscountPhrases.rule($0, currency: currency))" }
        return Reply(
            text: "\(active.count == 1 ? "One deal" : "\(active.count) deals")\(scope) right now — " + lines.joined(separator: "; ") + ".",
            intent: Intent(name: Intent.Name.findDiscounts, confidence: turn.intent.confidence),
            suggestions: Array((["Apply the first code"] + active.prefix(2).map { "Check \($0.code) for a $120 order" }).prefix(3)),
            discounts: cards
        )
    }

    /// Whether a discount can apply to a product at all (its category or brand restriction fits).
    public static func applies(_ discount: Discount, to product: Product) -> Bool {
        (discount.category.map { $0.sameIgnoringCase(product.category) } ?? true)
            && (discount.brand.map { $0.sameIgnoringCase(product.brand) } ?? true)
    }
}
