import Foundation
@testable import ShopTalkCore
import Testing

/// Owners type on phones: countries and months misspelt, two letters swapped in short words, "lastmonth"
/// without its space. `OwnerShorthand` writes the word meant before the question is read.
@Suite("Owner questions: typos")
struct OwnerTypoTests {
    let owner = OwnerFilterWordingTests()

    func query(_ text: String) throws -> SalesQuery { try owner.query(OwnerShorthand.expand(text)) }

    @Test(arguments: [
        ("revenue from frnace in may 2011", "France"), ("orders from germnay in 2011", "Germany"),
        ("customers in the netherlnds in 2011", "Netherlands"), ("how many orders from belguim in 2011", "Belgium"),
    ])
    func countriesMisspelt(_ text: String, _ country: String) throws {
        let asked = try query(text)
        #expect(asked.filter.country == country && asked.filter.productIDs == nil, "\(text): \(asked.filter.country ?? "-")")
    }

    @Test func swappedLettersAndMissingSpaces() throws {
        #expect(OwnerShorthand.expand("orders in jnue 2011 fro spain") == "orders in june 2011 for spain")
        #expect(OwnerShorthand.expand("revenue form france in the frist half") == "revenue from france in the first half")
        #expect(OwnerShorthand.expand("rev lastmonth vs thisyear") == "revenue last month vs this year")
        let asked = try query("how many itmes per order in france in the secnd quarter of 2011")
        #expect(asked.metric == .basketSize && asked.from == "2011-04-01", "\(asked.metric)")
        #expect(try query("whats our repaet customer rate for 2011").metric == .repeatRate)
    }

    @Test func aLetterLeftOutOfAShortWord() throws {
        #expect(OwnerShorthand.expand("how many unts in mrch 2011") == "how many units in march 2011")
        #expect(try query("total unts sold in germany in 2011").metric == .units)
        #expect(try query("average ordr value in 2011").metric == .aov)
        // Real words one letter short of a term, and three-letter words, stay as typed.
        #expect(OwnerShorthand.expand("sale items for jun") == "sale items for jun")
    }

    @Test func realWordsAndDemonymsStayAsTyped() {
        #expect(OwnerShorthand.expand("german-based buyers") == "german-based buyers")
        #expect(OwnerShorthand.expand("units of the regency cakestand") == "units of the regency cakestand")
        #expect(OwnerShorthand.expand("first, orders for june") == "first, orders for june")
    }
}
