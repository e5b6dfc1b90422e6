import Foundation
import GRDB
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Catalog search in SQLite")
struct CatalogSearchTests {
    @Test func textMatchRanksRelevantProductsFirst() async throws {
        let database = try await TestDatabase.seeded()
        let catalog = SQLiteCatalog(database: try database.open())
        let storeID = try #require(try await database.open().store(slug: "demo")).id
        let page = try await catalog.search(ProductQuery(text: "noise cancelling", category: "headphones"), storeID: storeID)
        #expect(page.total > 3)
        #expect(page.products.allSatisfy { $0.description.lowercased().contains("noise cancel") })
    }

    @Test func filtersCombine() async throws {
        let database = try await TestDatabase.seeded()
        let catalog = SQLiteCatalog(database: try database.open())
        let storeID = try #require(try await database.open().store(slug: "demo")).id
        let query = ProductQuery(category: "shoes", brand: "nike", size: "10", maxPrice: Money(major: 100), limit: 50)
        let page = try await catalog.search(query, storeID: storeID)
        #expect(page.total == page.products.count)
        #expect(!page.products.isEmpty)
        #expect(page.products.allSatisfy { $0.brand == "Nike" && $0.category == "shoes" && $0.sizes.contains("10") && $0.price <= Money(major: 100) })
        let black = try await catalog.search(ProductQuery(category: "phones", color: "BLACK", limit: 100), storeID: storeID)
        #expect(black.products.allSatisfy { $0.colors.contains("black") })
        let inStock = try await catalog.search(ProductQuery(inStockOnly: true, limit: 400), storeID: storeID)
        #expect(inStock.products.allSatisfy { $0.stock > 0 })
    }

    @Test func pagesDoNotOverlap() async throws {
        let database = try await TestDatabase.seeded()
        let catalog = SQLiteCatalog(database: try database.open())
        let storeID = try #require(try await database.open().store(slug: "demo")).id
        let first = try await catalog.search(ProductQuery(category: "laptops", limit: 5, offset: 0), storeID: storeID)
        let second = try await catalog.search(ProductQuery(category: "laptops", limit: 5, offset: 5), storeID: storeID)
        #expect(Set(first.products.map(\.id)).isDisjoint(with: second.products.map(\.id)))
        #expect(first.total == second.total)
    }

    @Test(arguments: ["'; DROP TABLE products; --", "\" OR 1=1 --", "<img src=x onerror=alert(1)>", "NEAR(a b", "*", "\u{0}"])
    func injectionStringsAreInert(text: String) async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let catalog = SQLiteCatalog(database: pool)
        let storeID = try #require(try await pool.store(slug: "demo")).id
        _ = try await catalog.search(ProductQuery(text: text, brand: text), storeID: storeID)
        let count = try await pool.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products") }
        #expect(count == 311)
    }

    @Test func oneStoresCatalogNeverShowsInAnothers() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let other = try await pool.writer.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO stores (slug, name, currency, createdAt) VALUES ('tiny', 'Tiny', 'GBP', ?)", arguments: [Date()])
            let id = db.lastInsertedRowID
            var product = ProductRecord(storeId: id, product: Product(
                id: 0, sku: "Z1", name: "Zanzibar Teapot", brand: "Zanzi", category: "teapots", description: "A teapot",
                price: Money(major: 12), stock: 3, lowStockThreshold: 1
            ), at: Date())
            try product.insert(db)
            return id
        }
        let catalog = SQLiteCatalog(database: pool)
        let demoID = try #require(try await pool.store(slug: "demo")).id
        #expect(try await catalog.search(ProductQuery(text: "teapot"), storeID: demoID).total == 0)
        #expect(try await catalog.search(ProductQuery(text: "teapot"), storeID: other).total == 1)
        #expect(try await !catalog.vocabulary(storeID: demoID).brands.contains("Zanzi"))
        #expect(try await catalog.vocabulary(storeID: other).brands == ["Zanzi"])
    }
}
