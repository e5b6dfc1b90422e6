import Foundation
import Hummingbird
import ShopTalkCore

/// The owner's order desk under `/api/stores/{store}/orders`, on either backend: place an order, read
/// one, move it through its statuses. Products and discounts are `CatalogAdminController`'s, credits
/// `CreditsController`'s. Every query is scoped
/// to the store in the path, and an owner token of another store is refused.
struct StoreAPIController: Sendable {
    let auth: OwnerAuth
    let orders: any OrderDeskOperations
    let clock: ShopClock
    let alertCenter: AlertCenter



    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store")
        group.post("/orders") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let (order, lowStock) = try await orders.place(try await jsonObject(request, context: context), store: store, now: clock.now())
            await alertCenter.recordLowStock(lowStock, storeID: store.id)
            return try jsonResponse(OrderCard(order: order, currency: store.currency), status: .created)
        }
        group.get("/orders/:number") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let number = try context.parameters.require("number")
            guard let order = try await orders.order(number: number, storeID: store.id) else {
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
