/// Orders as the order-status handler needs them. SQLite implements it today. Every call is scoped to
/// one store.
public protocol OrderStore: Sendable {
    /// The order with `number` in the store, if any.
    func order(number: String, storeID: Int64) async throws -> Order?
}
