import Foundation

/// Builds a `DemoStore`: products from `DemoCatalog`, discounts, customers and 18 months of orders.
struct DemoStoreGenerator {
    let today: Date
    var random: SeededGenerator
    private let calendar = ShopClock.calendar

    init(today: Date, seed: UInt64) {
        self.today = ShopClock.calendar.startOfDay(for: today)
        self.random = SeededGenerator(seed: seed)
    }

    mutating func generate() -> DemoStore {
        let products = makeProducts()
        let discounts = DemoDiscounts.make(today: today)
        let customers = makeCustomers()
        let orders = DemoOrderGenerator(today: today, products: products, customers: customers, discounts: discounts)
        let (generatedOrders, usage) = orders.generate(random: &random)
        let usedDiscounts = discounts.map { discount -> Discount in
            var discount = discount
            discount.usedCount = usage[discount.code, default: 0] + discount.usedCount
            if discount.code == DemoDiscounts.usedUpCode {
                discount.usageLimit = discount.usedCount
            }
            return discount
        }
        return DemoStore(
            store: Store(id: 0, slug: DemoStore.slug, name: "ShopTalk Demo Store", currency: "USD"),
            products: products,
            discounts: usedDiscounts,
            customers: customers,
            orders: generatedOrders
        )
    }

    private mutating func makeProducts() -> [Product] {
        var products: [Product] = []
        for category in DemoCatalog.categories {
            for line in category.lines {
                for variant in category.variants {
                    let id = Int64(products.count + 1)
                    products.append(makeProduct(id: id, category: category, line: line, variant: variant))
                }
            }
        }
        return products
    }

    private mutating func makeProduct(
        id: Int64, category: DemoCatalog.Category, line: DemoCatalog.Line,
        variant: (suffix: String, priceFactor: Double)
    ) -> Product {
        let name = productName(category: category, line: line, variant: variant.suffix)
        let listPrice = roundedPrice(line.basePrice * variant.priceFactor)
        var price = listPrice
        var originalPrice: Money?
        if random.chance(0.22) {
            let cut = Double(Int.random(in: 2...6, using: &random)) * 0.05
            price = roundedPrice(listPrice.major * (1 - cut))
            originalPrice = listPrice
        }
        let cost = Money(major: (listPrice.major * Double.random(in: 0.52...0.72, using: &random)).rounded())
        let threshold = Int.random(in: 4...12, using: &random)
        let stock: Int
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.07: stock = 0
        case ..<0.18: stock = Int.random(in: 1...threshold, using: &random)
        default: stock = Int.random(in: (threshold + 1)...220, using: &random)
        }
        let colorCount = min(category.colors.count, Int.random(in: 1...4, using: &random))
        let colors = random.sample(category.colors, count: colorCount)
        var sizes = category.sizes
        if !sizes.isEmpty {
            let drop = Int.random(in: 0...2, using: &random)
            sizes = Array(sizes.dropFirst(drop))
        }
        if category.name == "tvs" {
            sizes = [variant.suffix.replacingOccurrences(of: "\"", with: " inch")]
        }
        let rating = (Double.random(in: 3.5...4.9, using: &random) * 10).rounded() / 10
        let sku = "\(category.name.prefix(3).uppercased())-\(String(format: "%04d", id))"
        return Product(
            id: id, sku: sku, name: name, brand: line.brand, category: category.name,
            description: description(category: category, line: line, variant: variant.suffix),
            price: price, originalPrice: originalPrice, cost: cost, stock: stock, lowStockThreshold: threshold,
            colors: colors, sizes: sizes, rating: rating, imageURL: nil
        )
    }

    private func productName(category: DemoCatalog.Category, line: DemoCatalog.Line, variant: String) -> String {
        switch category.name {
        case "tvs":
            return "\(line.brand) \(variant) \(line.model) \(category.noun)"
        case "shoes", "clothing":
            return "\(line.brand) \(line.model) \(variant)" + (category.noun.isEmpty ? "" : " \(category.noun)")
        default:
            let parts = [line.brand, line.model, variant, category.noun].filter { !$0.isEmpty }
            return parts.joined(separator: " ")
        }
    }

    private func description(category: DemoCatalog.Category, line: DemoCatalog.Line, variant: String) -> String {
        let noun = category.noun.isEmpty ? line.features[0] : category.noun.lowercased()
        var text = "The \(line.brand) \(line.model) \(noun)"
        if !variant.isEmpty { text += " (\(variant))" }
        text += " with \(line.features.joined(separator: ", "))."
        return text
    }

    /// Prices end in .99 below $1000 and in whole dollars above, as shops price them.
    private func roundedPrice(_ amount: Double) -> Money {
        if amount >= 1000 { return Money(major: (amount / 10).rounded() * 10 - 1) }
        if amount < 20 { return Money(major: amount.rounded() - 0.01) }
        return Money(major: amount.rounded() - 0.01)
    }

    private mutating func makeCustomers() -> [Customer] {
        let firstNames = [
            "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "James", "Mia",
            "William", "Amelia", "Benjamin", "Harper", "Lucas", "Evelyn", "Henry", "Abigail", "Alexander",
            "Emily", "Daniel", "Ella", "Matthew", "Grace", "Samuel", "Chloe", "David", "Zoe", "Joseph", "Nora",
            "Carlos", "Lucia", "Mateo", "Aisha", "Omar", "Priya", "Arjun", "Mei", "Hiroshi", "Fatima", "Jonas",
            "Freya", "Lars", "Ingrid", "Pierre", "Camille", "Giulia", "Marco", "Sven",
        ]
        let lastNames = [
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
            "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright",
            "Patel", "Nguyen", "Kim", "Chen", "Müller", "Schmidt", "Dubois", "Rossi", "Jansen", "Andersen",
        ]
        let countries: [(String, Double)] = [
            ("United States", 0.68), ("Canada", 0.1), ("United Kingdom", 0.08), ("Germany", 0.05),
            ("France", 0.03), ("Australia", 0.03), ("Netherlands", 0.03),
        ]
        let domains = ["example.com", "example.org", "example.net", "mail.example.com"]
        var customers: [Customer] = []
        var usedEmails = Set<String>()
        for index in 0..<260 {
            let first = random.pick(firstNames)
            let last = random.pick(lastNames)
            var local = "\(first).\(last)".lowercased().folding(options: .diacriticInsensitive, locale: nil)
            if usedEmails.contains(local) { local += "\(index)" }
            usedEmails.insert(local)
            let email = "\(local)@\(random.pick(domains))"
            var roll = Double.random(in: 0..<1, using: &random)
            var country = countries[0].0
            for (name, weight) in countries {
                if roll < weight { country = name; break }
                roll -= weight
            }
            customers.append(Customer(
                id: Int64(index + 1), externalID: String(10_001 + index), name: "\(first) \(last)",
                email: email, country: country
            ))
        }
        return customers
    }
}
