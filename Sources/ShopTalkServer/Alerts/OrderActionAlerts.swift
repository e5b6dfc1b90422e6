import Foundation
import ShopTalkCore

/// Order actions that tell the owner: each one carried out (not a repeat of an earlier request) is an
/// `order_action` alert, pushed live and delivered as the store's alert preferences say. The chat and
/// the owner's REST routes both act through this.
struct OrderActionAlerts: OrderActionStore {
    let base: any OrderActionStore
    let center: AlertCenter
    /// The store's currency, for the amounts in the message.
    let currency: @Sendable (Int64) async -> String

    /// What the alert carries besides its message.
    struct Detail: Encodable, Sendable {
        let orderNumber: String
        let action: String
        let status: String
        let returnNumber: String?
        let total: Double
    }

    func perform(_ action: OrderAction, number: String, storeID: Int64, requestKey: String, policy: OrderActionPolicy, at now: Date) async throws -> OrderActionResult {
        let result = try await base.perform(action, number: number, storeID: storeID, requestKey: requestKey, policy: policy, at: now)
        guard !result.repeated else { return result }
        let order = result.order
        let total = order.total.formatted(currency: await currency(storeID))
        let message: String = switch action {
        case .cancel: "Order \(order.number) (\(total)) was cancelled \(policy.byShop ? "by the shop" : "by the customer"); its stock is back on the shelf."
        case .changeAddress(let address): "Order \(order.number): the delivery address was changed to \(address.prefix(200))."
        case .startReturn(let lines, let reason):
            "Return \(result.returnNumber ?? "") started for order \(order.number): "
                + lines.map { "\($0.quantity)× \($0.name)" }.joined(separator: ", ") + " (\(reason.prefix(120)))."
        }
        let detail = Detail(orderNumber: order.number, action: action.kind, status: order.status.rawValue,
                            returnNumber: result.returnNumber, total: order.total.major)
        await center.record(kind: "order_action", subject: order.number, message: message, data: detail, storeID: storeID)
        return result
    }

    func returnedQuantities(number: String, storeID: Int64) async throws -> [String: Int] {
        try await base.returnedQuantities(number: number, storeID: storeID)
    }

    func returns(number: String, storeID: Int64) async throws -> [OrderReturn] {
        try await base.returns(number: number, storeID: storeID)
    }
}
