import Foundation
import Hummingbird
import ShopTalkCore

/// Products (public reads, owner writes) and discount codes (owner only) under `/api/stores/{store}`,
/// on either backend through `CatalogAdministration` and `DiscountAdministration`. Every query is
/// scoped to the store in the path, and an owner token of another store is refused.
struct CatalogAdminController: Sendable {
    let auth: OwnerAuth
    let admin: any CatalogAdministration
    let discounts: any DiscountAdministration
    let clock: ShopClock
    let alertCenter: AlertCenter

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
            let page = try await ClientPresence.whileConnected(context.channel) { try await admin.search(search, storeID: store.id) }
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
                await alertCenter.recordLowStock(lowStock, storeID: store.id)
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
