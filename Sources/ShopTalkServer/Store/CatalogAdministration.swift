import Foundation
import ShopTalkCore

/// What the owner REST routes for products need from a backend: a search page, one product, and
/// creation, update (with the products that just ran low) and deletion with validation.
protocol CatalogAdministration: Sendable {
    func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage
    func product(id: Int64, storeID: Int64) async throws -> Product
    func createProduct(_ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> Product
    func updateProduct(id: Int64, _ body: [String: JSONValue], storeID: Int64, now: Date) async throws -> (Product, [StockWatch.LowStock])
    func deleteProduct(id: Int64, storeID: Int64) async throws
}

/// What the owner REST routes for discount codes need from a backend.
protocol DiscountAdministration: Sendable {
    func list(storeID: Int64) async throws -> [Discount]
    func discount(code: String, storeID: Int64) async throws -> Discount
    func create(_ body: [String: JSONValue], storeID: Int64) async throws -> Discount
    func update(code: String, _ body: [String: JSONValue], storeID: Int64) async throws -> Discount
    func delete(code: String, storeID: Int64) async throws
}

extension CatalogAdmin: CatalogAdministration {
    func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        try await catalog.search(query, storeID: storeID)
    }
}

extension DiscountAdmin: DiscountAdministration {}

extension DiscountAdministration {
    /// The discount with `code` among `list`, compared without case.
    func discount(code: String, storeID: Int64) async throws -> Discount {
        guard let discount = try await list(storeID: storeID).first(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame }) else {
            throw ChatError(.notFound, "There is no discount code \(code.prefix(40)).")
        }
        return discount
    }
}

extension AlertCenter {
    /// Records a `low_stock` alert for each product that just ran low.
    func recordLowStock(_ lowStock: [StockWatch.LowStock], storeID: Int64) async {
        for alert in lowStock {
            await record(kind: "low_stock", subject: String(alert.productId), message: StockWatch.message(alert), data: alert, storeID: storeID)
        }
    }
}

/// What the owner's order desk routes need from a backend: placing an order (stock and the code taken in
/// one transaction), reading one, and moving it through its statuses.
protocol OrderDeskOperations: Sendable {
    func place(_ body: [String: JSONValue], store: Store, now: Date) async throws -> (Order, [StockWatch.LowStock])
    func order(number: String, storeID: Int64) async throws -> Order?
    func updateStatus(number: String, _ body: [String: JSONValue], store: Store, now: Date) async throws -> Order
}

extension OrderDesk: OrderDeskOperations {}
