import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Order actions on each backend, through two instances at once: one request key acts once, two
/// cancellations of one order cancel it once and restock once, and returns filed at once get distinct numbers.
@Suite("Order action storage")
struct OrderActionStorageTests {
    static let placed = Date(timeIntervalSince1970: 1_800_000_000)

    /// One product (stock 5) and three orders of it in store `stores[0]`: pending, delivered a day after
    /// placing, and another delivered one. Returns the product id.
    static func seed(_ instance: InstanceDatabase, storeID: Int64) async throws -> Int64 {
        let product = Product(id: 0, sku: "MUG-1", name: "Blue mug", brand: "Potter", category: "home & kitchen", description: "",
                              price: Money(cents: 1200), stock: 5, lowStockThreshold: 1)
        @Sendable func order(_ number: String, _ status: Order.Status, productID: Int64) -> Order {
            var events = [Order.Event(status: .pending, at: placed)]
            if status == .delivered { events.append(Order.Event(status: .delivered, at: placed.addingTimeInterval(86_400))) }
            return Order(number: number, customerExternalID: nil, email: "ann@example.com", status: status, placedAt: placed,
                         items: [Order.Item(productID: productID, name: "Blue mug", quantity: 2, unitPrice: Money(cents: 1200))],
                         events: events, country: "France")
        }
        switch instance {
        case .sqlite(let database):
            return try await database.writer.write { db in
                var record = ProductRecord(storeId: storeID, product: product, at: placed)
                try record.insert(db)
                let id = try #require(record.id)
                for (number, status) in [("ORD-1", Order.Status.pending), ("ORD-2", .delivered), ("ORD-3", .delivered)] {
                    try DemoSeeder.insert(order(number, status, productID: id), storeID: storeID, customerID: nil, productIDs: [id: id], db: db)
                }
                return id
            }
        case .postgres(let database):
            let id = try #require(try await PostgresCatalog(database: database).save(products: [(product, 0)], storeID: storeID, at: placed).first)
            for (number, status) in [("ORD-1", Order.Status.pending), ("ORD-2", .delivered), ("ORD-3", .delivered)] {
                try await PostgresOrders(database: database).insert(order(number, status, productID: id), storeID: storeID)
            }
            return id
        }
    }

    static func actions(_ instance: InstanceDatabase) -> any OrderActionStore {
        instance.part(sqlite: { SQLiteOrderActions(database: $0) },
                      postgres: { PostgresOrderActions(database: $0, catalog: PostgresCatalog(database: $0)) })
    }

    static func stock(_ instance: InstanceDatabase, _ productID: Int64, storeID: Int64) async throws -> Int {
        switch instance {
        case .sqlite(let database): try await SQLiteCatalog(database: database).products(ids: [productID], storeID: storeID).first?.stock ?? -1
        case .postgres(let database): try await PostgresCatalog(database: database).products(ids: [productID], storeID: storeID).first?.stock ?? -1
        }
    }

    @Test(arguments: StorageBackend.reachable) func aCancellationRacedOnTwoInstancesActsOnceAndRestocksOnce(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            let product = try await Self.seed(one, storeID: stores[0])
            let instances = [Self.actions(one), Self.actions(two)]
            let now = Self.placed.addingTimeInterval(600)
            // The same request retried on both instances at once, then a different request for the same order.
            let results = try await withThrowingTaskGroup(of: Result<OrderActionResult, OrderActionRefusal>.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        do {
                            return .success(try await instances[index % 2].perform(.cancel, number: "ord-1", storeID: stores[0], requestKey: index < 4 ? "same" : "other-\(index)",
                                                                                   policy: OrderActionPolicy(), at: now))
                        } catch let refusal as OrderActionRefusal {
                            return .failure(refusal)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let done = results.compactMap { try? $0.get() }
            #expect(done.filter { !$0.repeated }.count == 1, "one request acted")
            #expect(done.allSatisfy { $0.order.status == .cancelled })
            // Either the shared key acted (its three retries repeat it; the other requests find it cancelled),
            // or another request did (the shared key's four find it cancelled).
            #expect(done.count == 4 || done.count == 1, "\(results)")
            #expect(try await Self.stock(two, product, storeID: stores[0]) == 7, "two units went back once")
            // The other store has no such order.
            await #expect(throws: ChatError.self) {
                try await instances[1].perform(.cancel, number: "ORD-1", storeID: stores[1], requestKey: "x", policy: OrderActionPolicy(), at: now)
            }
        }
    }

    @Test(arguments: StorageBackend.reachable) func returnsFiledAtOnceGetDistinctNumbersAndNeverReturnMoreThanWasBought(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            _ = try await Self.seed(one, storeID: stores[0])
            let instances = [Self.actions(one), Self.actions(two)]
            let now = Self.placed.addingTimeInterval(3 * 86_400)
            let line = ReturnLine(productID: nil, name: "Blue mug", quantity: 1)
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let order = index % 2 == 0 ? "ORD-2" : "ORD-3"
                        do {
                            return try await instances[index % 2].perform(.startReturn(lines: [line], reason: "chipped"), number: order, storeID: stores[0],
                                                                          requestKey: "r\(index)", policy: OrderActionPolicy(), at: now).returnNumber
                        } catch is OrderActionRefusal {
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let given = numbers.compactMap { $0 }
            #expect(given.count == 4, "two mugs per order go back, no more: \(numbers)")
            #expect(Set(given) == ["RET-1001", "RET-1002", "RET-1003", "RET-1004"])
            #expect(try await instances[0].returnedQuantities(number: "ORD-2", storeID: stores[0]) == ["Blue mug": 2])
            #expect(try await instances[1].returns(number: "ORD-3", storeID: stores[0]).map(\.reason) == ["chipped", "chipped"])
            // Past the window, the refusal says when it ended.
            await #expect(throws: OrderActionRefusal.self) {
                try await instances[0].perform(.cancel, number: "ORD-2", storeID: stores[0], requestKey: "late", policy: OrderActionPolicy(), at: now)
            }
            do {
                _ = try await instances[0].perform(.startReturn(lines: [line], reason: "x"), number: "ORD-2", storeID: stores[0], requestKey: "later",
                                                   policy: OrderActionPolicy(), at: Self.placed.addingTimeInterval(40 * 86_400))
                Issue.record("a return past the window was accepted")
            } catch let refusal as OrderActionRefusal {
                #expect(refusal.reason.contains("30 days return window"), "\(refusal.reason)")
            }
        }
    }
}
