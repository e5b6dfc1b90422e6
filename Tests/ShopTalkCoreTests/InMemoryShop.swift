import Foundation
@testable import ShopTalkCore

/// The demo store held in memory behind the Core's store protocols, so that the chat engine and its
/// dialogue rules can be tested without a database or a socket. Searches filter and rank simply
/// (text words in the name, then the filters, cheapest first on request); the SQLite store's own
/// ranking has its own tests.
final class InMemoryShop: CatalogStore, OrderStore, DiscountStore, TicketStore, PurchaseHistory, SalesAnalytics, @unchecked Sendable {
    let store = Store(id: 1, slug: "demo", name: "Demo", currency: "USD")
    let products: [Product]
    let orders: [Order]
    let discountList: [Discount]
    private let lock = NSLock()
    private var ticketList: [Ticket] = []

    init(today: Date) {
        let demo = DemoStore.generate(today: today)
        products = demo.products
        orders = demo.orders
        discountList = demo.discounts
    }

    var tickets: [Ticket] { lock.withLock { ticketList } }

    var stores: ChatEngine.Stores {
        ChatEngine.Stores(catalog: self, orders: self, discounts: self, tickets: self, history: self, analytics: self)
    }

    func search(_ query: ProductQuery, storeID: Int64) async throws -> ProductPage {
        let words = ProductQuery.terms(of: query.text ?? "")
        var found = products.filter { product in
            let name = (product.name + " " + product.brand + " " + product.category).lowercased()
            return words.allSatisfy { name.contains($0) }
                && query.category.map { $0.caseInsensitiveCompare(product.category) == .orderedSame } ?? true
                && query.brand.map { $0.caseInsensitiveCompare(product.brand) == .orderedSame } ?? true
                && query.color.map { color in product.colors.contains { $0.caseInsensitiveCompare(color) == .orderedSame } } ?? true
                && query.maxPrice.map { product.price <= $0 } ?? true
                && query.minPrice.map { product.price >= $0 } ?? true
                && (!query.inStockOnly || product.stock > 0)
        }
        if query.cheapestFirst { found.sort { $0.price < $1.price } }
        return ProductPage(products: Array(found.dropFirst(query.offset).prefix(query.limit)), total: found.count)
    }

    func products(ids: [Int64], storeID: Int64) async throws -> [Product] {
        ids.compactMap { id in products.first { $0.id == id } }
    }

    func vocabulary(storeID: Int64) async throws -> CatalogVocabulary {
        CatalogVocabulary(
            brands: Array(Set(products.map(\.brand))).sorted(), categories: Array(Set(products.map(\.category))).sorted(),
            colors: Array(Set(products.flatMap(\.colors))).sorted(), products: products.map(\.name),
            discountCodes: discountList.map(\.code)
        )
    }

    func updateDescription(productID: Int64, storeID: Int64, description: String) async throws {}

    func order(number: String, storeID: Int64) async throws -> Order? {
        orders.first { $0.number == number }
    }

    func discounts(storeID: Int64) async throws -> [Discount] { discountList }

    func createTicket(storeID: Int64, sessionID: String, text: String, category: String, orderNumber: String?, at: Date) async throws -> Ticket {
        lock.withLock {
            let ticket = Ticket(reference: "TCK-\(1000 + ticketList.count)", category: category, orderNumber: orderNumber, text: text, status: "open", createdAt: at)
            ticketList.append(ticket)
            return ticket
        }
    }

    func boughtTogether(productID: Int64, storeID: Int64, limit: Int) async throws -> [(Product, Int)] { [] }

    // The analytics are answered from SQLite's rollups and tested there; here they have no sales.
    func total(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) async throws -> Double? { 0 }
    func ranking(_ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool, storeID: Int64) async throws -> [(String, Double)] { [] }
    func series(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) async throws -> [(String, Double)] { [] }
    func restock(storeID: Int64, today: String) async throws -> (lines: [RestockLine], tracked: Int) { ([], 0) }
    func slowMovers(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, Double)] { [] }
    func customerOrderDays(filter: SalesFilter, storeID: Int64) async throws -> [String: [String]] { [:] }
    func dataRange(storeID: Int64) async throws -> (String, String)? { nil }
    func customerMix(filter: SalesFilter, storeID: Int64) async throws -> CustomerMix { CustomerMix(newCustomers: 0, returningCustomers: 0, newRevenue: 0, returningRevenue: 0) }
    func breakdown(_ metric: SalesQuery.Metric, by slot: SalesQuery.TimeSlot, filter: SalesFilter, storeID: Int64) async throws -> [(Int, Double)] { [] }
    func boughtTogether(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, String, Int)] { [] }
    func customerNames(_ ids: [String], storeID: Int64) async throws -> [String: String] { [:] }
    func namedCustomers(storeID: Int64) async throws -> [(id: String, name: String)] { [] }
    func productPerformance(filter: SalesFilter, storeID: Int64) async throws -> [ProductPerformance] { [] }
    func dailyUnits(productIDs: [Int64], from: String, to: String, storeID: Int64) async throws -> [Int64: [String: Double]] { [:] }
    func inventorySettings(storeID: Int64) async throws -> InventorySettings { InventorySettings() }
    func recentOrders(since: Date, storeID: Int64) async throws -> [OrderRiskFacts] { [] }
    func productMatcher(storeID: Int64) async throws -> ProductNameMatcher {
        ProductNameMatcher(products: products.map { ($0.id, $0.name) })
    }
}

/// A classifier that answers what the test says a message means, so that a dialogue test states the
/// classifier's reading and checks what the policy makes of it.
struct ScriptedClassifier: IntentClassifying {
    let readings: [String: Intent]

    init(_ readings: [String: (String, Double)]) {
        self.readings = readings.mapValues { Intent(name: $0.0, confidence: $0.1) }
    }

    func classify(_ text: String, entities: [Entity]) -> Intent {
        readings[text] ?? Intent(name: Intent.Name.outOfScope, confidence: 0.2)
    }
}
