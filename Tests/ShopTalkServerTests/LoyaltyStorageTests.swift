import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The points ledger on each backend, through two instances at once: earned once per delivered order,
/// taken back on a cancellation without going below zero, a week's bonus paid once however many runs,
/// and redemptions racing on two instances never spending a point twice.
@Suite("Loyalty storage")
struct LoyaltyStorageTests {
    /// Monday 2027-01-11 00:00 UTC: orders are placed in the week before the bonus of Monday 2027-01-18 09:00.
    static let monday = Date(timeIntervalSince1970: 1_799_625_600)

    static func stores(_ instance: InstanceDatabase) -> any LoyaltyStore {
        instance.part(sqlite: { SQLiteLoyalty(database: $0) }, postgres: { SQLiteOrPostgres.postgresLoyalty($0) })
    }

    /// Orders of `cents` for each email, delivered, placed on `monday` plus a day per order.
    static func place(_ instance: InstanceDatabase, storeID: Int64, _ orders: [(String, String, Int, Order.Status)]) async throws {
        for (index, (number, email, cents, status)) in orders.enumerated() {
            let order = Order(number: number, customerExternalID: nil, email: email, status: status, placedAt: monday.addingTimeInterval(Double(12 + index) * 3_600),
                              items: [Order.Item(productID: nil, name: "Lamp", quantity: 1, unitPrice: Money(cents: cents))],
                              events: [Order.Event(status: status, at: monday)], country: "France")
            try await insert(instance, order, storeID: storeID)
        }
    }

    static func insert(_ instance: InstanceDatabase, _ order: Order, storeID: Int64) async throws {
        switch instance {
        case .sqlite(let database):
            try await database.writer.write { db in try DemoSeeder.insert(order, storeID: storeID, customerID: nil, productIDs: [:], db: db) }
        case .postgres(let database):
            try await PostgresOrders(database: database).insert(order, storeID: storeID)
        }
    }

    static func setStatus(_ instance: InstanceDatabase, _ number: String, _ status: String) async throws {
        switch instance {
        case .sqlite(let database):
            try await database.writer.write { try $0.execute(sql: "UPDATE orders SET status = ? WHERE number = ?", arguments: [status, number]) }
        case .postgres(let database):
            try await database.rows("UPDATE orders SET status = \(status) WHERE number = \(number)")
        }
    }

    @Test(arguments: StorageBackend.reachable) func pointsAreEarnedOnceTakenBackOnCancellationAndNeverNegative(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            try await Self.place(one, storeID: stores[0], [("ORD-1", "Ann@Example.com", 12_345, .delivered), ("ORD-2", "ann@example.com", 5_000, .delivered),
                                                          ("ORD-3", "bob@example.com", 30_000, .delivered), ("ORD-4", "bob@example.com", 9_000, .paid)])
            let (a, b) = (Self.stores(one), Self.stores(two))
            var settings = LoyaltySettings()
            settings.minimumRedemption = 100
            try await a.saveSettings(settings, storeID: stores[0])
            // Two instances bringing the ledger up to date at once add each line once.
            async let first = a.sync(storeID: stores[0], now: Self.monday)
            async let second = b.sync(storeID: stores[0], now: Self.monday)
            #expect(try await first + second == 3)
            #expect(try await b.account(email: "ANN@example.com", storeID: stores[0], limit: 10).balance == 173)
            #expect(try await a.top(storeID: stores[0], limit: 5).map(\.points) == [300, 173])
            #expect(try await a.outstanding(storeID: stores[0]) == (473, 2))
            #expect(try await a.account(email: "ann@example.com", storeID: stores[1], limit: 10).balance == 0, "another store's ledger is its own")
            // The ledger is append-only: the database itself refuses to change a line.
            switch one {
            case .sqlite(let database):
                await #expect(throws: (any Error).self) { try await database.writer.write { try $0.execute(sql: "UPDATE points_ledger SET points = 1000") } }
            case .postgres(let database):
                await #expect(throws: (any Error).self) { try await database.rows("UPDATE points_ledger SET points = 1000") }
            }
            // Ann spends 150, then her 123-point order is cancelled: only the 23 left can go back.
            let spent = try await a.redeem(points: 150, email: "ann@example.com", storeID: stores[0], requestKey: "k1", now: Self.monday)
            #expect(spent.code.hasPrefix("PTS-") && spent.value == Money(cents: 150) && spent.balance == 23)
            try await Self.setStatus(one, "ORD-1", "cancelled")
            let ann = try await b.account(email: "ann@example.com", storeID: stores[0], limit: 10)
            #expect(ann.balance == 0, "never below zero")
            #expect(ann.history.first?.note == "Order ORD-1 cancelled (100 had been spent)", "\(ann.history)")
            // A retried redemption answers what it did; a new one finds no points.
            #expect(try await b.redeem(points: 150, email: "ann@example.com", storeID: stores[0], requestKey: "k1", now: Self.monday).repeated)
            await #expect(throws: PointsRefusal.self) { try await b.redeem(points: 100, email: "ann@example.com", storeID: stores[0], requestKey: "k2", now: Self.monday) }
        }
    }

    @Test(arguments: StorageBackend.reachable) func redemptionsRacingOnTwoInstancesNeverSpendAPointTwice(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            try await Self.place(one, storeID: stores[0], [("ORD-1", "bob@example.com", 100_000, .delivered)])
            let instances = [Self.stores(one), Self.stores(two)]
            var settings = LoyaltySettings()
            settings.minimumRedemption = 100
            try await instances[0].saveSettings(settings, storeID: stores[0])
            // 1,000 points; twelve requests of 300 at once: three succeed.
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try? await instances[index % 2].redeem(points: 300, email: "bob@example.com", storeID: stores[0], requestKey: "r\(index)", now: Self.monday).code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes.compactMap { $0 }.count == 3)
            #expect(try await instances[1].account(email: "bob@example.com", storeID: stores[0], limit: 20).balance == 100)
        }
    }

    @Test(arguments: StorageBackend.reachable) func eachReturnTakesBackItsShareOfThePointsAndTheLastOneTheRest(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            // Two lamps at $30 and a chair at $40: $100, so 100 points once delivered.
            let order = Order(number: "ORD-7", customerExternalID: nil, email: "cat@example.com", status: .delivered, placedAt: Self.monday,
                              items: [Order.Item(productID: nil, name: "Lamp", quantity: 2, unitPrice: Money(cents: 3_000)),
                                      Order.Item(productID: nil, name: "Chair", quantity: 1, unitPrice: Money(cents: 4_000))],
                              events: [Order.Event(status: .delivered, at: Self.monday.addingTimeInterval(86_400))], country: "France")
            try await Self.insert(one, order, storeID: stores[0])
            let (loyalty, elsewhere) = (Self.stores(one), Self.stores(two))
            var settings = LoyaltySettings()
            settings.minimumRedemption = 10
            try await loyalty.saveSettings(settings, storeID: stores[0])
            #expect(try await loyalty.account(email: "cat@example.com", storeID: stores[0], limit: 10).balance == 100)
            let actions = OrderActionStorageTests.actions(two)
            let later = Self.monday.addingTimeInterval(3 * 86_400)
            func giveBack(_ lines: [(String, Int)], key: String) async throws {
                _ = try await actions.perform(.startReturn(lines: lines.map { ReturnLine(productID: nil, name: $0.0, quantity: $0.1) }, reason: "not needed"),
                                              number: "ORD-7", storeID: stores[0], requestKey: key, policy: OrderActionPolicy(), at: later)
            }
            // One lamp of three goods worth $100 is $30 of it: 30 points go back, once however many syncs.
            try await giveBack([("Lamp", 1)], key: "r1")
            async let first = loyalty.sync(storeID: stores[0], now: later)
            async let second = elsewhere.sync(storeID: stores[0], now: later)
            #expect(try await first + second == 1)
            var cat = try await elsewhere.account(email: "cat@example.com", storeID: stores[0], limit: 10)
            #expect(cat.balance == 70)
            #expect(cat.history.first?.note.hasPrefix("Return RET-") == true && cat.history.first?.note.hasSuffix("of order ORD-7") == true, "\(cat.history)")
            // Cat spends 50; the rest of the order comes back and would take 70, but only 20 are left.
            _ = try await loyalty.redeem(points: 50, email: "cat@example.com", storeID: stores[0], requestKey: "spend", now: later)
            try await giveBack([("Lamp", 1), ("Chair", 1)], key: "r2")
            cat = try await loyalty.account(email: "cat@example.com", storeID: stores[0], limit: 10)
            #expect(cat.balance == 0, "never below zero")
            #expect(cat.history.first?.points == -20 && cat.history.first?.note.hasSuffix("(50 had been spent)") == true, "\(cat.history)")
            // Marking the whole order returned takes back only what the returns had not.
            try await Self.setStatus(one, "ORD-7", "returned")
            cat = try await elsewhere.account(email: "cat@example.com", storeID: stores[0], limit: 10)
            #expect(cat.balance == 0 && cat.history.first?.points == 0, "\(cat.history)")
            #expect(cat.history.filter { $0.kind == "reverse" }.count == 3)
        }
    }

    @Test(arguments: StorageBackend.reachable) func aWeeksBonusIsPaidOnceHoweverManyRunsOnWhicheverInstance(backend: StorageBackend) async throws {
        try await backend.withTwoStores { stores, one, two in
            try await Self.place(one, storeID: stores[0], [("ORD-1", "ann@example.com", 5_000, .delivered), ("ORD-2", "bob@example.com", 9_000, .delivered),
                                                          ("ORD-3", "cy@example.com", 1_000, .delivered)])
            let instances = [Self.stores(one), Self.stores(two)]
            var settings = LoyaltySettings()
            settings.bonusTopN = 2
            settings.bonusPoints = 50
            try await instances[0].saveSettings(settings, storeID: stores[0])
            // Before Monday 09:00 the week of the orders is not over: last week's (empty) bonus pays no one.
            #expect(try await instances[0].payWeeklyBonus(storeID: stores[0], now: Self.monday.addingTimeInterval(7 * 86_400 + 8 * 3_600)) == 0)
            let due = Self.monday.addingTimeInterval(7 * 86_400 + 9 * 3_600 + 60)
            let services = (0..<2).map { index in
                LoyaltyBonusService(loyalty: instances[index], storeIDs: { [stores[0]] }, clock: .system, interval: .seconds(60), logger: testLogger)
            }
            async let first = services[0].runOnce(now: due)
            async let second = services[1].runOnce(now: due)
            #expect(await first + second == 2, "the top two are paid once")
            #expect(await services[0].runOnce(now: due.addingTimeInterval(3_600)) == 0, "a restart the same week pays nothing")
            #expect(try await instances[1].account(email: "bob@example.com", storeID: stores[0], limit: 5).balance == 140)
            #expect(try await instances[1].account(email: "cy@example.com", storeID: stores[0], limit: 5).balance == 10)
        }
    }
}

/// Makes the PostgreSQL store with a catalog of its own (redemptions write discount codes).
enum SQLiteOrPostgres {
    static func postgresLoyalty(_ database: PostgresAppDatabase) -> any LoyaltyStore {
        PostgresLoyalty(database: database, catalog: PostgresCatalog(database: database))
    }
}
