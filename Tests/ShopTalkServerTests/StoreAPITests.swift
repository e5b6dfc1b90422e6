import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Sends a JSON request and decodes the JSON answer (or null for an empty body).
func call(
    _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil,
    headers extra: HTTPFields = [:]
) async throws -> (HTTPResponse.Status, JSONValue) {
    var headers: HTTPFields = [.contentType: "application/json"]
    headers.append(contentsOf: extra)
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
        let json = response.body.readableBytes == 0 ? JSONValue.null : try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
        return (response.status, json)
    }
}

@Suite("REST for scripts and admins")
struct StoreAPITests {
    func ownerToken(_ database: TestDatabase, store: String = "demo") async throws -> String {
        try await database.ownerToken(store: store)
    }

    @Test func productsCanBeReadByAnyoneButWrittenOnlyWithTheStoresToken() async throws {
        let database = try await TestDatabase.demoStore()
        try await database.seedStore("other")
        let token = try await ownerToken(database)
        let otherToken = try await ownerToken(database, store: "other")
        let product = #"{"sku":"TEA-1","name":"Zanzibar Teapot","brand":"Zanzi","category":"home & kitchen","price":24.5,"stock":3,"colors":["Blue"]}"#
        try await withLiveServer(testConfiguration(database)) { client in
            #expect(try await call(client, .post, "/api/stores/demo/products", body: product).0 == .unauthorized)
            #expect(try await call(client, .post, "/api/stores/demo/products", token: "st_1_wrong", body: product).0 == .unauthorized)
            #expect(try await call(client, .post, "/api/stores/demo/products", token: otherToken, body: product).0 == .forbidden)
            let (created, json) = try await call(client, .post, "/api/stores/demo/products", token: token, body: product)
            #expect(created == .created)
            let id = try #require(json["id"]?.numberValue)
            #expect(json["colors"] == .array([.string("blue")]))
            #expect(try await call(client, .post, "/api/stores/demo/products", token: token, body: product).0 == .conflict)
            let (read, fetched) = try await call(client, .get, "/api/stores/demo/products/\(Int(id))")
            #expect(read == .ok && fetched["name"] == .string("Zanzibar Teapot"))
            // Cost and stock threshold are the owner's business.
            #expect(fetched["cost"] == nil && fetched["lowStockThreshold"] == nil)
            let (_, list) = try await call(client, .get, "/api/stores/demo/products?q=teapot")
            #expect(list["products"]?[0]?["cost"] == nil && list["products"]?[0]?["name"] == .string("Zanzibar Teapot"))
            let (_, ownersView) = try await call(client, .get, "/api/stores/demo/products/\(Int(id))", token: token)
            #expect(ownersView["lowStockThreshold"] != nil)
            #expect(try await call(client, .get, "/api/stores/demo/products/\(Int(id))", token: otherToken).0 == .forbidden)
            // The chat recognises the new brand at once.
            try await chat(client) { chat in
                let reply = try await chat.say("do you have anything from zanzi")
                #expect(reply.products.first?["name"] == .string("Zanzibar Teapot"))
            }
            let (updated, changed) = try await call(client, .patch, "/api/stores/demo/products/\(Int(id))", token: token, body: #"{"price":19.99,"originalPrice":24.5}"#)
            #expect(updated == .ok && changed["price"] == .number(19.99) && changed["originalPrice"] == .number(24.5))
            #expect(try await call(client, .get, "/api/stores/other/products/\(Int(id))").0 == .notFound)
            #expect(try await call(client, .delete, "/api/stores/demo/products/\(Int(id))", token: otherToken).0 == .forbidden)
            #expect(try await call(client, .delete, "/api/stores/demo/products/\(Int(id))", token: token).0 == .noContent)
            #expect(try await call(client, .get, "/api/stores/demo/products/\(Int(id))").0 == .notFound)
        }
    }

    @Test func invalidBodiesGetFieldLevelMessages() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await ownerToken(database)
        try await withLiveServer(testConfiguration(database)) { client in
            let (status, json) = try await call(client, .post, "/api/stores/demo/products", token: token,
                                                body: #"{"name":"","price":-3,"stock":1.5,"rating":9,"colors":"red"}"#)
            #expect(status == .unprocessableContent)
            let fields = json["error"]?["fields"]
            for field in ["sku", "name", "price", "stock", "rating", "colors"] {
                #expect(fields?[field]?.stringValue?.isEmpty == false, "\(field)")
            }
            #expect(try await call(client, .post, "/api/stores/demo/products", token: token, body: "nope").0 == .badRequest)
            let (badDiscount, discountJSON) = try await call(client, .post, "/api/stores/demo/discounts", token: token,
                                                              body: #"{"code":"BAD CODE!","kind":"percentage"}"#)
            #expect(badDiscount == .unprocessableContent)
            #expect(discountJSON["error"]?["fields"]?["code"] != nil)
            #expect(discountJSON["error"]?["fields"]?["percentOff"] != nil)
        }
    }

    @Test func discountsAndOrdersCanBeManagedAndEveryStatusChangeIsRecorded() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await ownerToken(database)
        try await withLiveServer(testConfiguration(database)) { client in
            #expect(try await call(client, .get, "/api/stores/demo/discounts").0 == .unauthorized)
            let (created, discount) = try await call(client, .post, "/api/stores/demo/discounts", token: token,
                                                     body: #"{"code":"tenner","kind":"fixed_amount","amountOff":10,"minSpend":30}"#)
            #expect(created == .created && discount["code"] == .string("TENNER") && discount["usedCount"] == .number(0))
            let (placed, order) = try await call(client, .post, "/api/stores/demo/orders", token: token,
                                                 body: #"{"email":"buyer@example.com","items":[{"productId":1,"quantity":1}],"code":"TENNER"}"#)
            #expect(placed == .created)
            let number = try #require(order["number"]?.stringValue)
            #expect(order["discountCode"] == .string("TENNER"))
            #expect(order["status"] == .string("pending"))
            let (used, usage) = try await call(client, .get, "/api/stores/demo/discounts/TENNER", token: token)
            #expect(used == .ok && usage["usedCount"] == .number(1))
            #expect(try await call(client, .patch, "/api/stores/demo/orders/\(number)", token: token, body: #"{"status":"shipped"}"#).0 == .unprocessableContent)
            _ = try await call(client, .patch, "/api/stores/demo/orders/\(number)", token: token, body: #"{"status":"paid"}"#)
            let (shippedStatus, shipped) = try await call(client, .patch, "/api/stores/demo/orders/\(number)", token: token,
                                                          body: #"{"status":"shipped","carrier":"UPS","trackingNumber":"1Z999"}"#)
            #expect(shippedStatus == .ok && shipped["carrier"] == .string("UPS"))
            guard case .array(let timeline)? = shipped["timeline"] else {
                Issue.record("no timeline")
                return
            }
            #expect(timeline.compactMap { $0["status"]?.stringValue } == ["pending", "paid", "shipped"])
            #expect(try await call(client, .patch, "/api/stores/demo/orders/\(number)", token: token, body: #"{"status":"pending"}"#).0 == .unprocessableContent)
            let (failed, reason) = try await call(client, .post, "/api/stores/demo/orders", token: token,
                                                  body: #"{"email":"buyer@example.com","items":[{"productId":1,"quantity":1}],"code":"SUMMER30"}"#)
            #expect(failed == .unprocessableContent)
            #expect(reason["error"]?["fields"]?["code"]?.stringValue?.contains("expired") == true)
        }
    }

    @Test func concurrentOrdersNeverTakeACodePastItsLimit() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await ownerToken(database)
        let productID = 1
        try await database.execute(sqlite: "UPDATE products SET stock = 1000 WHERE id = 1", postgres: "UPDATE products SET stock = 1000 WHERE id = 1")
        try await withLiveServer(testConfiguration(database)) { client in
            let (created, _) = try await call(client, .post, "/api/stores/demo/discounts", token: token,
                                              body: #"{"code":"LIMITED5","kind":"percentage","percentOff":10,"usageLimit":5}"#)
            #expect(created == .created)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await call(client, .post, "/api/stores/demo/orders", token: token,
                                       body: #"{"email":"rush\#(index)@example.com","items":[{"productId":\#(productID),"quantity":1}],"code":"LIMITED5"}"#).0
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 5)
            #expect(statuses.filter { $0 == .unprocessableContent }.count == 25)
        }
        let used = try await database.integers(sqlite: "SELECT usedCount FROM discounts WHERE code = 'LIMITED5'",
                                               postgres: "SELECT used_count FROM discounts WHERE code = 'LIMITED5'")
        let orders = try await database.integers(sqlite: "SELECT COUNT(*) FROM orders WHERE discountCode = 'LIMITED5'",
                                                 postgres: "SELECT COUNT(*)::bigint FROM orders WHERE discount_code = 'LIMITED5'")
        #expect(used == [5] && orders == [5])
    }

    // Reads the SQLite file directly, so it stays on SQLite; PostgresCatalogAdminTests imports a CSV on PostgreSQL.
    @Test func importingProductsReportsBadRowsAndKeepsGoodOnes() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let store = try #require(try await pool.store(slug: "demo"))
        let csv = """
            sku,name,brand,category,price,stock,colors
            NEW-1,"Teapot, large",Zanzi,home & kitchen,30,5,blue|white
            NEW-2,,Zanzi,home & kitchen,30,5,blue
            NEW-3,Mug,Zanzi,home & kitchen,-2,5,
            NEW-4,Cup,Zanzi,home & kitchen,4
            PHO-0001,Renamed phone,Samsung,phones,799.99,10,black
            """
        let report = try await ProductImporter(database: pool).importCSV(csv, storeID: store.id, now: Date())
        #expect(report.created == 1 && report.updated == 1)
        #expect(report.problems.map(\.line) == [3, 4, 5])
        #expect(report.problems[0].reason.contains("name"))
        #expect(report.problems[2].reason.contains("fields"))
        let again = try await ProductImporter(database: pool).importCSV(csv, storeID: store.id, now: Date())
        #expect(again.created == 0 && again.updated == 2)
        let name = try await pool.writer.read { db in try String.fetchOne(db, sql: "SELECT name FROM products WHERE sku = 'NEW-1'") }
        #expect(name == "Teapot, large")
    }
}
