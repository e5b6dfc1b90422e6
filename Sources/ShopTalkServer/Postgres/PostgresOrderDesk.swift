import Foundation
import PostgresNIO
import ShopTalkCore

/// The owner's order desk on PostgreSQL, with `OrderDesk`'s validation and lifecycle. Placing an order
/// is one catalog write (it publishes `catalog.changed`, since stock moves): the products are read under
/// their row locks, the code is redeemed by one conditional UPDATE, the stock taken and the order stored,
/// and the store's row lock numbers orders one at a time across instances. A cancellation or return
/// puts the stock back. The sale and its undoing are written to the sales lines behind the analytics.
struct PostgresOrderDesk: OrderDeskOperations {
    let catalog: PostgresCatalog
    let orders: PostgresOrders

    func order(number: String, storeID: Int64) async throws -> Order? {
        try await orders.order(number: number, storeID: storeID)
    }

    func place(_ body: [String: JSONValue], store: Store, now: Date) async throws -> (Order, [StockWatch.LowStock]) {
        let placement = try OrderDesk.placement(body)
        return try await placement.noteRefusedCode {
            try await write(placement, store: store, now: now)
        } record: { code, email in
            _ = try? await catalog.database.rows("INSERT INTO code_attempts (store_id, email, code, at) VALUES (\(store.id), \(email), \(code), \(now))")
        }
    }

    private func write(_ placement: OrderDesk.Placement, store: Store, now: Date) async throws -> (Order, [StockWatch.LowStock]) {
        let storeID = store.id
        return try await catalog.write(storeID: storeID) { connection, logger -> (Order, [StockWatch.LowStock]) in
            try await connection.rows("SELECT id FROM stores WHERE id = \(storeID) FOR UPDATE", logger: logger)
            var items: [Order.Item] = []
            var basket: [DiscountEvaluator.Line] = []
            var before: [Int64: (Product, Int)] = [:]
            var problems: [String: String] = [:]
            for (index, line) in placement.lines.enumerated() {
                guard let row = try await connection.rows("""
                    SELECT \(unescaped: PostgresCatalog.columns) FROM products p WHERE p.id = \(line.productID) AND p.store_id = \(storeID) FOR UPDATE
                    """, logger: logger).first else {
                    problems["items[\(index)].productId"] = "no product \(line.productID) in this store"
                    continue
                }
                let product = try PostgresCatalog.product(from: row).product
                let taken = before[product.id]?.1 ?? 0
                guard product.stock - taken >= line.quantity else {
                    let left = product.stock - taken
                    problems["items[\(index)].quantity"] = left <= 0 ? "\(product.name) is out of stock" : "only \(left) of \(product.name) left"
                    continue
                }
                before[product.id] = (product, taken + line.quantity)
                items.append(Order.Item(productID: product.id, name: product.name, quantity: line.quantity, unitPrice: product.price))
                basket.append(.init(category: product.category, brand: product.brand, unitPrice: product.price, quantity: line.quantity))
            }
            if !problems.isEmpty { throw ChatError(.invalid, "Some items can't be ordered.", fields: problems) }
            var saving = Money.zero
            var redeemed: String?
            if let code = placement.code {
                guard let row = try await connection.rows("""
                    SELECT \(unescaped: PostgresDiscounts.columns) FROM discounts WHERE store_id = \(storeID) AND lower(code) = lower(\(code))
                    """, logger: logger).first, let discount = try PostgresDiscounts.discount(from: row).discount
                else { throw ChatError(.invalid, "Unknown discount code.", fields: ["code": "\(code) is not a code of this store"]) }
                switch DiscountEvaluator().check(discount, lines: basket, at: now) {
                case .fails(let failure):
                    let reason = DiscountPhrases.explain(failure, code: discount.code, currency: store.currency)
                    throw ChatError(.invalid, reason, fields: ["code": reason])
                case .applies(let amount, _, _):
                    guard try await PostgresCatalog.redeem(code: discount.code, storeID: storeID, on: connection, logger: logger) else {
                        let reason = DiscountPhrases.explain(.usageLimitReached(limit: discount.usageLimit ?? 0), code: discount.code, currency: store.currency)
                        throw ChatError(.invalid, reason, fields: ["code": reason])
                    }
                    saving = amount
                    redeemed = discount.code
                }
            }
            for (id, (_, quantity)) in before {
                try await connection.rows("""
                    UPDATE products SET stock = stock - \(quantity), popularity = popularity + \(quantity), updated_at = \(now)
                    WHERE id = \(id) AND store_id = \(storeID)
                    """, logger: logger)
            }
            let day = ShopClock.dayString(now).replacingOccurrences(of: "-", with: "")
            let count = try await connection.rows("""
                SELECT count(*)::bigint FROM orders WHERE store_id = \(storeID) AND number LIKE \("ORD-\(day)-%")
                """, logger: logger).first?.decode(Int.self) ?? 0
            let order = Order(
                number: "ORD-\(day)-\(String(format: "%04d", count + 1))", customerExternalID: nil, email: placement.email ?? "",
                status: .pending, placedAt: now, items: items, discountCode: redeemed, discountAmount: saving,
                events: [Order.Event(status: .pending, at: now, note: "Order placed")], country: placement.country
            )
            let orderID = try await PostgresOrders.insert(order, storeID: storeID, on: connection, logger: logger)
            // The sale in the analytics, under the customer the order was matched to by email.
            var sold = order
            sold.customerExternalID = try await connection.rows("""
                SELECT c.external_id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = \(orderID)
                """, logger: logger).first?.decode(String.self)
            let costs = before.compactMapValues { $0.0.cost?.cents }
            try await PostgresSalesLines.insert(SalesLines.lines(of: sold, costs: costs), storeID: storeID, on: connection, logger: logger)
            return (order, try await PostgresStockWatch.check(Array(before.keys), storeID: storeID, now: now, on: connection, logger: logger))
        }
    }

    func updateStatus(number: String, _ body: [String: JSONValue], store: Store, now: Date) async throws -> Order {
        let change = try OrderDesk.statusChange(body)
        let storeID = store.id
        try await catalog.write(storeID: storeID) { connection, logger in
            guard case let (orderID, order)? = try await PostgresOrders.stored(number: number, storeID: storeID, locking: true, on: connection, logger: logger) else {
                throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
            }
            try change.check(from: order.status)
            if change.status == .shipped {
                let eta = change.eta ?? ShopClock.calendar.startOfDay(for: now.addingTimeInterval(4 * 86_400))
                try await connection.rows("""
                    UPDATE orders SET status = \(change.status.rawValue), carrier = \(change.carrier), tracking_number = \(change.tracking),
                        estimated_delivery = \(eta) WHERE id = \(orderID)
                    """, logger: logger)
            } else {
                try await connection.rows("UPDATE orders SET status = \(change.status.rawValue) WHERE id = \(orderID)", logger: logger)
            }
            // Cancelled or returned goods go back on the shelf, and their sale is undone in the analytics.
            if change.status == .cancelled || change.status == .returned {
                try await PostgresSalesLines.undoSale(orderID: orderID, at: now, storeID: storeID, on: connection, logger: logger)
                for item in order.items {
                    guard let productID = item.productID else { continue }
                    try await connection.rows("""
                        UPDATE products SET stock = stock + \(item.quantity), updated_at = \(now) WHERE id = \(productID) AND store_id = \(storeID)
                        """, logger: logger)
                }
                _ = try await PostgresStockWatch.check(order.items.compactMap(\.productID), storeID: storeID, now: now, on: connection, logger: logger)
            }
            try await connection.rows("""
                INSERT INTO order_events (order_id, store_id, status, at, note)
                VALUES (\(orderID), \(storeID), \(change.status.rawValue), \(now), \(change.eventNote))
                """, logger: logger)
        }
        guard let order = try await orders.order(number: number, storeID: storeID) else {
            throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
        }
        return order
    }
}
