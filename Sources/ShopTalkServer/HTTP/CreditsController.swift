import Foundation
import Hummingbird
import ShopTalkCore

/// A store's AI credits under `/api/stores/{store}/credits` (owner only), on either backend: the
/// balance and recent lines, usage per feature and day, and purchases, which add their credits only
/// when completed, once however often the completion is sent.
struct CreditsController: Sendable {
    let auth: OwnerAuth
    let ledger: any CreditBook
    let clock: ShopClock

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
    }
}
