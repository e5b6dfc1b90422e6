import Foundation
import ShopTalkCore

/// Turns server frames into readable terminal text for `shoptalk chat`: the reply's words, then its
/// products, deals, order, ticket or owner result as aligned text tables, then the suggestions.
public struct TerminalRenderer: Sendable {
    public init() {}

    /// The text to print for `frame`, or nil for frames a person need not see (pong, deltas).
    public func render(_ frame: JSONValue) -> String? {
        switch frame["type"]?.stringValue {
        case "welcome":
            let store = frame["store"]
            let name = store?["name"]?.stringValue ?? "the store"
            let slug = store?["slug"]?.stringValue ?? "?"
            var text = "Connected to \(name) (\(slug)) as \(frame["role"]?.stringValue ?? "customer")"
            text += frame["resumed"] == .bool(true) ? ", conversation resumed." : "."
            if let notice = frame["notice"]?.stringValue { text += "\n" + notice }
            return text
        case "reply":
            return reply(frame)
        case "error":
            return "error [\(frame["code"]?.stringValue ?? "?")]: \(frame["message"]?.stringValue ?? "")"
        case "alert":
            return "alert [\(frame["kind"]?.stringValue ?? "?")]: \(frame["message"]?.stringValue ?? "")"
        case "auth_ok":
            return "Signed in as the owner of \(frame["store"]?.stringValue ?? "the store")."
        case "reset_ok":
            return "Started over."
        case "resume_ok":
            return "Resumed: \(String(Int.displayCount(frame["replayed"]?.numberValue))) missed replies replayed."
        default:
            return nil
        }
    }

    func reply(_ frame: JSONValue) -> String {
        var parts = ["shoptalk> " + (frame["text"]?.stringValue ?? "")]
        if case .array(let products)? = frame["products"], !products.isEmpty { parts.append(productTable(products)) }
        if case .array(let discounts)? = frame["discounts"], !discounts.isEmpty { parts.append(discountTable(discounts)) }
        if let order = frame["order"], case .object = order { parts.append(orderCard(order)) }
        if let ticket = frame["ticket"], case .object = ticket {
            parts.append("  ticket \(ticket["reference"]?.stringValue ?? "?") · \(ticket["category"]?.stringValue ?? "") · \(ticket["status"]?.stringValue ?? "open")")
        }
        if let result = frame["result"], case .object = result { parts.append(resultTable(result)) }
        if case .array(let suggestions)? = frame["suggestions"], !suggestions.isEmpty {
            parts.append("  try: " + suggestions.compactMap(\.stringValue).joined(separator: " · "))
        }
        return parts.joined(separator: "\n")
    }

    func productTable(_ products: [JSONValue]) -> String {
        let rows = products.enumerated().map { index, product -> [String] in
            let currency = product["currency"]?.stringValue ?? "USD"
            let stock = product["stock"]
            let state: String = switch stock?["state"]?.stringValue {
            case "out": "out of stock"
            case "low": "only \(Int.displayCount(stock?["count"]?.numberValue)) left"
            default: "in stock"
            }
            let codes: [String] = if case .array(let values)? = product["discounts"] { values.compactMap(\.stringValue) } else { [] }
            return [
                "\(index + 1)", product["name"]?.stringValue ?? "", product["brand"]?.stringValue ?? "",
                Self.money(product["price"]?.numberValue, currency),
                product["originalPrice"]?.numberValue.map { Self.money($0, currency) } ?? "",
                state, codes.prefix(3).joined(separator: " "),
            ]
        }
        return TextTable(headers: ["#", "product", "brand", "price", "was", "stock", "codes"], rows: rows, rightAligned: [0, 3, 4]).render()
    }

    func discountTable(_ discounts: [JSONValue]) -> String {
        let rows = discounts.map { discount -> [String] in
            let currency = discount["currency"]?.stringValue ?? "USD"
            let status: String = switch discount["valid"] {
            case .bool(true)?: "valid" + (discount["saving"]?.numberValue.map { ", saves \(Self.money($0, currency))" } ?? "")
            case .bool(false)?: "not valid: " + (discount["reason"]?.stringValue ?? "")
            default: ""
            }
            return [discount["code"]?.stringValue ?? "", discount["description"]?.stringValue ?? "", status,
                    discount["expiresAt"]?.stringValue ?? ""]
        }
        return TextTable(headers: ["code", "deal", "check", "ends"], rows: rows, maxWidth: 60).render()
    }

    func orderCard(_ order: JSONValue) -> String {
        let currency = order["currency"]?.stringValue ?? "USD"
        var lines = ["  order \(order["number"]?.stringValue ?? "?") · \(order["status"]?.stringValue ?? "?") · total \(Self.money(order["total"]?.numberValue, currency))"]
        if let carrier = order["carrier"]?.stringValue {
            lines.append("  \(carrier) \(order["trackingNumber"]?.stringValue ?? "")" + (order["estimatedDelivery"]?.stringValue.map { ", expected \($0)" } ?? ""))
        }
        if case .array(let items)? = order["items"] {
            lines.append(TextTable(headers: ["qty", "item", "unit price"], rows: items.map { item in
                [String(Int.displayCount(item["quantity"]?.numberValue)), item["name"]?.stringValue ?? "", Self.money(item["unitPrice"]?.numberValue, currency)]
            }, rightAligned: [0, 2]).render())
        }
        if case .array(let steps)? = order["timeline"] {
            lines += steps.map { step in
                "  · \(String((step["at"]?.stringValue ?? "").prefix(10)))  \(step["status"]?.stringValue ?? "")" + (step["note"]?.stringValue.map { " (\($0))" } ?? "")
            }
        }
        return lines.joined(separator: "\n")
    }

    func resultTable(_ result: JSONValue) -> String {
        let metric = result["metric"]?.stringValue ?? ""
        let period = [result["from"]?.stringValue, result["to"]?.stringValue].compactMap { $0 }.joined(separator: " to ")
        switch result["kind"]?.stringValue {
        case "scalar":
            let unit = result["unit"]?.stringValue ?? ""
            return "  = \(Self.measured(result["value"]?.numberValue, unit: unit))" + (period.isEmpty ? "" : "  (\(period))")
        case "series":
            guard case .array(let points)? = result["points"] else { return "" }
            let rows = points.map { [$0["period"]?.stringValue ?? "", Self.number($0["value"]?.numberValue, metric: metric)] }
            return TextTable(headers: ["period", metric], rows: rows, rightAligned: [1]).render()
        case "table":
            guard case .array(let columns)? = result["columns"], case .array(let rows)? = result["rows"] else { return "" }
            var numeric = Set<Int>()
            let names = columns.compactMap(\.stringValue)
            let cells = rows.map { row -> [String] in
                guard case .array(let values) = row else { return [] }
                return values.enumerated().map { index, value in
                    if let number = value.numberValue {
                        numeric.insert(index + 1)
                        return Self.number(number, metric: index < names.count ? names[index] : "")
                    }
                    return value.stringValue ?? ""
                }
            }
            let ranked = cells.enumerated().map { ["\($0.offset + 1)"] + $0.element }
            return TextTable(headers: ["#"] + columns.compactMap { $0.stringValue?.replacingOccurrences(of: "_", with: " ") },
                             rows: ranked, rightAligned: numeric.union([0])).render()
        default:
            return ""
        }
    }

    static func money(_ value: Double?, _ currency: String) -> String {
        value.map { Money(major: $0).formattedWithCents(currency: currency) } ?? ""
    }

    static func measured(_ value: Double?, unit: String) -> String {
        guard let value else { return "n/a" }
        if unit == "%" { return String(format: "%.1f%%", value) }
        if unit.count == 3, unit == unit.uppercased() { return money(value, unit) }
        return number(value) + (unit.isEmpty ? "" : " " + unit)
    }

    /// Money metrics always with two decimals, so a column lines up; counts without.
    static func number(_ value: Double?, metric: String) -> String {
        guard let value else { return "" }
        return ["revenue", "aov", "margin"].contains(metric) ? grouped(value, decimals: 2) : number(value)
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? grouped(value, decimals: 0) : grouped(value, decimals: 2)
    }

    /// 1234567.891 → "1,234,567.89".
    static func grouped(_ value: Double, decimals: Int) -> String {
        let parts = String(format: "%.\(decimals)f", abs(value)).split(separator: ".", maxSplits: 1)
        return (value < 0 ? "-" : "") + Money.grouped(String(parts[0])) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
