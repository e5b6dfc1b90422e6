import Foundation

/// Discount codes as the discount handler needs them. Every call is scoped to one store.
public protocol DiscountStore: Sendable {
    /// Every discount of the store, active or not.
    func discounts(storeID: Int64) async throws -> [Discount]
}

/// A complaint recorded for the shop's staff.
public struct Ticket: Sendable, Hashable, Codable {
    public var reference: String
    public var category: String
    public var orderNumber: String?
    public var text: String
    public var status: String
    public var createdAt: Date

    public init(reference: String, category: String, orderNumber: String?, text: String, status: String, createdAt: Date) {
        self.reference = reference
        self.category = category
        self.orderNumber = orderNumber
        self.text = text
        self.status = status
        self.createdAt = createdAt
    }
}

/// Where complaints are recorded.
public protocol TicketStore: Sendable {
    /// Records a ticket and returns it with its reference (e.g. `TCK-1042`).
    func createTicket(storeID: Int64, sessionID: String, text: String, category: String, orderNumber: String?, at: Date) async throws -> Ticket
}

/// Purchase history signals for recommendations.
public protocol PurchaseHistory: Sendable {
    /// Products most often in the same orders as `productID`, with how many orders they shared.
    func boughtTogether(productID: Int64, storeID: Int64, limit: Int) async throws -> [(Product, Int)]
}

/// A message the assistant refuses to handle for a while, e.g. after too many failed order lookups.
public struct ChatRefusal: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
