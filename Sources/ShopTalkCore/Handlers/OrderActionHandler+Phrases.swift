import Foundation

/// What the order-action handler reads in messages and says back.
extension OrderActionHandler {
    static func opening(_ kind: OrderActionDraft.Kind) -> String {
        switch kind {
        case .cancel: "I can cancel an order that hasn't shipped yet."
        case .address: "I can change the delivery address within a couple of hours of ordering."
        case .return: "I can start a return for you."
        }
    }

    static func confirmChoices(_ kind: OrderActionDraft.Kind) -> [String] {
        switch kind {
        case .cancel: ["Yes, cancel it", "No, keep it"]
        case .address: ["Yes, change it", "No, keep the old one"]
        case .return: ["Yes, start the return", "No"]
        }
    }

    /// The lines of `order` that can still go back, each with its quantity left.
    static func returnable(_ order: Order, _ returned: [String: Int]) -> [ReturnLine] {
        order.items.compactMap { item in
            let left = item.quantity - returned[item.name, default: 0]
            return left > 0 ? ReturnLine(productID: item.productID, name: item.name, quantity: left) : nil
        }
    }

    /// Words of product names that name no product in particular.
    static let commonWords: Set<String> = ["the", "and", "for", "with", "men", "women", "mens", "womens", "kids", "new", "one", "pro", "max", "plus", "set", "pack"]

    /// The lines a message names: "all of them", or lines sharing a distinctive word with it.
    static func pickLines(_ text: String, from lines: [ReturnLine]) -> [ReturnLine]? {
        let lowered = text.lowercased()
        let words = Set(lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        if !words.isDisjoint(with: ["all", "everything", "both", "whole"]) { return lines }
        let picked = lines.filter { line in
            let named = line.name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 3 && !commonWords.contains($0) }
            return named.contains(where: words.contains)
        }
        return picked.isEmpty ? nil : picked
    }

    /// A delivery address typed on one line, or nil when the text can't be one.
    static func address(from text: String) -> String? {
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for lead in ["the new address is ", "new address is ", "new address: ", "it's ", "its ", "to ", "send it to ", "deliver to "]
        where address.lowercased().hasPrefix(lead) {
            address = String(address.dropFirst(lead.count))
        }
        address = address.replacingOccurrences(of: "\n", with: ", ").trimmingCharacters(in: .whitespaces)
        let words = address.split(separator: " ").count
        guard (8...300).contains(address.count), address.contains(where: \.isNumber) || words >= 4 else { return nil }
        return address
    }

    /// The amount refunded for `lines` of `order`, before any order discount.
    static func value(_ lines: [ReturnLine], of order: Order) -> Money {
        lines.reduce(Money.zero) { sum, line in
            sum + (order.items.first { $0.name == line.name }?.unitPrice ?? .zero) * line.quantity
        }
    }

    /// "Cancel order ORD-…, 2 items, $84.98?"
    static func question(_ draft: OrderActionDraft, _ order: Order, _ currency: String) -> String {
        let count = order.items.reduce(0) { $0 + $1.quantity }
        let items = count == 1 ? "1 item" : "\(count) items"
        switch draft.kind {
        case .cancel:
            return "Cancel order \(order.number), \(items), \(order.total.formatted(currency: currency))? The money goes back to your original payment method. Yes or no?"
        case .address:
            return "Change the delivery address of order \(order.number) to \"\(draft.address ?? "")\"? Yes or no?"
        case .return:
            let lines = (draft.lines ?? []).map { "\($0.quantity)× \($0.name)" }.joined(separator: ", ")
            let refund = value(draft.lines ?? [], of: order).formatted(currency: currency)
            return "Start a return of \(lines) from order \(order.number) (\(draft.reason ?? "no reason given")), for a refund of \(refund) once it's back with us? Yes or no?"
        }
    }

    static func done(_ kind: OrderActionDraft.Kind, _ result: OrderActionResult, currency: String) -> String {
        let order = result.order
        let again = result.repeated ? " (this was already done by your earlier request; nothing was done twice)" : ""
        switch kind {
        case .cancel:
            return "Done\(again): order \(order.number) is cancelled. \(order.total.formatted(currency: currency)) goes back to your original payment method, usually within 5–7 working days."
        case .address:
            return "Done\(again): order \(order.number) will be delivered to \(order.deliveryAddress ?? "the new address")."
        case .return:
            let number = result.returnNumber ?? "your return"
            return "Your return number is \(number)\(again). Pack the items with a note of \(number) inside; we'll email a prepaid label to the address on order \(order.number) within one working day. Drop the parcel with the carrier, and the refund goes to your original payment method once it arrives."
        }
    }
}

/// Why things go back, as shoppers say it.
enum ReturnReasons {
    static let choices = ["Doesn't fit", "Changed my mind", "Arrived damaged", "Not as described"]

    static let cues: [(String, [String])] = [
        ("arrived damaged or faulty", ["damaged", "broken", "cracked", "faulty", "defective", "doesn't work", "doesnt work", "stopped working", "arrived damaged"]),
        ("wrong item", ["wrong item", "wrong size sent", "not what i ordered", "wrong colour", "wrong color", "wrong one"]),
        ("doesn't fit", ["doesn't fit", "doesnt fit", "too small", "too big", "too large", "too tight", "too loose", "fit"]),
        ("changed my mind", ["changed my mind", "change of mind", "don't need", "dont need", "don't want", "dont want", "no longer need"]),
        ("not as described", ["not as described", "different from", "looks different", "poor quality", "quality"]),
        ("arrived too late", ["too late", "arrived late"]),
    ]

    static func reason(in text: String) -> String? {
        let lowered = text.lowercased()
        return cues.first { _, words in words.contains(where: lowered.contains) }?.0
    }

    /// A reason in the shopper's own words, kept short.
    static func freeText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count >= 2 ? String(trimmed.prefix(200)) : nil
    }
}
