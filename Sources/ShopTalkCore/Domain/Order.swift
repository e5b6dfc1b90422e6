import Foundation

/// An order with its lines and its status history.
public struct Order: Sendable, Hashable, Codable {
    /// Where an order is in its life.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, paid, shipped, delivered, cancelled, returned
    }

    /// One product line of an order.
    public struct Item: Sendable, Hashable, Codable {
        public var productID: Int64?
        public var name: String
        public var quantity: Int
        public var unitPrice: Money

        public init(productID: Int64?, name: String, quantity: Int, unitPrice: Money) {
            self.productID = productID
            self.name = name
            self.quantity = quantity
            self.unitPrice = unitPrice
        }
    }

    /// One entry of the status timeline.
    public struct Event: Sendable, Hashable, Codable {
        public var status: Status
        public var at: Date
        public var note: String?

        public init(status: Status, at: Date, note: String? = nil) {
            self.status = status
            self.at = at
            self.note = note
        }
    }

    /// Carrier details, present once an order has shipped.
    public struct Shipment: Sendable, Hashable, Codable {
        public var carrier: String
        public var trackingNumber: String
        public var estimatedDelivery: Date

        public init(carrier: String, trackingNumber: String, estimatedDelivery: Date) {
            self.carrier = carrier
            self.trackingNumber = trackingNumber
            self.estimatedDelivery = estimatedDelivery
        }
    }

    public var number: String
    public var customerExternalID: String?
    public var email: String
    public var status: Status
    public var placedAt: Date
    public var items: [Item]
    public var discountCode: String?
    public var discountAmount: Money
    public var shipment: Shipment?
    public var events: [Event]
    public var country: String
    /// Set when the delivery address was changed after ordering.
    public var deliveryAddress: String?

    public init(
        number: String, customerExternalID: String?, email: String, status: Status, placedAt: Date, items: [Item],
        discountCode: String? = nil, discountAmount: Money = .zero, shipment: Shipment? = nil, events: [Event],
        country: String, deliveryAddress: String? = nil
    ) {
        self.number = number
        self.customerExternalID = customerExternalID
        self.email = email
        self.status = status
        self.placedAt = placedAt
        self.items = items
        self.discountCode = discountCode
        self.discountAmount = discountAmount
        self.shipment = shipment
        self.events = events
        self.country = country
        self.deliveryAddress = deliveryAddress
    }

    /// Sum of the lines, less the discount.
    public var total: Money {
        items.reduce(Money.zero) { $0 + $1.unitPrice * $1.quantity } - discountAmount
    }
}
