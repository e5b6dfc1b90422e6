import Foundation
import Hummingbird
import ShopTalkCore

/// REST for scripts and admins under `/api/stores/{store}`: products (public reads, owner writes),
/// discounts and orders (owner only). Every query is scoped to the store in the path, and an owner token
/// of another store is refused.
struct StoreAPIController: Sendable {
    let auth: OwnerAuth
    let catalog: SQLiteCatalog
    let admin: CatalogAdmin
    let discounts: DiscountAdmin
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

    private func publish(_ lowStock: [StockWatch.LowStock], storeID: Int64) async {
        for alert in lowStock {
            await alertCenter.record(kind: "low_stock", subject: String(alert.productId), message: StockWatch.message(alert), data: alert, storeID: storeID)
        }
    }

    struct ProductList: Encodable {
        let products: [CatalogAdmin.ProductJSON]
        let total: Int
    }

    struct DiscountList: Encodable {
        let discounts: [DiscountAdmin.DiscountJSON]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store")
        group.get("/products") { request, context in
            let (store, isOwner) = try await auth.reader(request, slug: try context.parameters.require("store"))
            let query = request.uri.queryParameters
            let limit = min(100, max(1, query.get("limit").flatMap(Int.init) ?? 20))
            let text = try Self.searchText(query.get("q"))
            let search = ProductQuery(
                text: text, category: query.get("category")?.prefix(100).description, brand: query.get("brand")?.prefix(100).description,
                limit: limit, offset: min(1_000_000, max(0, query.get("offset").flatMap(Int.init) ?? 0))
            )
            // A client that leaves mid-search stops the search (the statement is interrupted).
            let page = try await ClientPresence.whileConnected(context.channel) { try await catalog.search(search, storeID: store.id) }
            return try jsonResponse(ProductList(products: page.products.map { CatalogAdmin.ProductJSON($0, ownerView: isOwner) }, total: page.total))
        }
        group.get("/products/:id") { request, context in
            let (store, isOwner) = try await auth.reader(request, slug: try context.parameters.require("store"))
            return try jsonResponse(CatalogAdmin.ProductJSON(try await admin.product(id: try productID(context), storeID: store.id), ownerView: isOwner))
        }
        group.post("/products") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let product = try await admin.createProduct(try await jsonObject(request, context: context), storeID: store.id, now: clock.now())
            return try jsonResponse(CatalogAdmin.ProductJSON(product), status: .created)
        }
        for method in [HTTPRequest.Method.put, .patch] {
            group.on("/products/:id", method: method) { request, context in
                let store = try await auth.owner(request, slug: try context.parameters.require("store"))
                let (product, lowStock) = try await admin.updateProduct(id: try productID(context), try await jsonObject(request, context: context), storeID: store.id, now: clock.now())
                await publish(lowStock, storeID: store.id)
                return try jsonResponse(CatalogAdmin.ProductJSON(product))
            }
        }
        group.delete("/products/:id") { request, context -> Response in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            try await admin.deleteProduct(id: try productID(context), storeID: store.id)
            return Response(status: .noContent)
        }
        group.get("/discounts") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            return try jsonResponse(DiscountList(discounts: try await discounts.list(storeID: store.id).map(DiscountAdmin.DiscountJSON.init)))
        }
        group.get("/discounts/:code") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            return try jsonResponse(DiscountAdmin.DiscountJSON(try await discounts.discount(code: try context.parameters.require("code"), storeID: store.id)))
        }
        group.post("/discounts") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let discount = try await discounts.create(try await jsonObject(request, context: context), storeID: store.id)
            return try jsonResponse(DiscountAdmin.DiscountJSON(discount), status: .created)
        }
        for method in [HTTPRequest.Method.put, .patch] {
            group.on("/discounts/:code", method: method) { request, context in
                let store = try await auth.owner(request, slug: try context.parameters.require("store"))
                let discount = try await discounts.update(code: try context.parameters.require("code"), try await jsonObject(request, context: context), storeID: store.id)
                return try jsonResponse(DiscountAdmin.DiscountJSON(discount))
            }
        }
        group.delete("/discounts/:code") { request, context -> Response in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            try await discounts.delete(code: try context.parameters.require("code"), storeID: store.id)
            return Response(status: .noContent)
        }
        group.post("/orders") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let (order, lowStock) = try await orders.place(try await jsonObject(request, context: context), store: store, now: clock.now())
            await publish(lowStock, storeID: store.id)
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

    /// The `q` of a product search, refused with the reason when it is longer than a search takes.
    static func searchText(_ q: String?) throws -> String? {
        guard let q else { return nil }
        guard q.count <= ProductQuery.maxTextLength, ProductQuery.words(in: q).count <= ProductQuery.maxTerms else {
            let limits = "at most \(ProductQuery.maxTerms) words and \(ProductQuery.maxTextLength) characters"
            throw ChatError(.invalid, "The search is too long: q takes \(limits).", fields: ["q": "must have \(limits)"])
        }
        return q
    }

    private func productID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else {
            throw ChatError(.notFound, "Product ids are positive whole numbers.")
        }
        return id
    }
}
