import Foundation
import GRDB
import ShopTalkCore

/// Places orders and moves them through their statuses. Placing an order checks stock and the
/// discount code, takes the stock, and redeems the code in one transaction: SQLite runs write
/// transactions one at a time, and the usage update only succeeds while the code is below its limit,
/// so concurrent orders can never take a code past its limit.
struct OrderDesk: Sendable {
    let database: AppDatabase
    let catalog: SQLiteCatalog

    /// What a request to place an order asks for, validated.
    struct Placement: Sendable {
        let email: String?
        let code: String?
        let country: String
        let lines: [(productID: Int64, quantity: Int)]

        /// Runs `write`; when it refuses this placement's code, `record` is given the code (at most 40
        /// characters) and the email, since a refused code counts towards the order risk score of this
        /// email's next orders, and the refusal is rethrown.
        func noteRefusedCode<T>(_ write: () async throws -> T, record: (_ code: String, _ email: String) async -> Void) async throws -> T {
            do {
                return try await write()
            } catch let error as ChatError where error.fields["code"] != nil {
                if let code, let email { await record(String(code.prefix(40)), email) }
                throw error
            }
        }
    }

    /// A requested status change, validated.
    struct StatusChange: Sendable {
        let status: Order.Status
        let carrier: String?
        let tracking: String?
        let eta: Date?
        let note: String?

        /// The statuses an order may move to from each status.
        static let allowed: [Order.Status: Set<Order.Status>] = [
            .pending: [.paid, .cancelled], .paid: [.shipped, .cancelled], .shipped: [.delivered, .returned],
            .delivered: [.returned], .cancelled: [], .returned: [],
        ]

        /// Refuses the change from `current` when the order's lifecycle does not allow it.
        func check(from current: Order.Status) throws {
            guard Self.allowed[current, default: []].contains(status) else {
                throw ChatError(.invalid, "An order that is \(current.rawValue) can't become \(status.rawValue).", fields: ["status": "can't go from \(current.rawValue) to \(status.rawValue)"])
            }
        }

        /// The timeline's note for the change.
        var eventNote: String? { note ?? (status == .shipped ? "Shipped with \(carrier ?? "")" : nil) }
    }

    static func placement(_ body: [String: JSONValue]) throws -> Placement {
        var fields = FieldReader(body)
        let email = fields.string("email", required: true, maxLength: 254)
        if let email, !(email.contains("@") && email.contains(".")) { fields.fail("email", "must be an email address") }
        let code = fields.string("code", maxLength: 40)
        let country = fields.string("country", maxLength: 100) ?? ""
        var lines: [(Int64, Int)] = []
        if case .array(let items)? = body["items"], !items.isEmpty, items.count <= 100 {
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else { fields.fail("items[\(index)]", "must be an object with productId and quantity"); continue }
                var itemFields = FieldReader(object)
                let id = itemFields.int("productId", required: true, range: 1...Int(Int32.max))
                let quantity = itemFields.int("quantity", range: 1...1000) ?? 1
                for (key, message) in itemFields.errors { fields.fail("items[\(index)].\(key)", message) }
                if let id { lines.append((Int64(id), quantity)) }
            }
        } else {
            fields.fail("items", "must be a list of 1 to 100 items")
        }
        try fields.finish()
        return Placement(email: email, code: code, country: country, lines: lines.map { (productID: $0.0, quantity: $0.1) })
    }

    func place(_ body: [String: JSONValue], store: Store, now: Date) async throws -> (Order, [StockWatch.LowStock]) {
        let placement = try Self.placement(body)
        let placed = try await placement.noteRefusedCode {
            try await write(placement.lines.map { ($0.productID, $0.quantity) }, email: placement.email, code: placement.code,
                            country: placement.country, store: store, now: now)
        } record: { code, email in
            try? await database.writer.write { db in
                try db.execute(sql: "INSERT INTO code_attempts (storeId, email, code, at) VALUES (?, ?, ?, ?)", arguments: [store.id, email, code, now])
            }
        }
        await catalog.catalogChanged(storeID: store.id)
        return placed
    }

    /// Checks stock and the code, takes the stock, redeems the code and stores the order, in one transaction.
    private func write(_ requested: [(Int64, Int)], email: String?, code: String?, country: String, store: Store, now: Date) async throws -> (Order, [StockWatch.LowStock]) {
        let storeID = store.id
        let evaluator = DiscountEvaluator()
        return try await database.writer.write { db -> (Order, [StockWatch.LowStock]) in
            var items: [Order.Item] = []
            var basket: [DiscountEvaluator.Line] = []
            var problems: [String: String] = [:]
            for (index, line) in requested.enumerated() {
                guard let record = try ProductRecord.fetchOne(db, sql: "SELECT * FROM products WHERE id = ? AND storeId = ?", arguments: [line.0, storeID]) else {
                    problems["items[\(index)].productId"] = "no product \(line.0) in this store"
                    continue
                }
                if record.stock < line.1 {
                    problems["items[\(index)].quantity"] = record.stock == 0 ? "\(record.name) is out of stock" : "only \(record.stock) of \(record.name) left"
                    continue
                }
                items.append(Order.Item(productID: record.id, name: record.name, quantity: line.1, unitPrice: Money(cents: record.priceCents)))
                basket.append(.init(category: record.category, brand: record.brand, unitPrice: Money(cents: record.priceCents), quantity: line.1))
            }
            if !problems.isEmpty { throw ChatError(.invalid, "Some items can't be ordered.", fields: problems) }
            var saving = Money.zero
            var redeemed: String?
            if let code {
                guard let record = try DiscountRecord.fetchOne(db, sql: "SELECT * FROM discounts WHERE storeId = ? AND code = ? COLLATE NOCASE", arguments: [storeID, code]),
                      let discount = record.discount, let discountID = record.id
                else { throw ChatError(.invalid, "Unknown discount code.", fields: ["code": "\(code) is not a code of this store"]) }
                switch evaluator.check(discount, lines: basket, at: now) {
                case .fails(let failure):
                    let reason = DiscountPhrases.explain(failure, code: discount.code, currency: store.currency)
                    throw ChatError(.invalid, reason, fields: ["code": reason])
                case .applies(let amount, _, _):
                    try db.execute(sql: """
                        UPDATE discounts SET usedCount = usedCount + 1
                        WHERE id = ? AND (usageLimit IS NULL OR usedCount < usageLimit)
                        """, arguments: [discountID])
                    guard db.changesCount == 1 else {
                        let reason = DiscountPhrases.explain(.usageLimitReached(limit: discount.usageLimit ?? 0), code: discount.code, currency: store.currency)
                        throw ChatError(.invalid, reason, fields: ["code": reason])
                    }
                    saving = amount
                    redeemed = discount.code
                }
            }
            for (item, line) in zip(items, requested) {
                try db.execute(sql: "UPDATE products SET stock = stock - ?, popularity = popularity + ?, updatedAt = ? WHERE id = ?",
                               arguments: [line.1, line.1, now, item.productID])
            }
            let day = ShopClock.dayString(now).replacingOccurrences(of: "-", with: "")
            let sequence = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders WHERE storeId = ? AND number LIKE ?", arguments: [storeID, "ORD-\(day)-%"]) ?? 0) + 1
            let customerID = try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE storeId = ? AND email = ? COLLATE NOCASE", arguments: [storeID, email])
            let order = Order(
                number: "ORD-\(day)-\(String(format: "%04d", sequence))", customerExternalID: nil, email: email ?? "",
                status: .pending, placedAt: now, items: items, discountCode: redeemed, discountAmount: saving,
                events: [Order.Event(status: .pending, at: now, note: "Order placed")], country: country
            )
            let identity = Dictionary(uniqueKeysWithValues: items.compactMap { $0.productID.map { ($0, $0) } })
            try DemoSeeder.insert(order, storeID: storeID, customerID: customerID, productIDs: identity, db: db)
            let costs = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT id, costCents FROM products WHERE storeId = ? AND costCents IS NOT NULL", arguments: [storeID]
            ).map { ($0["id"] as Int64, $0["costCents"] as Int) })
            var sold = order
            sold.customerExternalID = try String.fetchOne(db, sql: "SELECT externalId FROM customers WHERE id = ?", arguments: [customerID])
            try SalesLines.insert(order: sold, storeID: storeID, productIDs: identity, costs: costs, db: db)
            return (order, try StockWatch.check(items.compactMap(\.productID), storeID: storeID, now: now, db: db))
        }
    }

    static func statusChange(_ body: [String: JSONValue]) throws -> StatusChange {
        var fields = FieldReader(body)
        let statusText = fields.string("status", required: true)
        let status = statusText.flatMap(Order.Status.init(rawValue:))
        if statusText != nil && status == nil { fields.fail("status", "must be one of \(Order.Status.allCases.map(\.rawValue).joined(separator: ", "))") }
        let carrier = fields.string("carrier", maxLength: 60)
        let tracking = fields.string("trackingNumber", maxLength: 60)
        let eta = fields.day("estimatedDelivery")
        let note = fields.string("note", maxLength: 500)
        if status == .shipped && (carrier == nil || tracking == nil) {
            fields.fail("carrier", "carrier and trackingNumber are required to mark an order shipped")
        }
        try fields.finish()
        guard let status else { throw ChatError(.invalid, "A status is required.") }
        return StatusChange(status: status, carrier: carrier, tracking: tracking, eta: eta, note: note)
    }

    func order(number: String, storeID: Int64) async throws -> Order? {
        try await SQLiteOrders(database: database).order(number: number, storeID: storeID)
    }

    /// Moves an order to a new status, recording the change in its timeline.
    func updateStatus(number: String, _ body: [String: JSONValue], store: Store, now: Date) async throws -> Order {
        let change = try Self.statusChange(body)
        let (status, carrier, tracking, eta) = (change.status, change.carrier, change.tracking, change.eta)
        let storeID = store.id
        try await database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status FROM orders WHERE storeId = ? AND number = ? COLLATE NOCASE", arguments: [storeID, number]) else {
                throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
            }
            try change.check(from: Order.Status(rawValue: row["status"]) ?? .pending)
            let orderID: Int64 = row["id"]
            if status == .shipped {
                try db.execute(sql: "UPDATE orders SET status = ?, carrier = ?, trackingNumber = ?, estimatedDelivery = ? WHERE id = ?",
                               arguments: [status.rawValue, carrier, tracking, eta ?? ShopClock.calendar.startOfDay(for: now.addingTimeInterval(4 * 86_400)), orderID])
            } else {
                try db.execute(sql: "UPDATE orders SET status = ? WHERE id = ?", arguments: [status.rawValue, orderID])
            }
            if status == .cancelled || status == .returned {
                try SalesLines.undoSale(orderID: orderID, storeID: storeID, at: now, db: db)
            }
            try db.execute(sql: "INSERT INTO order_events (orderId, storeId, status, at, note) VALUES (?, ?, ?, ?, ?)",
                           arguments: [orderID, storeID, status.rawValue, now, change.eventNote])
        }
        guard let order = try await SQLiteOrders(database: database).order(number: number, storeID: storeID) else {
            throw ChatError(.notFound, "There is no order \(number.prefix(40)) in this store.")
        }
        return order
    }
}
