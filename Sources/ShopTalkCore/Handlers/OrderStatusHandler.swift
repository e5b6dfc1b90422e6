/// Order status: needs the order number and the email on the order, asks for whichever is missing
/// (a pending question), and answers a wrong email exactly as it answers an unknown order, so replies
/// never reveal whether an order exists.
public struct OrderStatusHandler: ChatHandler {
    let orders: any OrderStore
    let guardrail: LookupGuard

    public init(orders: any OrderStore, guardrail: LookupGuard) {
        self.orders = orders
        self.guardrail = guardrail
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        // What the conversation has gathered so far, then what this message adds.
        var number: String?
        var email: String?
        var askedForNumber = false
        switch state.pending {
        case .orderNumber(Intent.Name.orderStatus, let given)?: email = given; askedForNumber = true
        case .email(let given)?: number = given
        default: break
        }
        number = turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? number
        email = turn.entity(Entity.Kind.email)?.value.stringValue ?? email
        let intent = Intent(name: Intent.Name.orderStatus, confidence: turn.intent.confidence)
        guard let number else {
            let again = askedForNumber
            state.pending = .orderNumber(for: Intent.Name.orderStatus, email: email)
            return Reply(
                text: again
                    ? "I still need the order number to look it up. It's in your confirmation email and looks like ORD-20250105-0001."
                    : "I can check that for you. What's the order number? It looks like ORD-20250105-0001.",
                intent: intent, suggestions: ["I don't have it", "Show me headphones"]
            )
        }
        guard let email else {
            state.pending = .email(orderNumber: number)
            return Reply(
                text: "Thanks. To keep your order private, what's the email address you used for order \(number)?",
                intent: intent, suggestions: []
            )
        }
        state.pending = nil
        guard let order = try await guardrail.verifiedOrder(number, email: email, turn: turn, orders: orders) else {
            return Reply(
                text: "I couldn't find an order \(number) with that email address. Please check both and try again.",
                intent: intent, suggestions: ["Check another order", "I want to make a complaint"]
            )
        }
        state.lastOrderNumber = order.number
        return Reply(
            text: Self.summary(order, currency: turn.context.store.currency), intent: intent,
            suggestions: order.status == .delivered ? ["Report a problem with it", "Show me headphones"] : ["Check another order", "Show me headphones"],
            order: OrderCard(order: order, currency: turn.context.store.currency)
        )
    }

    static func summary(_ order: Order, currency: String) -> String {
        let placed = ShopClock.dayString(order.placedAt)
        switch order.status {
        case .pending: return "Order \(order.number), placed on \(placed), is waiting for payment."
        case .paid: return "Order \(order.number), placed on \(placed), is paid and being prepared for shipping."
        case .shipped:
            guard let shipment = order.shipment else { return "Order \(order.number) has shipped." }
            return "Order \(order.number) is on its way with \(shipment.carrier) (tracking \(shipment.trackingNumber)), expected by \(ShopClock.dayString(shipment.estimatedDelivery))."
        case .delivered:
            let delivered = order.events.last { $0.status == .delivered }.map { ShopClock.dayString($0.at) } ?? "recently"
            return "Order \(order.number) was delivered on \(delivered)."
        case .cancelled: return "Order \(order.number), placed on \(placed), was cancelled."
        case .returned: return "Order \(order.number) was returned and refunded (\(order.total.formatted(currency: currency)))."
        }
    }
}
