import Foundation
import Hummingbird
import ShopTalkCore

/// REST for scripts and admins under `/api/stores/{store}` that runs on SQLite only so far: orders and
/// AI credits (owner only). Products and discounts are `CatalogAdminController`'s. Every query is scoped
/// to the store in the path, and an owner token of another store is refused.
struct StoreAPIController: Sendable {
    let auth: OwnerAuth
    let orders: OrderDesk
    let clock: ShopClock
    let alertCenter: AlertCenter
    let ledger: CreditLedger

    struct CreditsSummary: Encodable {
        let balance: Double
        let recent: [CreditLedger.LedgerEntry]
    }

    struct PurchaseStatus: Encodable {
        let reference: String
        let status: String
        let balance: Double
    }


    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store")
        group.post("/orders") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let (order, lowStock) = try await orders.place(try await jsonObject(request, context: context), store: store, now: clock.now())
            await alertCenter.recordLowStock(lowStock, storeID: store.id)
            return try jsonResponse(OrderCard(order: order, currency: store.currency), status: .created)
        }
        group.get("/credits") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let balance = Double(try await ledger.balance(storeID: store.id)) / 1000
            return try jsonResponse(CreditsSummary(balance: balance, recent: try await ledger.recent(storeID: store.id, limit: 50)))
        }
        group.get("/credits/usage") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let days = min(366, max(1, request.uri.queryParameters.get("days").flatMap(Int.init) ?? 30))
            let today = clock.today()
            let from = ShopClock.dayString(ShopClock.calendar.date(byAdding: .day, value: -(days - 1), to: today)!)
            return try jsonResponse(try await ledger.usage(storeID: store.id, from: from, to: ShopClock.dayString(today)))
        }
        group.post("/credits/purchases") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            var fields = FieldReader(try await jsonObject(request, context: context))
            let reference = fields.string("paymentReference", required: true, maxLength: 100)
            let paid = fields.money("amountPaid", required: true, positive: true)
            let credits = fields.double("credits", range: 0.001...1_000_000)
            let bonus = fields.double("bonus", range: 0...1_000_000) ?? 0
            if credits == nil && fields.errors["credits"] == nil { fields.fail("credits", "is required") }
            try fields.finish()
            // The ranges above keep both within Int; the checked conversions say so without a trap.
            guard let reference, let paid, let credits, let millicredits = Int(rounding: credits * 1000), let bonusMillicredits = Int(rounding: bonus * 1000) else {
                throw ChatError(.invalid, "Some fields are not valid: credits.", fields: ["credits": "must be a number from 0.001 to 1000000"])
            }
            try await ledger.createPurchase(storeID: store.id, reference: reference, amountPaidCents: paid.cents, currency: store.currency,
                                            millicredits: millicredits, bonus: bonusMillicredits)
            return try jsonResponse(PurchaseStatus(reference: reference, status: "pending", balance: Double(try await ledger.balance(storeID: store.id)) / 1000), status: .created)
        }
        group.patch("/credits/purchases/:reference") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            var fields = FieldReader(try await jsonObject(request, context: context))
            let status = fields.string("status", required: true)
            if let status, status != "completed" && status != "failed" { fields.fail("status", "must be completed or failed") }
            try fields.finish()
            let reference = try context.parameters.require("reference")
            let result = try await ledger.finishPurchase(storeID: store.id, reference: reference, completed: status == "completed")
            return try jsonResponse(PurchaseStatus(reference: reference, status: result, balance: Double(try await ledger.balance(storeID: store.id)) / 1000))
        }
        group.get("/orders/:number") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let number = try context.parameters.require("number")
            guard let order = try await SQLiteOrders(database: orders.database).order(number: number, storeID: store.id) else {
                throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
            }
            return try jsonResponse(OrderCard(order: order, currency: store.currency))
        }
        group.patch("/orders/:number") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let order = try await orders.updateStatus(
                number: try context.parameters.require("number"), try await jsonObject(request, context: context), store: store, now: clock.now()
            )
            return try jsonResponse(OrderCard(order: order, currency: store.currency))
        }
    }
}
