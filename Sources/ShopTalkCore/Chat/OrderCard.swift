import Foundation

/// An order as a reply shows it: the `order` payload of a reply frame.
public struct OrderCard: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var name: String
        public var quantity: Int
        public var unitPrice: Double
    }

    public struct Step: Sendable, Hashable, Codable {
        public var status: String
        public var at: String
        public var note: String?
    }

    public var number: String
    public var status: String
    public var placedAt: String
    public var items: [Item]
    public var total: Double
    public var currency: String
    public var discountCode: String?
    public var carrier: String?
    public var trackingNumber: String?
    public var estimatedDelivery: String?
    public var timeline: [Step]
    /// Present when the shopper changed it after ordering.
    public var deliveryAddress: String?

    public init(order: Order, currency: String) {
        number = order.number
        status = order.status.rawValue
        placedAt = ShopClock.iso8601(order.placedAt)
        items = order.items.map { Item(name: $0.name, quantity: $0.quantity, unitPrice: $0.unitPrice.major) }
        total = order.total.major
        self.currency = currency
        discountCode = order.discountCode
        carrier = order.shipment?.carrier
        trackingNumber = order.shipment?.trackingNumber
        estimatedDelivery = order.shipment.map { ShopClock.dayString($0.estimatedDelivery) }
        deliveryAddress = order.deliveryAddress
        timeline = order.events.map { Step(status: $0.status.rawValue, at: ShopClock.iso8601($0.at), note: $0.note) }
    }
}
