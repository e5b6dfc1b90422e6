import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Stores, customers and orders on each backend: written through one connection (one instance) and read
/// through another, as an order placed on one instance is looked up on the next.
@Suite("Order storage")
struct OrderStorageTests {
    /// What a test needs of one backend: two stores, a way to file customers and orders, and readers.
    struct Harness: Sendable {
        let stores: [Int64]
        let addCustomer: @Sendable (_ externalID: String, _ email: String, _ storeID: Int64) async throws -> Void
        let place: @Sendable (_ order: Order, _ storeID: Int64) async throws -> Void
        let orders: any OrderStore
        let directory: StoreDirectory
    }

    static func with(_ backend: StorageBackend, _ body: @escaping @Sendable (Harness) async throws -> Void) async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        switch backend {
        case .sqlite:
            let file = TestDatabase()
            let database = try file.open()
            var stores: [Int64] = []
            for slug in ["north", "south"] {
                stores.append(try await database.writer.write { db in
                    try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES (?, ?, 'EUR', ?)", arguments: [slug, slug.capitalized, now])
                    return db.lastInsertedRowID
                })
            }
            let reader = try file.open()
            try await body(Harness(
                stores: stores,
                addCustomer: { external, email, storeID in
                    try await database.writer.write { db in
                        try db.execute(sql: "INSERT INTO customers (storeId, externalId, name, email, country, createdAt) VALUES (?, ?, 'Ann', ?, 'France', ?)",
                                       arguments: [storeID, external, email, now])
                    }
                },
                place: { order, storeID in
                    try await database.writer.write { db in
                        // As OrderDesk links them: by the customer's id, else by email.
                        let customer = try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE storeId = ? AND externalId = ?",
                                                          arguments: [storeID, order.customerExternalID])
                            ?? Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE storeId = ? AND email = ? COLLATE NOCASE ORDER BY id",
                                              arguments: [storeID, order.email])
                        try DemoSeeder.insert(order, storeID: storeID, customerID: customer, productIDs: [:], db: db)
                    }
                },
                orders: SQLiteOrders(database: reader), directory: StoreDirectory(rows: reader)
            ))
        case .postgres:
            try await TestPostgres.withDatabase { database in
                var stores: [Int64] = []
                for slug in ["north", "south"] {
                    stores.append(try await database.createStore(slug: slug, name: slug.capitalized, currency: "EUR").id)
                }
                let writer = PostgresOrders(database: database)
                try await TestPostgres.secondInstance(of: database) { other in
                    try await body(Harness(
                        stores: stores,
                        addCustomer: { external, email, storeID in
                            try await writer.upsertCustomer(externalID: external, name: "Ann", email: email, country: "France", storeID: storeID, at: now)
                        },
                        place: { order, storeID in try await writer.insert(order, storeID: storeID) },
                        orders: PostgresOrders(database: other), directory: StoreDirectory(rows: other)
                    ))
                }
            }
        }
    }

    static func sample(number: String, customer: String?) -> Order {
        let placed = Date(timeIntervalSince1970: 1_800_000_000)
        return Order(
            number: number, customerExternalID: customer, email: "Ann@Example.com", status: .shipped, placedAt: placed,
            items: [
                Order.Item(productID: nil, name: "Trail shoes", quantity: 2, unitPrice: Money(cents: 8_999)),
                Order.Item(productID: nil, name: "Wool socks, \"merino\"; 3-pack", quantity: 1, unitPrice: Money(cents: 1_250)),
            ],
            discountCode: "SAVE10", discountAmount: Money(cents: 1_925),
            shipment: Order.Shipment(carrier: "DHL", trackingNumber: "JD0142", estimatedDelivery: placed + 4 * 86_400),
            // Filed out of time order: the timeline is read back in time order.
            events: [
                Order.Event(status: .shipped, at: placed + 86_400, note: "Shipped with DHL"),
                Order.Event(status: .pending, at: placed, note: "Order placed"),
                Order.Event(status: .paid, at: placed + 600),
            ],
            country: "France"
        )
    }

    @Test(arguments: StorageBackend.reachable) func anOrderFiledOnOneInstanceReadsBackWholeOnAnother(backend: StorageBackend) async throws {
        try await Self.with(backend) { shop in
            try await shop.addCustomer("C-17", "ann@example.com", shop.stores[0])
            let order = Self.sample(number: "ORD-20270115-0001", customer: "C-17")
            try await shop.place(order, shop.stores[0])
            var expected = order
            expected.events.sort { $0.at < $1.at }
            #expect(try await shop.orders.order(number: "ORD-20270115-0001", storeID: shop.stores[0]) == expected)
            // The number is found whatever its case, as a shopper types it.
            #expect(try await shop.orders.order(number: "ord-20270115-0001", storeID: shop.stores[0])?.number == "ORD-20270115-0001")
            // An order without a customer id belongs to the customer with its email, whatever its case…
            try await shop.place(Self.sample(number: "ORD-20270115-0002", customer: nil), shop.stores[0])
            #expect(try await shop.orders.order(number: "ORD-20270115-0002", storeID: shop.stores[0])?.customerExternalID == "C-17")
            // …and a guest's order keeps its email and no customer.
            var guest = Self.sample(number: "ORD-20270115-0003", customer: nil)
            guest.email = "guest@example.org"
            try await shop.place(guest, shop.stores[0])
            let read = try #require(try await shop.orders.order(number: "ORD-20270115-0003", storeID: shop.stores[0]))
            #expect(read.customerExternalID == nil && read.email == "guest@example.org" && read.items.count == 2)
        }
    }

    @Test(arguments: StorageBackend.reachable) func oneStoresOrdersAreNeverFoundInAnother(backend: StorageBackend) async throws {
        try await Self.with(backend) { shop in
            try await shop.place(Self.sample(number: "ORD-1", customer: nil), shop.stores[0])
            // The same number may exist in another store, and each store sees its own.
            var other = Self.sample(number: "ORD-1", customer: nil)
            other.email = "bob@example.org"
            try await shop.place(other, shop.stores[1])
            #expect(try await shop.orders.order(number: "ORD-1", storeID: shop.stores[0])?.email == "Ann@Example.com")
            #expect(try await shop.orders.order(number: "ORD-1", storeID: shop.stores[1])?.email == "bob@example.org")
            for probe in ["ORD-2", "", "ORD-1' OR '1'='1", "%", "ORD-_"] {
                #expect(try await shop.orders.order(number: probe, storeID: shop.stores[0]) == nil, "\(probe)")
            }
            #expect(try await shop.orders.order(number: "ORD-1", storeID: 999_999) == nil)
        }
    }

    @Test(arguments: StorageBackend.reachable) func storesAreFoundBySlugOnly(backend: StorageBackend) async throws {
        try await Self.with(backend) { shop in
            let north = try #require(try await shop.directory.store(slug: "north"))
            #expect(north.id == shop.stores[0] && north.name == "North" && north.currency == "EUR")
            for probe in ["nope", "", "north' --", "NORTH", "nort%"] {
                #expect(try await shop.directory.store(slug: probe) == nil, "\(probe)")
            }
        }
    }
}
