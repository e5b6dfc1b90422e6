import Foundation

/// One alert an owner was sent: a product running low, a new ticket, credits running out.
public struct AlertEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: String
    public var message: String
    public var createdAt: Date
    public var resolvedAt: Date?
    /// How it was sent outside the live feed: "email sent", "webhook failed: …".
    public var deliveries: [String]

    public init(id: Int64, kind: String, message: String, createdAt: Date, resolvedAt: Date?, deliveries: [String] = []) {
        self.id = id
        self.kind = kind
        self.message = message
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.deliveries = deliveries
    }
}

/// An owner's alert history, scoped to one store.
public protocol AlertBook: Sendable {
    /// Alerts newest first; only the unresolved ones when `openOnly`.
    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry]
    /// Marks an alert resolved; false when the store has no such open alert.
    func resolve(alertID: Int64, storeID: Int64, at: Date) async throws -> Bool
}
