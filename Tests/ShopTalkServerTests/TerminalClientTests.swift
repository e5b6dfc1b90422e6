import Foundation
import HummingbirdTesting
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Terminal client rendering")
struct TerminalClientTests {
    /// The cells of one column of a rendered table, found from the rule line's dashes.
    static func column(_ name: String, in text: String) throws -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ruleIndex = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") && $0.allSatisfy { $0 == "-" || $0 == " " } })
        let header = lines[ruleIndex - 1]
        let rule = Array(lines[ruleIndex])
        // Each run of dashes is a column's exact width.
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, character) in (rule + [" "]).enumerated() {
            if character == "-", start == nil { start = index }
            if character != "-", let begin = start { ranges.append(begin..<index); start = nil }
        }
        let headers = ranges.map { range in String(Array(header.padding(toLength: rule.count, withPad: " ", startingAt: 0))[range]).trimmingCharacters(in: .whitespaces) }
        let position = try #require(headers.firstIndex(of: name), "no column \(name) in \(headers)")
        let range = ranges[position]
        return lines[(ruleIndex + 1)...].prefix { $0.hasPrefix("  ") && !$0.hasPrefix("  try:") }.map { line in
            let characters = Array(line.padding(toLength: max(line.count, rule.count), withPad: " ", startingAt: 0))
            return String(characters[range])
        }
    }

    @Test func productListsPrintAsAlignedTables() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let frame = JSONValue.object(try await chat.say("show me headphones under $100"))
                let text = try #require(TerminalRenderer().render(frame))
                guard case .array(let products)? = frame["products"] else { Issue.record("no products"); return }
                #expect(text.hasPrefix("shoptalk> Here are"))
                let names = try Self.column("product", in: text).map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(names == products.compactMap { $0["name"]?.stringValue })
                // Prices sit right-aligned in their column: every cell ends at the column's right edge.
                let prices = try Self.column("price", in: text)
                #expect(prices.count == products.count)
                #expect(prices.allSatisfy { $0.last != " " && $0.contains("$") })
                #expect(prices.map { $0.trimmingCharacters(in: .whitespaces) } == products.map { TerminalRenderer.money($0["price"]?.numberValue, "USD") })
                #expect(text.contains("  try: "))
            }
        }
    }

    @Test func ownerRankingsAndSeriesPrintAsTables() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "terminal")
        try await withLiveServer(testConfiguration(database)) { client in
            try await ownerChat(client, store: "demo", token: token) { chat in
                let top = JSONValue.object(try await chat.say("who are my top 5 customers?"))
                let text = try #require(TerminalRenderer().render(top))
                let revenue = try Self.column("revenue", in: text)
                #expect(revenue.count == 5)
                // Two decimals everywhere, right-aligned, best first.
                let values = revenue.map { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) ?? -1 }
                #expect(revenue.allSatisfy { $0.last != " " && $0.split(separator: ".").last?.count == 2 })
                #expect(values == values.sorted(by: >) && values.allSatisfy { $0 > 0 })
                #expect(try Self.column("#", in: text).map { $0.trimmingCharacters(in: .whitespaces) } == ["1", "2", "3", "4", "5"])

                let series = JSONValue.object(try await chat.say("sales by month this year"))
                let months = try Self.column("period", in: try #require(TerminalRenderer().render(series)))
                guard case .array(let points)? = series["result"]?["points"] else { Issue.record("no series"); return }
                #expect(months.map { $0.trimmingCharacters(in: .whitespaces) } == points.compactMap { $0["period"]?.stringValue })
            }
        }
    }

    @Test func tablesDropEmptyColumnsAndCutLongCells() {
        let table = TextTable(headers: ["name", "note", "n"], rows: [["a very long product name indeed", "", "7"], ["b", "", "12"]], rightAligned: [2], maxWidth: 12)
        #expect(table.render(indent: "") == """
        name           n
        ------------  --
        a very long…   7
        b             12
        """)
        #expect(TerminalRenderer.grouped(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(TerminalRenderer.grouped(-999, decimals: 0) == "-999")
    }
}
