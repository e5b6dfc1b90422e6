import Foundation

/// Something a shopper (or the owner) asks to be done to an order, once the order is verified.
public enum OrderAction: Sendable, Hashable, Codable {
    case cancel
    case changeAddress(String)
    case startReturn(lines: [ReturnLine], reason: String)

    /// A name for logs, alerts and the stored record.
    public var kind: String {
        switch self {
        case .cancel: "cancel"
        case .changeAddress: "address"
        case .startReturn: "return"
        }
    }
}

/// Items of an order going back.
public struct ReturnLine: Sendable, Hashable, Codable {
    public var productID: Int64?
    public var name: String
    public var quantity: Int

    public init(productID: Int64?, name: String, quantity: Int) {
        self.productID = productID
        self.name = name
        self.quantity = quantity
    }
}

/// What an action does to an order, worked out from the order as stored; a backend carries it out in
/// the same transaction it read the order in.
public struct OrderActionPlan: Sendable, Equatable {
    /// The order's new status, if it changes.
    public var status: Order.Status?
    /// The timeline entry: under the new status, or the current one.
    public var eventStatus: Order.Status
    public var note: String
    /// Stock that goes back on the shelf: product id and quantity.
    public var restock: [Restock]
    public var address: String?
    /// Present for a return.
    public var returnLines: [ReturnLine]?
    public var reason: String?

    public struct Restock: Sendable, Equatable {
        public var productID: Int64
        public var quantity: Int

        public init(productID: Int64, quantity: Int) {
            self.productID = productID
            self.quantity = quantity
        }
    }
}

/// Why an action is not allowed, in words for the shopper ("it shipped on 2026-03-14; you can start a
/// return once it arrives").
public struct OrderActionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// What was done.
public struct OrderActionResult: Sendable {
    public let order: Order
    /// The return's number (`RET-1001`) for a return.
    public let returnNumber: String?
    /// True when this request had been carried out before (a retried frame or request): nothing was done again.
    public let repeated: Bool

    public init(order: Order, returnNumber: String?, repeated: Bool) {
        self.order = order
        self.returnNumber = returnNumber
        self.repeated = repeated
    }
}

/// Where order actions are carried out: each atomically (the order is read, checked against the
/// policy, changed, restocked and its timeline written in one transaction) and once per request key.
public protocol OrderActionStore: Sendable {
    /// Carries out `action` on order `number`; throws `OrderActionRefusal` when the policy does not allow
    /// it now and `ChatError`-like not-found errors from the backend when there is no such order. A
    /// `requestKey` seen before returns what that request did, and does nothing again.
    func perform(_ action: OrderAction, number: String, storeID: Int64, requestKey: String, policy: OrderActionPolicy, at now: Date) async throws -> OrderActionResult
    /// Quantities already in returns, by order line name.
    func returnedQuantities(number: String, storeID: Int64) async throws -> [String: Int]
    /// The returns started for order `number`, oldest first.
    func returns(number: String, storeID: Int64) async throws -> [OrderReturn]
}

/// A return started for an order: its number, what goes back and why.
public struct OrderReturn: Sendable, Equatable, Codable {
    public let number: String
    public let lines: [ReturnLine]
    public let reason: String
    public let createdAt: Date

    public init(number: String, lines: [ReturnLine], reason: String, createdAt: Date) {
        self.number = number
        self.lines = lines
        self.reason = reason
        self.createdAt = createdAt
    }

    /// Lines as stored (JSON); a row that does not read gives none rather than failing the order.
    public static func decodeLines(_ text: String) -> [ReturnLine] {
        (try? JSONDecoder().decode([ReturnLine].self, from: Data(text.utf8))) ?? []
    }

    /// The quantity of each line name across `returns`.
    public static func quantities(_ returns: [[ReturnLine]]) -> [String: Int] {
        returns.joined().reduce(into: [:]) { $0[$1.name, default: 0] += $1.quantity }
    }
}

/// When each action is allowed: cancelling until the order ships, changing the address within a window
/// after ordering, returning within a window after delivery.
public struct OrderActionPolicy: Sendable, Equatable {
    /// Default 2 hours.
    public var addressWindow: TimeInterval
    /// Default 30 days, from delivery.
    public var returnWindow: TimeInterval

    /// The shop acting (the owner's REST routes): the status rules hold, the time windows do not.
    public var byShop = false

    public init(addressWindow: TimeInterval = 2 * 3_600, returnWindow: TimeInterval = 30 * 86_400) {
        self.addressWindow = addressWindow
        self.returnWindow = returnWindow
    }

    /// The rules for the shop itself.
    public static let shop: OrderActionPolicy = {
        var policy = OrderActionPolicy(addressWindow: .greatestFiniteMagnitude, returnWindow: .greatestFiniteMagnitude)
        policy.byShop = true
        return policy
    }()

    /// When `order` was delivered: its delivery event, else the carrier's estimate.
    public static func deliveredAt(_ order: Order) -> Date? {
        order.events.last { $0.status == .delivered }?.at ?? (order.status == .delivered ? order.shipment?.estimatedDelivery : nil)
    }

    /// The plan for `action` on `order` at `now`, or why it is refused. `returned` gives the quantities
    /// of each line already in a return.
    public func plan(_ action: OrderAction, for order: Order, returned: [String: Int] = [:], now: Date) throws -> OrderActionPlan {
        let day = { (date: Date) in ShopClock.dayString(date) }
        switch action {
        case .cancel:
            switch order.status {
            case .pending, .paid:
                let restock = order.items.compactMap { item in item.productID.map { OrderActionPlan.Restock(productID: $0, quantity: item.quantity) } }
                return OrderActionPlan(status: .cancelled, eventStatus: .cancelled, note: byShop ? "Cancelled by the shop" : "Cancelled at the customer's request", restock: restock)
            case .shipped:
                let when = order.events.last { $0.status == .shipped }.map { " on \(day($0.at))" } ?? ""
                throw OrderActionRefusal("Order \(order.number) shipped\(when), so it can't be cancelled any more; you can start a return once it arrives.")
            case .delivered:
                throw OrderActionRefusal("Order \(order.number) has been delivered, so it can't be cancelled; you can start a return instead.")
            case .cancelled:
                throw OrderActionRefusal("Order \(order.number) is already cancelled.")
            case .returned:
                throw OrderActionRefusal("Order \(order.number) was returned, so there is nothing to cancel.")
            }
        case .changeAddress(let address):
            guard order.status == .pending || order.status == .paid else {
                throw OrderActionRefusal("Order \(order.number) is \(order.status.rawValue), so its delivery address can't be changed any more.")
            }
            guard now.timeIntervalSince(order.placedAt) <= addressWindow else {
                throw OrderActionRefusal("The delivery address can be changed within \(Self.span(addressWindow)) of ordering, and order \(order.number) was placed on \(day(order.placedAt)). A person from our team may still be able to help.")
            }
            return OrderActionPlan(status: nil, eventStatus: order.status, note: "Delivery address changed to \(address)" + (byShop ? " by the shop" : ""),
                                   restock: [], address: address)
        case .startReturn(let lines, let reason):
            switch order.status {
            case .pending, .paid:
                throw OrderActionRefusal("Order \(order.number) hasn't shipped yet, so there is nothing to return; you can cancel it instead.")
            case .shipped:
                throw OrderActionRefusal("Order \(order.number) is on its way; you can start a return once it arrives.")
            case .cancelled, .returned:
                throw OrderActionRefusal("Order \(order.number) is \(order.status.rawValue), so it can't be returned.")
            case .delivered:
                break
            }
            let delivered = Self.deliveredAt(order) ?? order.placedAt
            guard now.timeIntervalSince(delivered) <= returnWindow else {
                let ended = delivered.addingTimeInterval(returnWindow)
                throw OrderActionRefusal("The \(Self.span(returnWindow)) return window for order \(order.number) ended on \(day(ended)). Faulty items are still covered by the warranty.")
            }
            guard !lines.isEmpty else { throw OrderActionRefusal("Tell me which items of order \(order.number) you'd like to return.") }
            for line in lines {
                guard let item = order.items.first(where: { $0.name == line.name }), line.quantity > 0 else {
                    throw OrderActionRefusal("Order \(order.number) has no item \"\(line.name.prefix(60))\".")
                }
                let left = item.quantity - returned[item.name, default: 0]
                guard line.quantity <= left else {
                    throw OrderActionRefusal(left == 0 ? "\(item.name) from order \(order.number) is already in a return."
                                             : "Only \(left) of \(item.name) from order \(order.number) can still be returned.")
                }
            }
            let summary = lines.map { "\($0.quantity)× \($0.name)" }.joined(separator: ", ")
            return OrderActionPlan(status: nil, eventStatus: order.status, note: "Return started: \(summary) (\(reason))", restock: [],
                                   returnLines: lines, reason: reason)
        }
    }

    /// "2 hours", "30 days".
    static func span(_ interval: TimeInterval) -> String {
        if interval >= 86_400, interval.truncatingRemainder(dividingBy: 86_400) == 0 {
            let days = interval / 86_400
            return days == 1 ? "1 day" : "\(days.formatted(.number.precision(.fractionLength(0)))) days"
        }
        let hours = max(1, (interval / 3_600).rounded())
        return hours == 1 ? "1 hour" : "\(hours.formatted(.number.precision(.fractionLength(0)))) hours"
    }
}
