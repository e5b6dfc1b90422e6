import Foundation
@testable import ShopTalkCore
import Testing

/// Shades name their base colour, and letter sizes are read where shoppers put them.
@Suite("Colour and size lexicon")
struct ColorAndSizeLexiconTests {
    let vocabulary = CatalogVocabulary(
        brands: ["North Lodge", "Sony"], categories: ["clothing", "shoes", "headphones"], colors: ["black", "white", "green"],
        products: ["North Lodge Parka", "Sony WH-1000XM5 Headphones"]
    )
    let extractor = EntityExtractor()

    func value(_ text: String, _ type: String) -> String? {
        extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: Date(timeIntervalSince1970: 0))
            .first { $0.type == type }?.value.stringValue
    }

    @Test(arguments: [
        ("do you have this hoodie in olive", "green"), ("a maroon jumper", "red"), ("violet dresses", "purple"),
        ("something in a dirty green", "green"), ("navy blue chinos", "navy"), ("sky blue trainers", "blue"),
        ("a burgundy coat please", "red"), ("teal headphones", "blue"), ("cream knit", "white"), ("charcoal joggers", "grey"),
        ("camel coat", "brown"), ("mustard scarf", "yellow"), ("lilac top", "purple"), ("gray hoodie", "grey"),
        ("green parka", "green"),
    ])
    func shadesMapToTheirBaseColour(text: String, expected: String) {
        #expect(value(text, Entity.Kind.color) == expected, "\(text)")
    }

    @Test(arguments: [
        ("any dresses in a S?", "S"), ("by North Lodge and an M", "M"), ("any L coats?", "L"), ("jackets in L", "L"),
        ("have you got it in a medium", "M"), ("size xl hoodies", "XL"), ("an XS top", "XS"), ("m jackets", "M"),
    ])
    func letterSizesWhereShoppersPutThem(text: String, expected: String) {
        #expect(value(text, Entity.Kind.size) == expected, "\(text)")
    }

    @Test(arguments: ["i'm looking for a gift", "is it a good buy", "show me what's new", "I'd like a parka", "a m8 of mine"])
    func ordinaryWordsAreNotSizes(text: String) {
        #expect(value(text, Entity.Kind.size) == nil, "\(text)")
    }
}
