import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Tokenizer and entity extraction")
struct TokenizerAndExtractorTests {
    let vocabulary = CatalogVocabulary(
        brands: ["Sony", "Samsung", "New Balance", "The North Face", "Dell"],
        categories: ["headphones", "laptops", "tvs", "shoes", "home & kitchen", "phones"],
        colors: ["black", "white", "blue"]
    )
    let extractor = EntityExtractor()

    func extract(_ text: String) -> [Entity] {
        extractor.extract(text, tokens: Tokenizer.tokenize(text), vocabulary: vocabulary, currency: "USD")
    }

    @Test func tokensCarryCodePointOffsets() {
        let tokens = Tokenizer.tokenize("😀 Sony WH-1000XM5 for $1,299.99!")
        #expect(tokens.map(\.original) == ["😀", "Sony", "WH-1000XM5", "for", "$", "1,299.99", "!"])
        #expect(tokens[1].start == 2)
        #expect(tokens[5].kind == .number)
    }

    @Test func aRangeWithADashSplitsIntoTwoNumbers() {
        #expect(Tokenizer.tokenize("20-40").map(\.original) == ["20", "-", "40"])
    }

    @Test(arguments: [
        ("headphones under $50", nil as Double?, 50.0 as Double?),
        ("less than 100 dollars", nil, 100),
        ("below 80", nil, 80),
        ("between 200 and 300", 200, 300),
        ("$20-$40", 20, 40),
        ("from 20 to 40 bucks", 20, 40),
        ("over $1000", 1000, nil),
        ("at least 1000", 1000, nil),
        ("around 500", 425, 575),
    ])
    func pricesAndRangesAreNormalised(text: String, min: Double?, max: Double?) throws {
        let price = try #require(extract(text).first { $0.type == "price" })
        #expect(price.value["min"]?.numberValue == min)
        #expect(price.value["max"]?.numberValue == max)
    }

    @Test func catalogNamesComeFromTheStoresVocabulary() throws {
        let entities = extract("black New Balance shoes and a Sony telly")
        try #require(entities.map(\.type) == ["color", "brand", "category", "brand", "category"])
        #expect(entities[1].value == .string("New Balance"))
        #expect(entities[4].value == .string("tvs"))
        #expect(entities[1].start == 6 && entities[1].end == 17)
        #expect(extract("show me LG phones").map(\.type) == ["category"])
    }

    @Test func identifiersAreFound() {
        let entities = extract("order ORD-20250105-0001 for jane.doe+shop@example.co.uk please")
        #expect(entities.first { $0.type == "order_number" }?.value == .string("ORD-20250105-0001"))
        #expect(entities.first { $0.type == "email" }?.value == .string("jane.doe+shop@example.co.uk"))
    }

    @Test func plainWordsAndNumbersAreNotEntities() {
        #expect(extract("is this shop still open in 2 days").isEmpty)
    }

    @Test func theLetterSIsNeverASizeInOrdinarySentences() {
        for sentence in ["this is the best shop, it's so good", "s", "show me shoes's sizes", "yes s he said", "i'm looking at stuff",
                         "is it a small world", "my size is s", "what's up"] {
            let sizes = extract(sentence).filter { $0.type == "size" }
            if sentence == "my size is s" {
                #expect(sizes.isEmpty, "\"is s\" is not \"size s\"")
            } else {
                #expect(sizes.isEmpty, "\(sentence)")
            }
        }
        #expect(extract("hoodie size s").first { $0.type == "size" }?.value == .string("S"))
        #expect(extract("do you have it in xl").first { $0.type == "size" }?.value == .string("XL"))
        #expect(extract("jacket in medium").first { $0.type == "size" }?.value == .string("M"))
    }
}
