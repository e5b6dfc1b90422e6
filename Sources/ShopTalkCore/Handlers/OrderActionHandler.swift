import Foundation

/// Cancelling an order, changing its delivery address and starting a return, in the chat. Each needs
/// the order number and the email on the order, as a lookup does (or an order this conversation
/// already looked up), then what the action needs, then a yes to a confirmation that says what will
/// happen. An action the shop's rules don't allow is refused with the reason, before anything is asked
/// for nothing.
public struct OrderActionHandler: ChatHandler {
    let orders: any OrderStore
    let actions: any OrderActionStore
    let guardrail: LookupGuard
    let policy: OrderActionPolicy
    let clock: ShopClock

    public init(orders: any OrderStore, actions: any OrderActionStore, guardrail: LookupGuard, policy: OrderActionPolicy, clock: ShopClock) {
        self.orders = orders
        self.actions = actions
        self.guardrail = guardrail
        self.policy = policy
        self.clock = clock
    }

    static let stopWords: Set<String> = ["never mind", "nevermind", "forget it", "stop", "leave it", "don't bother", "no thanks"]

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        guard case .orderAction(var draft)? = state.pending else {
            state.pending = nil
            return reply(turn, "I can cancel an order, change its delivery address or start a return. Which would you like?",
                         ["Cancel my order", "Change my delivery address", "Start a return"])
        }
        let lowered = turn.text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if Self.stopWords.contains(lowered) || (draft.step == .confirm && YesNo.isNo(turn)) {
            state.pending = nil
            let which = draft.number.map { "order \($0)" } ?? "your order"
            return reply(turn, "OK, I've left \(which) as it is.", ["Where's my order?", "Show me headphones"])
        }
        // The order and the proof that it is the shopper's.
        if let named = turn.entity(Entity.Kind.orderNumber)?.value.stringValue, named.caseInsensitiveCompare(draft.number ?? "") != .orderedSame {
            draft.number = named
            draft.verified = false
        }
        if draft.number == nil, let known = state.lastOrderNumber {
            draft.number = known
            draft.verified = true
        }
        if let email = turn.entity(Entity.Kind.email)?.value.stringValue { draft.email = email }
        guard let number = draft.number else {
            return ask(&draft, .number, in: &state, turn, "\(Self.opening(draft.kind)) What's the order number? It looks like ORD-20250105-0001.", ["I don't have it"])
        }
        if !draft.verified && number.sameIgnoringCase(state.lastOrderNumber ?? "") { draft.verified = true }
        var order: Order?
        if !draft.verified {
            guard let email = draft.email else {
                return ask(&draft, .email, in: &state, turn, "To keep your order private, what's the email address you used for order \(number)?", [])
            }
            guard let found = try await guardrail.verifiedOrder(number, email: email, turn: turn, orders: orders) else {
                state.pending = nil
                return reply(turn, "I couldn't find an order \(number) with that email address. Please check both and try again.",
                             ["Check another order", "Talk to a person"])
            }
            draft.verified = true
            state.lastOrderNumber = found.number
            order = found
        }
        if order == nil { order = try await orders.order(number: number, storeID: turn.context.store.id) }
        guard let order else {
            state.pending = nil
            return reply(turn, "I couldn't find order \(number) any more. Please check the number.", ["Where's my order?"])
        }
        draft.number = order.number
        return try await proceed(draft, order: order, turn: turn, state: &state)
    }

    /// With the order verified: refuse early when the rules don't allow the action, else gather what it
    /// needs, confirm, and carry it out.
    private func proceed(_ start: OrderActionDraft, order: Order, turn: Turn, state: inout ConversationState) async throws -> Reply {
        var draft = start
        let now = clock.now()
        let returned = draft.kind == .return ? try await actions.returnedQuantities(number: order.number, storeID: turn.context.store.id) : [:]
        if draft.kind == .return, draft.lines == nil, order.status == .delivered, Self.returnable(order, returned).isEmpty {
            state.pending = nil
            return reply(turn, "Everything from order \(order.number) is already in a return.", ["Where's my order?", "Talk to a person"], order: order)
        }
        // Checked with a stand-in for what is not gathered yet, so that "it has shipped" comes first.
        let probe: OrderAction = switch draft.kind {
        case .cancel: .cancel
        case .address: .changeAddress(draft.address ?? "-")
        case .return: .startReturn(lines: draft.lines ?? Self.returnable(order, returned), reason: draft.reason ?? "-")
        }
        do {
            _ = try policy.plan(probe, for: order, returned: returned, now: now)
        } catch let refusal as OrderActionRefusal {
            state.pending = nil
            return reply(turn, refusal.reason, draft.kind == .return ? ["Talk to a person", "What's your return policy?"] : ["Where's my order?", "Talk to a person"], order: order)
        }
        switch draft.kind {
        case .cancel:
            break
        case .address:
            if draft.address == nil, draft.step == .address {
                guard let address = Self.address(from: turn.text) else {
                    return ask(&draft, .address, in: &state, turn, "That doesn't look like a full address. Please type the new delivery address on one line, with the street, town and postcode.", ["Never mind"])
                }
                draft.address = address
            }
            if draft.address == nil {
                return ask(&draft, .address, in: &state, turn, "What's the new delivery address for order \(order.number)? Please type it on one line.", ["Never mind"])
            }
        case .return:
            if draft.lines == nil {
                let left = Self.returnable(order, returned)
                let everything = order.items.map { ReturnLine(productID: $0.productID, name: $0.name, quantity: $0.quantity) }
                if let named = Self.pickLines(turn.text, from: everything) ?? draft.said.flatMap({ Self.pickLines($0, from: everything) }) {
                    // What the shopper named, as much of it as is not in a return already.
                    let available = left.filter { line in named.contains { $0.name == line.name } }
                    guard !available.isEmpty else {
                        state.pending = nil
                        let names = named.map(\.name).joined(separator: " and ")
                        return reply(turn, "\(names) from order \(order.number) is already in a return.", ["Where's my order?", "Talk to a person"], order: order)
                    }
                    draft.lines = available
                } else if left.count == 1 {
                    draft.lines = left
                } else {
                    let list = left.map { "\($0.quantity)× \($0.name)" }.joined(separator: "; ")
                    return ask(&draft, .items, in: &state, turn, "Which items from order \(order.number) would you like to return? \(list). You can say \"all of them\".",
                               Array(left.prefix(3).map(\.name)) + ["All of them"])
                }
            }
            if draft.reason == nil {
                draft.reason = ReturnReasons.reason(in: turn.text) ?? draft.said.flatMap(ReturnReasons.reason(in:))
                    ?? (draft.step == .reason ? ReturnReasons.freeText(turn.text) : nil)
            }
            if draft.reason == nil {
                return ask(&draft, .reason, in: &state, turn, "What's the reason for the return?", ReturnReasons.choices)
            }
        }
        guard let action = draft.action else { return ask(&draft, .confirm, in: &state, turn, Self.question(draft, order, turn.context.store.currency), ["Yes", "No"]) }
        if draft.step != .confirm || !YesNo.isYes(turn) {
            draft.key = draft.key ?? UUID().uuidString
            return ask(&draft, .confirm, in: &state, turn, Self.question(draft, order, turn.context.store.currency), Self.confirmChoices(draft.kind))
        }
        state.pending = nil
        do {
            let result = try await actions.perform(action, number: order.number, storeID: turn.context.store.id,
                                                   requestKey: "chat:\(draft.key ?? UUID().uuidString)", policy: policy, at: now)
            return reply(turn, Self.done(draft.kind, result, currency: turn.context.store.currency), ["Where's my order?", "Thanks"], order: result.order)
        } catch let refusal as OrderActionRefusal {
            return reply(turn, refusal.reason, ["Where's my order?", "Talk to a person"], order: order)
        }
    }

    private func ask(_ draft: inout OrderActionDraft, _ step: OrderActionDraft.Step, in state: inout ConversationState, _ turn: Turn,
                     _ text: String, _ suggestions: [String]) -> Reply {
        draft.step = step
        state.pending = .orderAction(draft)
        return reply(turn, text, suggestions)
    }

    private func reply(_ turn: Turn, _ text: String, _ suggestions: [String], order: Order? = nil) -> Reply {
        Reply(text: text, intent: Intent(name: Intent.Name.orderAction, confidence: turn.intent.confidence), suggestions: suggestions,
              order: order.map { OrderCard(order: $0, currency: turn.context.store.currency) })
    }
}
