import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Entity extraction")
struct EntityExtractionTests {
    static let today = ShopClock.parseDay("2026-11-21")!  // a Saturday
    let vocabulary = CatalogVocabulary(
        brands: ["Samsung", "Adidas", "Lenovo", "Sony", "Apple", "New Balance", "Nike"],
        categories: ["headphones", "laptops", "tvs", "shoes", "clothing", "phones"],
        colors: ["black", "white"],
        products: ["Samsung Galaxy S24 128GB Smartphone", "Samsung Galaxy S24 Ultra 256GB Smartphone", "Sony WH-1000XM5 Headphones",
                   "Apple iPhone 15 Pro 128GB Smartphone", "Samsung 55\" QLED Q60C 4K TV"],
        discountCodes: ["SAVE20", "TAKE10"],
        brandCounts: ["Samsung": 40, "Sony": 30]
    )
    let extractor = EntityExtractor()

    func entities(_ text: String, _ type: String) -> [Entity] {
        extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: Self.today).filter { $0.type == type }
    }

    func period(_ text: String) -> String? {
        guard let value = entities(text, "date").first?.value else { return nil }
        return "\(value["from"]?.stringValue ?? "?")…\(value["to"]?.stringValue ?? "?")"
    }

    @Test(arguments: [
        ("sales today", "2026-11-21…2026-11-21"),
        ("yesterday", "2026-11-20…2026-11-20"),
        ("this week", "2026-11-16…2026-11-21"),
        ("last week", "2026-11-09…2026-11-15"),
        ("this month", "2026-11-01…2026-11-21"),
        ("last month", "2026-10-01…2026-10-31"),
        ("this year", "2026-01-01…2026-11-21"),
        ("last year", "2025-01-01…2025-12-31"),
        ("in March", "2026-03-01…2026-03-31"),
        ("in December", "2025-12-01…2025-12-31"),
        ("March 2011", "2011-03-01…2011-03-31"),
        ("between January and March 2011", "2011-01-01…2011-03-31"),
        ("between January and March", "2026-01-01…2026-03-31"),
        ("from 2011-06-01 to 2011-06-15", "2011-06-01…2011-06-15"),
        ("between 1 and 7 November 2011", "2011-11-01…2011-11-07"),
        ("Q1 2011", "2011-01-01…2011-03-31"),
        ("the first quarter", "2026-01-01…2026-03-31"),
        ("in 2011", "2011-01-01…2011-12-31"),
        ("since June", "2026-06-01…2026-11-21"),
        ("so far this year", "2026-01-01…2026-11-21"),
        ("summer 2011", "2011-06-01…2011-08-31"),
        ("over the last 30 days", "2026-10-23…2026-11-21"),
        ("June through August", "2026-06-01…2026-08-31"),
        ("jan-mar 2011", "2011-01-01…2011-03-31"),
        ("on 5 March 2011", "2011-03-05…2011-03-05"),
        ("last quarter", "2026-07-01…2026-09-30"),
    ])
    func periodsAreInclusiveDayRangesRelativeToTheClock(text: String, expected: String) {
        #expect(period(text) == expected)
    }

    @Test func mayAsAVerbIsNotADate() {
        #expect(period("may i ask a question") == nil)
        #expect(period("sales in may") == "2026-05-01…2026-05-31")
    }

    @Test(arguments: [
        ("size 9", "9"), ("EU 42", "EU 42"), ("55 inch tv", "55 inch"), ("a 65\" telly", "65 inch"), ("256gb phone", "256GB"),
        ("hoodie in XL", "XL"), ("size large", "L"), ("extra large", nil), ("in extra large", "XL"), ("45mm watch", "45MM"),
    ])
    func sizesOfEveryKind(text: String, expected: String?) {
        #expect(entities(text, "size").first?.value.stringValue == expected)
    }

    @Test(arguments: [("two of them", 2.0), ("3 of them", 3), ("a dozen", 12), ("i'll take a couple", 2), ("qty 4", 4), ("x3", 3)])
    func quantities(text: String, expected: Double) {
        #expect(entities(text, "quantity").first?.value.numberValue == expected)
    }

    @Test func theCheaperOneIsNotAQuantity() {
        #expect(entities("the cheaper one", "quantity").isEmpty)
    }

    @Test func cheapAndBudgetAreASoftPreference() {
        let price = entities("a budget laptop", "price").first
        #expect(price?.value["preference"] == .string("low"))
        #expect(price?.value["max"] == nil)
    }

    @Test func priceRangesInOtherCurrencies() {
        let price = entities("max 80 pounds", "price").first?.value
        #expect(price?["max"] == .number(80))
        #expect(price?["currency"] == .string("GBP"))
        #expect(entities("55 inch tv", "price").isEmpty)
    }

    @Test func identifiers() {
        #expect(entities("where is order 1234", "order_number").first?.value == .string("1234"))
        #expect(entities("status of ORD-20250105-0001", "order_number").first?.value == .string("ORD-20250105-0001"))
        #expect(entities("orders from customer 12923.0", "customer_id").first?.value == .string("12923"))
        #expect(entities("apply code SAVE20", "discount_code").first?.value == .string("SAVE20"))
        #expect(entities("does take10 work", "discount_code").first?.value == .string("TAKE10"))
        #expect(entities("promo code SPRING15", "discount_code").first?.value == .string("SPRING15"))
        #expect(entities("is there a code for that", "discount_code").isEmpty)
    }

    @Test func countriesWithAliases() {
        #expect(entities("sales in the UK", "country").first?.value == .string("United Kingdom"))
        #expect(entities("and in England?", "country").first?.value == .string("United Kingdom"))
        #expect(entities("revenue from Holland", "country").first?.value == .string("Netherlands"))
        #expect(entities("ship to the US", "country").first?.value == .string("United States"))
        #expect(entities("can you help us", "country").isEmpty)
    }

    @Test(arguments: [("samsnug phones", "Samsung"), ("addidas trainers", "Adidas"), ("lenvo laptop", "Lenovo")])
    func misspeltBrandsResolveToTheCatalog(text: String, brand: String) {
        #expect(entities(text, "brand").first?.value == .string(brand))
    }

    @Test func misspeltCategoriesResolveToTheCatalog() {
        #expect(entities("show me hedphones", "category").first?.value == .string("headphones"))
    }

    @Test func shortAndCommonWordsAreNeverCorrected() {
        for text in ["sing me a song", "some shoes", "son of a gun", "the same one", "show me", "lets go"] {
            #expect(entities(text, "brand").isEmpty, "\(text)")
        }
    }

    @Test func greetingsAreNeverReadAsMisspeltBrands() {
        let shoes = CatalogVocabulary(brands: ["Hoka", "Salomon"], categories: ["shoes"], colors: [], products: [])
        func brands(_ text: String) -> [Entity] {
            extractor.extract(text, vocabulary: shoes, currency: "USD", today: Self.today).filter { $0.type == "brand" }
        }
        for text in ["hola", "Hola! hi", "hola, good day to you", "salut"] {
            #expect(brands(text).isEmpty, "\(text)")
        }
        #expect(brands("hoka trainers").first?.value == .string("Hoka"))
        #expect(brands("hokka trainers").first?.value == .string("Hoka"))
    }

    @Test func productModelsComeFromTheCatalog() {
        #expect(entities("is the galaxy s24 ultra in stock", "product").first?.value == .string("Galaxy S24 Ultra"))
        #expect(entities("how much is the galaxy s24", "product").first?.value == .string("Galaxy S24"))
        #expect(entities("tell me about the WH-1000XM5", "product").first?.value == .string("WH-1000XM5"))
        #expect(entities("the iphone 15", "product").first?.value == .string("iPhone 15"))
        #expect(entities("i like the galaxy", "product").isEmpty)
    }

    @Test func oneStoresNamesDoNotLeakIntoAnother() {
        let other = CatalogVocabulary(brands: ["Zanzi"], categories: ["teapots"], colors: [])
        #expect(extractor.extract("samsung teapots", vocabulary: other, currency: "GBP").map(\.type) == ["category"])
        #expect(extractor.extract("zanzi headphones", vocabulary: vocabulary, currency: "USD").map(\.type) == ["category"])
    }

    @Test func offsetsPointAtTheMatchedText() {
        let text = "😀 black Sony headphones under £50 in XL"
        for entity in extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: Self.today) {
            let scalars = Array(text.unicodeScalars)[entity.start..<entity.end]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            #expect(String(view) == entity.text)
        }
    }
}
