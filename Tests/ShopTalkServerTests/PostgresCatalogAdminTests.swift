import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The owner's product, discount and credit routes on PostgreSQL, through two servers on one database: a
/// write on one instance is read, searched and chatted about on the other, with the same validation,
/// conflicts and low-stock alerts as on SQLite; a purchase completed on both at once pays once.
@Suite("PostgreSQL catalog admin", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresCatalogAdminTests {
    /// Whether `check` holds within 3 s: another instance drops its snapshot when the change's event
    /// reaches it, milliseconds later (the time allows for a loaded CI machine).
    static func eventually(_ check: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<30 {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await check()
    }

    @Test func productsAndCodesWrittenOnOneInstanceAreLiveOnTheOther() async throws {
        try await TestPostgres.withDatabase(deadline: 400) { database in
            try await PostgresServerTests.withTwoServers(database) { a, b in
                let token = try await OwnerTokens(database: database).create(storeSlug: "demo", name: "console", now: .now)
                let product = #"{"sku":"TEA-9","name":"Zanzibar Teapot","brand":"Zanzi","category":"home & kitchen","price":24.5,"stock":9,"lowStockThreshold":3}"#
                #expect(try await call(a, .post, "/api/stores/demo/products", body: product).0 == .unauthorized)
                let (created, json) = try await call(a, .post, "/api/stores/demo/products", token: token, body: product)
                #expect(created == .created, "\(json)")
                let id = Int(try #require(json["id"]?.numberValue))
                #expect(try await call(b, .post, "/api/stores/demo/products", token: token, body: product).0 == .conflict)
                #expect(try await call(b, .post, "/api/stores/demo/products", token: token, body: #"{"sku":"X"}"#).0 == .unprocessableContent)
                // b reads, lists and chats about it (its snapshot heard of the change through the outbox).
                #expect(try await Self.eventually { try await call(b, .get, "/api/stores/demo/products/\(id)").0 == .ok })
                let (read, fetched) = try await call(b, .get, "/api/stores/demo/products/\(id)")
                #expect(read == .ok && fetched["name"] == .string("Zanzibar Teapot") && fetched["cost"] == nil)
                let (_, list) = try await call(b, .get, "/api/stores/demo/products?q=teapot")
                #expect(list["products"]?[0]?["name"] == .string("Zanzibar Teapot"))
                let reply = try await converse(b, messages: ["do you have anything from zanzi"])
                #expect(reply.replies[0].products.first?["name"] == .string("Zanzibar Teapot"), "\(reply.replies[0])")
                // Stock falling to the threshold alerts once per fall.
                let (updated, changed) = try await call(b, .patch, "/api/stores/demo/products/\(id)", token: token, body: #"{"stock":2,"price":19.99}"#)
                #expect(updated == .ok && changed["price"]?.numberValue == 19.99 && changed["stock"]?.numberValue == 2)
                _ = try await call(a, .patch, "/api/stores/demo/products/\(id)", token: token, body: #"{"stock":1}"#)
                let alerts = try await database.rows("SELECT message FROM alert_log WHERE kind = 'low_stock' AND subject = \(String(id))").map { try $0.decode(String.self) }
                #expect(alerts == ["Zanzibar Teapot is low on stock: 2 left (threshold 3)."], "\(alerts)")
                // Discount codes: unique without case, validated, usage never written by a request.
                let code = #"{"code":"TEAPARTY","kind":"percentage","percentOff":15,"description":"15% off teapots","usageLimit":50}"#
                #expect(try await call(a, .post, "/api/stores/demo/discounts", token: token, body: code).0 == .created)
                #expect(try await Self.eventually { try await call(b, .get, "/api/stores/demo/discounts/TEAPARTY", token: token).0 == .ok })
                #expect(try await call(b, .post, "/api/stores/demo/discounts", token: token, body: code.replacingOccurrences(of: "TEAPARTY", with: "teaparty")).0 == .conflict)
                #expect(try await call(b, .post, "/api/stores/demo/discounts", token: token, body: #"{"code":"HALF","kind":"percentage"}"#).0 == .unprocessableContent)
                let (patched, discount) = try await call(b, .patch, "/api/stores/demo/discounts/teaparty", token: token, body: #"{"percentOff":20,"usedCount":40}"#)
                #expect(patched == .ok && discount["percentOff"]?.numberValue == 20 && discount["usedCount"]?.numberValue == 0, "\(discount)")
                let (_, codes) = try await call(a, .get, "/api/stores/demo/discounts", token: token)
                guard case .array(let listed)? = codes["discounts"] else {
                    Issue.record("no discount list: \(codes)")
                    return
                }
                #expect(listed.contains { $0["code"] == .string("TEAPARTY") })
                #expect(try await call(a, .delete, "/api/stores/demo/discounts/TeaParty", token: token).0 == .noContent)
                #expect(try await Self.eventually { try await call(b, .get, "/api/stores/demo/discounts/TEAPARTY", token: token).0 == .notFound })
                // A CSV import, as `shoptalk import products --db postgres://…` runs it: a bad row is reported with its
                // line, a known SKU updated, a new one created, and both instances see them.
                let csv = "sku,name,price,brand,category,stock\nKET-1,Copper Kettle,39.5,Zanzi,home & kitchen,4\nBAD-1,,12,Zanzi,home & kitchen,1\nTEA-9,Zanzibar Teapot,21,Zanzi,home & kitchen,1\n"
                let importer = ProductImporter(catalog: PostgresCatalog(database: database, outbox: EventOutbox(database: database, instanceID: "import")))
                let storeID = try #require(try await database.store(slug: "demo")).id
                let report = try await importer.importCSV(csv, storeID: storeID, now: .now)
                #expect(report.created == 1 && report.updated == 1 && report.problems.map(\.line) == [3], "\(report.problems)")
                #expect(try await Self.eventually {
                    try await call(b, .get, "/api/stores/demo/products?q=copper+kettle").1["products"]?[0]?["name"] == .string("Copper Kettle")
                }, "the imported product never reached the other instance")
                #expect(try await Self.eventually { try await call(a, .get, "/api/stores/demo/products/\(id)").1["price"]?.numberValue == 21 })
                // Deleted on a, gone on b.
                #expect(try await call(a, .delete, "/api/stores/demo/products/\(id)", token: token).0 == .noContent)
                #expect(try await Self.eventually { try await call(b, .get, "/api/stores/demo/products/\(id)").0 == .notFound })
                #expect(try await call(b, .delete, "/api/stores/demo/products/\(id)", token: token).0 == .notFound)
            }
        }
    }

    @Test func aPurchaseCompletedOnTwoInstancesAtOnceAddsItsCreditsOnce() async throws {
        try await TestPostgres.withDatabase(deadline: 400) { database in
            try await PostgresServerTests.withTwoServers(database) { a, b in
                let token = try await OwnerTokens(database: database).create(storeSlug: "demo", name: "console", now: .now)
                let before = try #require(try await call(a, .get, "/api/stores/demo/credits", token: token).1["balance"]?.numberValue)
                let purchase = #"{"paymentReference":"pi_42","amountPaid":10,"credits":100,"bonus":5}"#
                #expect(try await call(a, .get, "/api/stores/demo/credits").0 == .unauthorized)
                #expect(try await call(a, .post, "/api/stores/demo/credits/purchases", token: token, body: purchase).0 == .created)
                #expect(try await call(b, .post, "/api/stores/demo/credits/purchases", token: token, body: purchase).0 == .conflict)
                #expect(try await call(b, .post, "/api/stores/demo/credits/purchases", token: token, body: #"{"paymentReference":"x"}"#).0 == .unprocessableContent)
                // Pending adds nothing; completing it on both instances at once adds 105 once.
                #expect(try await call(b, .get, "/api/stores/demo/credits", token: token).1["balance"]?.numberValue == before)
                let done = #"{"status":"completed"}"#
                async let first = call(a, .patch, "/api/stores/demo/credits/purchases/pi_42", token: token, body: done)
                async let second = call(b, .patch, "/api/stores/demo/credits/purchases/pi_42", token: token, body: done)
                let results = try await [first, second]
                #expect(results.allSatisfy { $0.0 == .ok && $0.1["status"] == .string("completed") }, "\(results)")
                #expect(try await call(b, .get, "/api/stores/demo/credits", token: token).1["balance"]?.numberValue == before + 105)
                #expect(try await call(a, .patch, "/api/stores/demo/credits/purchases/pi_42", token: token, body: #"{"status":"failed"}"#).0 == .unprocessableContent)
                #expect(try await call(a, .patch, "/api/stores/demo/credits/purchases/nope", token: token, body: done).0 == .notFound)
                let (usage, report) = try await call(b, .get, "/api/stores/demo/credits/usage?days=7", token: token)
                #expect(usage == .ok && report["days"] != nil, "\(report)")
            }
        }
    }

    @Test func ordersPlacedOnTwoInstancesAtOnceNeverOversellOrPassACodesLimit() async throws {
        try await TestPostgres.withDatabase(deadline: 400) { database in
            try await PostgresServerTests.withTwoServers(database) { a, b in
                let token = try await OwnerTokens(database: database).create(storeSlug: "demo", name: "console", now: .now)
                let (_, made) = try await call(a, .post, "/api/stores/demo/products", token: token,
                                               body: #"{"sku":"LAMP-3","name":"Brass Lamp","brand":"Lumo","category":"home & kitchen","price":40,"stock":3,"lowStockThreshold":1}"#)
                let id = Int(try #require(made["id"]?.numberValue))
                #expect(try await call(a, .post, "/api/stores/demo/discounts", token: token,
                                       body: #"{"code":"ONCE","kind":"percentage","percentOff":10,"usageLimit":1}"#).0 == .created)
                #expect(try await PostgresCatalogAdminTests.eventually { try await call(b, .get, "/api/stores/demo/products/\(id)").0 == .ok })
                // Four orders of one lamp each, two per instance, all with the one-use code: one gets the code, three
                // get lamps, and the fourth is refused for stock (or for the code, which is used up).
                let order = #"{"email":"ann@example.com","items":[{"productId":\#(id),"quantity":1}],"code":"ONCE"}"#
                let plain = #"{"email":"bob@example.com","items":[{"productId":\#(id),"quantity":1}]}"#
                async let r1 = call(a, .post, "/api/stores/demo/orders", token: token, body: order)
                async let r2 = call(b, .post, "/api/stores/demo/orders", token: token, body: order)
                async let r3 = call(a, .post, "/api/stores/demo/orders", token: token, body: plain)
                async let r4 = call(b, .post, "/api/stores/demo/orders", token: token, body: plain)
                let results = try await [r1, r2, r3, r4]
                let placed = results.filter { $0.0 == .created }
                #expect(results.allSatisfy { $0.0 == .created || $0.0 == .unprocessableContent }, "\(results)")
                #expect(placed.filter { $0.1["discountCode"] == .string("ONCE") }.count <= 1, "\(placed)")
                #expect(Set(placed.compactMap { $0.1["number"]?.stringValue }).count == placed.count, "order numbers are unique")
                let stock = try #require(try await database.rows("SELECT stock FROM products WHERE id = \(id)").first?.decode(Int.self))
                #expect(stock == 3 - placed.count && stock >= 0)
                // The other instance reads an order, and moves it through its statuses; a cancellation restocks.
                let number = try #require(placed.first?.1["number"]?.stringValue)
                let (read, card) = try await call(b, .get, "/api/stores/demo/orders/\(number)", token: token)
                #expect(read == .ok && card["number"] == .string(number))
                #expect(try await call(b, .patch, "/api/stores/demo/orders/\(number)", token: token, body: #"{"status":"delivered"}"#).0 == .unprocessableContent)
                #expect(try await call(b, .patch, "/api/stores/demo/orders/\(number)", token: token, body: #"{"status":"cancelled","note":"customer rang"}"#).0 == .ok)
                let back = try #require(try await database.rows("SELECT stock FROM products WHERE id = \(id)").first?.decode(Int.self))
                #expect(back == stock + 1)
                #expect(try await call(a, .get, "/api/stores/demo/orders/ORD-NOPE", token: token).0 == .notFound)
                #expect(try await call(a, .post, "/api/stores/demo/orders", token: token, body: #"{"email":"x@example.com","items":[]}"#).0 == .unprocessableContent)
            }
        }
    }
}
