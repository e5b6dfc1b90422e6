import Foundation

/// Generates 18 months of orders for the demo store, with realistic volume, baskets, discounts and
/// status histories. Popular products and complementary pairs (phone + case, console + controller) are
/// built in so that popularity and "bought together" signals exist.
struct DemoOrderGenerator {
    let today: Date
    let products: [Product]
    let customers: [Customer]
    let discounts: [Discount]
    private let calendar = ShopClock.calendar
    private let evaluator = DiscountEvaluator()

    init(today: Date, products: [Product], customers: [Customer], discounts: [Discount]) {
        self.today = today
        self.products = products
        self.customers = customers
        self.discounts = discounts
    }

    /// The orders, and how often each discount code was redeemed by them.
    func generate(random: inout SeededGenerator) -> ([Order], [String: Int]) {
        let weights = products.map { _ in exp(Double.random(in: -1.2...1.6, using: &random)) }
        let cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        var usage: [String: Int] = [:]
        var orders: [Order] = []
        let days = 548
        for back in stride(from: days - 1, through: 0, by: -1) {
            let day = calendar.date(byAdding: .day, value: -back, to: today)!
            let count = poisson(rate(for: day, progress: Double(days - back) / Double(days)), random: &random)
            var sequence = 0
            var times = (0..<count).map { _ in
                Double.random(in: back == 0 ? 0..<(10 * 3600) : (7 * 3600)..<(23 * 3600), using: &random)
            }
            times.sort()
            for seconds in times {
                sequence += 1
                let placedAt = day.addingTimeInterval(seconds.rounded())
                let number = "ORD-\(ShopClock.dayString(day).replacingOccurrences(of: "-", with: ""))-\(String(format: "%04d", sequence))"
                var order = makeOrder(number: number, placedAt: placedAt, cumulative: cumulative, random: &random)
                applyDiscount(to: &order, usage: &usage, random: &random)
                orders.append(order)
            }
        }
        return (orders, usage)
    }

    private func rate(for day: Date, progress: Double) -> Double {
        let month = calendar.component(.month, from: day)
        let weekday = calendar.component(.weekday, from: day)
        let seasonal: [Double] = [0.8, 0.75, 0.85, 0.9, 0.95, 0.9, 0.9, 0.95, 1.0, 1.05, 1.45, 1.7]
        let weekend = (weekday == 1 || weekday == 7) ? 1.2 : 1.0
        return 3.4 * (0.8 + 0.45 * progress) * seasonal[month - 1] * weekend
    }

    private func poisson(_ lambda: Double, random: inout SeededGenerator) -> Int {
        let limit = exp(-lambda)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= Double.random(in: 0..<1, using: &random)
        } while p > limit
        return k - 1
    }

    private func drawProduct(_ cumulative: [Double], random: inout SeededGenerator) -> Product {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return products[low]
    }

    /// Accessories that go with a product, for "bought together" baskets.
    private func companions(of product: Product) -> [Product] {
        let keywords: [String]
        switch product.category {
        case "phones": keywords = product.brand == "Apple" ? ["MagSafe", "iPhone", "20W"] : ["Galaxy S24", "45W", "microSD", "Power Bank"]
        case "laptops": keywords = ["Mouse", "Docking", "Backpack", "Keyboard", "USB-C Charger"]
        case "tvs": keywords = ["Soundbar", "Wall Mount"]
        case "gaming": keywords = ["Controller", "Headset"]
        case "tablets": keywords = ["Keyboard", "USB-C Charger", "Cable"]
        case "shoes": keywords = ["T-Shirt", "Joggers", "Running Jacket"]
        default: return []
        }
        return products.filter { candidate in
            candidate.id != product.id && keywords.contains { candidate.name.contains($0) }
        }
    }

    private func makeOrder(
        number: String, placedAt: Date, cumulative: [Double], random: inout SeededGenerator
    ) -> Order {
        let customerIndex = Int(pow(Double.random(in: 0..<1, using: &random), 1.7) * Double(customers.count))
        let customer = customers[min(customerIndex, customers.count - 1)]
        let primary = drawProduct(cumulative, random: &random)
        var basket = [primary]
        let companions = companions(of: primary)
        if !companions.isEmpty && random.chance(0.4) {
            basket.append(random.pick(companions))
        }
        if random.chance(0.15) {
            let extra = drawProduct(cumulative, random: &random)
            if !basket.contains(where: { $0.id == extra.id }) { basket.append(extra) }
        }
        let items = basket.map { product -> Order.Item in
            var quantity = 1
            if product.price.cents < 10_000 {
                let roll = Double.random(in: 0..<1, using: &random)
                quantity = roll < 0.85 ? 1 : (roll < 0.97 ? 2 : 3)
            }
            return Order.Item(productID: product.id, name: product.name, quantity: quantity, unitPrice: product.price)
        }
        let (status, events, shipment) = history(placedAt: placedAt, random: &random)
        return Order(
            number: number, customerExternalID: customer.externalID, email: customer.email, status: status,
            placedAt: placedAt, items: items, shipment: shipment, events: events, country: customer.country
        )
    }

    private func applyDiscount(to order: inout Order, usage: inout [String: Int], random: inout SeededGenerator) {
        guard random.chance(0.14) else { return }
        var discount = random.pick(discounts)
        discount.usedCount += usage[discount.code, default: 0]
        let lines = order.items.compactMap { item -> DiscountEvaluator.Line? in
            guard let product = products.first(where: { $0.id == item.productID }) else { return nil }
            return DiscountEvaluator.Line(
                category: product.category, brand: product.brand, unitPrice: item.unitPrice, quantity: item.quantity
            )
        }
        if case .applies(let saving, _, _) = evaluator.check(discount, lines: lines, at: order.placedAt) {
            order.discountCode = discount.code
            order.discountAmount = saving
            usage[discount.code, default: 0] += 1
        }
    }

    /// A status and its timeline for an order placed at `placedAt`, as far as it has got by today.
    private func history(
        placedAt: Date, random: inout SeededGenerator
    ) -> (Order.Status, [Order.Event], Order.Shipment?) {
        let now = today.addingTimeInterval(12 * 3600)
        var events = [Order.Event(status: .pending, at: placedAt, note: "Order placed")]
        let paidAt = placedAt.addingTimeInterval(Double.random(in: 300...5400, using: &random).rounded())
        if random.chance(0.04) {
            let cancelledAt = placedAt.addingTimeInterval(Double.random(in: 3600...86_400, using: &random).rounded())
            if cancelledAt <= now {
                events.append(Order.Event(status: .cancelled, at: cancelledAt, note: "Cancelled at the customer's request"))
                return (.cancelled, events, nil)
            }
        }
        // Recent orders paid by bank transfer wait a while for their payment.
        let awaitingTransfer = now.timeIntervalSince(placedAt) < 2 * 86_400 && random.chance(0.35)
        guard paidAt <= now, !awaitingTransfer else { return (.pending, events, nil) }
        events.append(Order.Event(status: .paid, at: paidAt, note: "Payment received"))
        let shippedAt = paidAt.addingTimeInterval(Double.random(in: 20_000...150_000, using: &random).rounded())
        guard shippedAt <= now else { return (.paid, events, nil) }
        let carriers = ["UPS", "FedEx", "USPS", "DHL"]
        let carrier = random.pick(carriers)
        let shipment = Order.Shipment(
            carrier: carrier, trackingNumber: trackingNumber(carrier: carrier, random: &random),
            estimatedDelivery: calendar.startOfDay(for: shippedAt.addingTimeInterval(Double(Int.random(in: 3...5, using: &random)) * 86_400))
        )
        events.append(Order.Event(status: .shipped, at: shippedAt, note: "Shipped with \(carrier)"))
        let deliveredAt = shippedAt.addingTimeInterval(Double.random(in: 1.5...4.5, using: &random).rounded() * 86_400)
        guard deliveredAt <= now else { return (.shipped, events, shipment) }
        events.append(Order.Event(status: .delivered, at: deliveredAt, note: "Delivered"))
        if random.chance(0.035) {
            let returnedAt = deliveredAt.addingTimeInterval(Double(Int.random(in: 4...20, using: &random)) * 86_400)
            if returnedAt <= now {
                events.append(Order.Event(status: .returned, at: returnedAt, note: "Returned and refunded"))
                return (.returned, events, shipment)
            }
        }
        return (.delivered, events, shipment)
    }

    private func trackingNumber(carrier: String, random: inout SeededGenerator) -> String {
        switch carrier {
        case "UPS":
            let letters = String((0..<6).map { _ in random.pick(Array("ABCDEFGHJKLMNPRTVWXY0123456789")) })
            return "1Z" + letters + digits(10, random: &random)
        case "FedEx": return digits(12, random: &random)
        case "USPS": return "9400" + digits(18, random: &random)
        default: return digits(10, random: &random)
        }
    }

    private func digits(_ count: Int, random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
    }
}
