import Foundation

/// Loyalty points in the chat. A shopper sees their balance and history, and redeems points for a
/// one-time code, after proving they are the customer: the email on one of their orders and its number,
/// as an order lookup asks (the same lockout applies to wrong guesses). An owner asks for the top point
/// earners and the points outstanding.
public struct LoyaltyHandler: ChatHandler {
    let loyalty: any LoyaltyStore
    let orders: any OrderStore
    let guardrail: LookupGuard
    let clock: ShopClock

    public init(loyalty: any LoyaltyStore, orders: any OrderStore, guardrail: LookupGuard, clock: ShopClock) {
        self.loyalty = loyalty
        self.orders = orders
        self.guardrail = guardrail
        self.clock = clock
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let store = turn.context.store
        if turn.context.role == .owner { return try await owner(turn, state: &state) }
        var draft: PointsDraft
        if case .loyalty(let pending)? = state.pending { draft = pending } else { draft = PointsDraft(redeem: Self.redemption(in: turn)) }
        if draft.step == .confirm {
            state.pending = nil
            guard YesNo.isYes(turn), let points = draft.redeem, let email = state.pointsEmail else {
                return reply(turn, "OK, your points stay as they are.", ["How many points do I have?", "Show me headphones"])
            }
            do {
                let done = try await loyalty.redeem(points: points, email: email, storeID: store.id, requestKey: "chat:\(draft.key ?? UUID().uuidString)", now: clock.now())
                return reply(turn, "Your code is \(done.code): \(done.value.formattedWithCents(currency: store.currency)) off one order, for one use. You have \(done.balance) points left.",
                             ["Check \(done.code)", "Show me deals"])
            } catch let refusal as PointsRefusal {
                return reply(turn, refusal.reason, ["How many points do I have?"])
            }
        }
        if let redeem = Self.redemption(in: turn) { draft.redeem = redeem }
        if state.pointsEmail == nil {
            if let email = turn.entity(Entity.Kind.email)?.value.stringValue { draft.email = email }
            if let number = turn.entity(Entity.Kind.orderNumber)?.value.stringValue { draft.number = number }
            if draft.number == nil, let known = state.lastOrderNumber { draft.number = known }
            guard let email = draft.email, let number = draft.number else {
                draft.step = .proof
                state.pending = .loyalty(draft)
                let wanted = draft.email == nil ? (draft.number == nil ? "the email address on your orders and one of your order numbers" : "the email address on order \(draft.number ?? "")") : "one of your order numbers (like ORD-20250105-0001)"
                return reply(turn, "To keep your points private, what's \(wanted)?", [])
            }
            guard let order = try await guardrail.verifiedOrder(number, email: email, turn: turn, orders: orders) else {
                state.pending = nil
                return reply(turn, "I couldn't find an order \(number) with that email address. Please check both and try again.", ["How many points do I have?"])
            }
            state.pointsEmail = order.email.lowercased()
        }
        guard let email = state.pointsEmail else { return reply(turn, "Something went wrong; please ask again.", []) }
        let settings = try await loyalty.settings(storeID: store.id)
        let account = try await loyalty.account(email: email, storeID: store.id, limit: 5)
        if var points = draft.redeem {
            // "Redeem my points" without a number takes them all.
            if points == 0 { points = account.balance; draft.redeem = points }
            do {
                let value = try LoyaltyRules.check(points: points, balance: account.balance, settings)
                draft.step = .confirm
                draft.key = UUID().uuidString
                state.pending = .loyalty(draft)
                return reply(turn, "Turn \(points) of your \(account.balance) points into a one-time code for \(value.formattedWithCents(currency: store.currency)) off? Yes or no?",
                             ["Yes, redeem them", "No, keep them"])
            } catch let refusal as PointsRefusal {
                state.pending = nil
                return reply(turn, refusal.reason, ["How many points do I have?"])
            }
        }
        state.pending = nil
        return reply(turn, Self.summary(account, settings, currency: store.currency),
                     account.balance >= settings.minimumRedemption ? ["Redeem \(settings.minimumRedemption) points", "Show me deals"] : ["Show me deals", "Where's my order?"])
    }

    /// "You have 1,240 points, worth $12.40. Latest: +96 Order ORD-… (Mar 9); …"
    static func summary(_ account: PointsAccount, _ settings: LoyaltySettings, currency: String) -> String {
        let worth = LoyaltyRules.value(of: account.balance, settings).formattedWithCents(currency: currency)
        var text = "You have \(account.balance) points, worth \(worth) off."
        let latest = account.history.prefix(3).map { "\($0.points >= 0 ? "+" : "")\($0.points) \($0.note) (\(ShopClock.dayString($0.at)))" }
        if !latest.isEmpty { text += " Latest: " + latest.joined(separator: "; ") + "." }
        text += " You earn \(Self.number(settings.pointsPerUnit)) point\(settings.pointsPerUnit == 1 ? "" : "s") per \(Money(cents: 100).formatted(currency: currency)) on delivered orders"
        if account.balance >= settings.minimumRedemption {
            text += "; say \"redeem \(settings.minimumRedemption) points\" for a code."
        } else {
            text += ", and can redeem from \(settings.minimumRedemption) points."
        }
        return text
    }

    private func owner(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        state.pending = nil
        let store = turn.context.store
        let settings = try await loyalty.settings(storeID: store.id)
        let words = Set(turn.words)
        if !words.isDisjoint(with: ["outstanding", "owe", "liability", "unredeemed", "total", "held"]) {
            let (points, customers) = try await loyalty.outstanding(storeID: store.id)
            let value = LoyaltyRules.value(of: points, settings).formatted(currency: store.currency)
            return reply(turn, "\(points) points are outstanding, held by \(customers) customers: worth \(value) if all were redeemed.",
                         ["Who are my top point earners?"])
        }
        let top = try await loyalty.top(storeID: store.id, limit: 10)
        guard !top.isEmpty else { return reply(turn, "No customer holds points yet.", []) }
        let lines = top.enumerated().map { index, holder in
            "\(index + 1). " + (holder.name.map { "\($0) (\(holder.email))" } ?? holder.email) + ": \(holder.points)"
        }
        return reply(turn, "Your top point holders: " + lines.joined(separator: "; ") + ".", ["How many points are outstanding?"])
    }

    /// The points a message asks to redeem ("redeem 500 points", "use 1000 of my points").
    static func redemption(in turn: Turn) -> Int? {
        let words = turn.words
        guard !Set(words).isDisjoint(with: ["redeem", "use", "spend", "convert", "cash"]) else { return nil }
        let numbers = words.compactMap { Int($0) }.filter { $0 > 0 && $0 <= 100_000_000 }
        return numbers.first ?? 0
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(exactly: value) ?? 0) : String(format: "%.2f", value)
    }

    private func reply(_ turn: Turn, _ text: String, _ suggestions: [String]) -> Reply {
        Reply(text: text, intent: Intent(name: Intent.Name.loyalty, confidence: turn.intent.confidence), suggestions: suggestions)
    }
}
