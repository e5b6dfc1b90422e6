import Foundation
import ShopTalkCore

/// Reads and validates the fields of a JSON body, collecting one message per bad field so that a
/// client learns everything wrong with a request at once.
struct FieldReader {
    /// The largest price or amount a field takes, in major units.
    static let maxAmount = 100_000_000

    let object: [String: JSONValue]
    private(set) var errors: [String: String] = [:]

    init(_ object: [String: JSONValue]) {
        self.object = object
    }

    func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    mutating func string(_ key: String, required: Bool = false, maxLength: Int = 500) -> String? {
        guard let value = object[key], value != .null else {
            if required { errors[key] = "is required" }
            return nil
        }
        guard let text = value.stringValue else { errors[key] = "must be a string"; return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { errors[key] = "must not be empty"; return nil }
        if trimmed.count > maxLength { errors[key] = "must be at most \(maxLength) characters"; return nil }
        return trimmed
    }

    mutating func money(_ key: String, required: Bool = false, positive: Bool = false) -> Money? {
        guard let value = object[key], value != .null else {
            if required { errors[key] = "is required" }
            return nil
        }
        guard let number = value.numberValue, number.isFinite else { errors[key] = "must be a number"; return nil }
        if positive ? number <= 0 : number < 0 { errors[key] = positive ? "must be greater than 0" : "must not be negative"; return nil }
        guard number < Double(Self.maxAmount), let amount = Money(checkedMajor: number) else {
            errors[key] = "must be less than \(Money.grouped(String(Self.maxAmount)))"
            return nil
        }
        return amount
    }

    mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...1_000_000_000) -> Int? {
        guard let value = object[key], value != .null else {
            if required { errors[key] = "is required" }
            return nil
        }
        guard let number = value.numberValue, number.isFinite, number == number.rounded() else { errors[key] = "must be a whole number"; return nil }
        // Checked in Double before any conversion: `Int(1e300)` would trap.
        guard let whole = Int(whole: number, in: range) else { errors[key] = "must be between \(range.lowerBound) and \(range.upperBound)"; return nil }
        return whole
    }

    mutating func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard let number = value.numberValue, number.isFinite, range.contains(number) else { errors[key] = "must be a number from \(range.lowerBound) to \(range.upperBound)"; return nil }
        return number
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }), items.count <= 50 else {
            errors[key] = "must be a list of at most 50 strings"
            return nil
        }
        return items.compactMap(\.stringValue).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func day(_ key: String) -> Date? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue, let date = ShopClock.parseDay(text) else { errors[key] = "must be a date like 2026-12-31"; return nil }
        return date
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard case .bool(let flag) = value else { errors[key] = "must be true or false"; return nil }
        return flag
    }

    mutating func fail(_ key: String, _ message: String) {
        errors[key] = message
    }

    /// Throws `invalid` with every field message when any field was wrong.
    func finish() throws {
        guard errors.isEmpty else {
            throw ChatError(.invalid, "Some fields are not valid: " + errors.keys.sorted().joined(separator: ", ") + ".", fields: errors)
        }
    }
}
