import Foundation
import HTTPTypes
import Hummingbird
import ShopTalkCore

/// The owner's order actions over REST, on both backends, under `/api/stores/{store}/orders/{number}`:
/// `POST …/cancel`, `POST …/address` and `POST …/returns`, and `GET …/returns`. The shop may act outside
/// the shopper's time windows, never against the status rules (a shipped order is not cancelled). An
/// `Idempotency-Key` header makes a retried request return what the first did and do nothing again.
struct OrderActionsController: Sendable {
    let auth: OwnerAuth
    let orders: any OrderStore
    let actions: any OrderActionStore
    let clock: ShopClock

    struct Done: Encodable {
        let order: OrderCard
        let returnNumber: String?
        /// True when the key was seen before and nothing was done now.
        let repeated: Bool
    }

    struct Returns: Encodable {
        let orderNumber: String
        let returns: [OrderReturn]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store/orders/:number")
        group.post("/cancel") { request, context in
            try await act(request, context) { _, _ in .cancel }
        }
        group.post("/address") { request, context in
            try await act(request, context) { body, _ in
                var fields = FieldReader(body)
                let address = fields.string("address", required: true, maxLength: 300)
                if let address, address.trimmingCharacters(in: .whitespaces).count < 8 { fields.fail("address", "must be a whole address") }
                try fields.finish()
                return .changeAddress(address?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            }
        }
        group.post("/returns") { request, context in
            try await act(request, context) { body, order in try Self.returnAction(body, order: order) }
        }
        group.get("/returns") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let order = try await found(try context.parameters.require("number"), store: store)
            return try jsonResponse(Returns(orderNumber: order.number, returns: try await actions.returns(number: order.number, storeID: store.id)))
        }
    }

    /// Reads the body, finds the order, carries out the action as the shop; a refusal is a 409 with the reason.
    private func act(_ request: Request, _ context: AppRequestContext,
                     _ action: @Sendable ([String: JSONValue], Order) throws -> OrderAction) async throws -> Response {
        let store = try await auth.owner(request, slug: try context.parameters.require("store"))
        let key = try Self.idempotencyKey(request)
        let body = try await jsonObject(request, context: context, emptyAllowed: true)
        let order = try await found(try context.parameters.require("number"), store: store)
        let wanted = try action(body, order)
        do {
            let result = try await actions.perform(wanted, number: order.number, storeID: store.id, requestKey: "rest:\(key ?? UUID().uuidString)",
                                                   policy: .shop, at: clock.now())
            let done = Done(order: OrderCard(order: result.order, currency: store.currency), returnNumber: result.returnNumber, repeated: result.repeated)
            return try jsonResponse(done, status: result.repeated ? .ok : .created)
        } catch let refusal as OrderActionRefusal {
            throw ChatError(.conflict, refusal.reason)
        }
    }

    private func found(_ number: String, store: Store) async throws -> Order {
        guard number.count <= 40, let order = try await orders.order(number: number, storeID: store.id) else {
            throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
        }
        return order
    }

    /// 1 to 100 printable characters, or none.
    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let name = HTTPField.Name("Idempotency-Key"), let key = request.head.headerFields[name] else { return nil }
        guard (1...100).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw ChatError(.invalid, "Idempotency-Key takes 1 to 100 printable characters without spaces.", fields: ["Idempotency-Key": "is malformed"])
        }
        return key
    }

    /// `{"items": [{"name": "…", "quantity": 1}, …], "reason": "…"}`; items by product name or productId,
    /// all of the order when the list is left out.
    static func returnAction(_ body: [String: JSONValue], order: Order) throws -> OrderAction {
        var fields = FieldReader(body)
        let reason = fields.string("reason", required: true, maxLength: 200)
        var lines: [ReturnLine] = []
        if case .array(let items)? = body["items"] {
            if items.isEmpty || items.count > 100 { fields.fail("items", "must list 1 to 100 items") }
            for (index, item) in items.prefix(100).enumerated() {
                guard case .object(let object) = item else { fields.fail("items[\(index)]", "must be an object with name or productId, and quantity"); continue }
                var itemFields = FieldReader(object)
                let name = itemFields.string("name", maxLength: 200)
                let productID = itemFields.int("productId", range: 1...Int(Int32.max))
                let quantity = itemFields.int("quantity", range: 1...1000) ?? 1
                for (key, message) in itemFields.errors { fields.fail("items[\(index)].\(key)", message) }
                guard let line = order.items.first(where: { item in
                    (name.map { item.name.caseInsensitiveCompare($0) == .orderedSame } ?? false) || (productID.map { item.productID == Int64($0) } ?? false)
                }) else {
                    if itemFields.errors.isEmpty { fields.fail("items[\(index)]", "is not a line of order \(order.number)") }
                    continue
                }
                if let same = lines.firstIndex(where: { $0.name == line.name }) {
                    lines[same].quantity = min(lines[same].quantity + quantity, 100_000)
                } else {
                    lines.append(ReturnLine(productID: line.productID, name: line.name, quantity: quantity))
                }
            }
        } else if body["items"] != nil {
            fields.fail("items", "must be a list")
        } else {
            lines = order.items.map { ReturnLine(productID: $0.productID, name: $0.name, quantity: $0.quantity) }
        }
        try fields.finish()
        return .startReturn(lines: lines, reason: reason ?? "")
    }
}
