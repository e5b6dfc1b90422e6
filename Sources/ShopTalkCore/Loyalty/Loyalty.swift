import Foundation

/// How a shop's loyalty points work, as its owner sets them.
public struct LoyaltySettings: Sendable, Equatable, Codable {
    /// Points earned per unit of currency spent on a completed (delivered) order; default 1 per 1.
    public var pointsPerUnit: Double = 1
    /// How many of the week's top shoppers get the weekly bonus (0 turns it off).
    public var bonusTopN = 10
    public var bonusPoints = 100
    /// When the bonus for the week just ended is paid: ISO weekday (1 Monday … 7 Sunday) and hour (UTC).
    public var bonusWeekday = 1
    public var bonusHour = 9
    /// Points that make one unit of currency off when redeemed; default 100 (100 points = $1).
    public var pointsPerUnitOff = 100
    /// The fewest points one redemption takes.
    public var minimumRedemption = 500

    public init() {}

    /// What is wrong with these settings, by field, or nil.
    public func problems() -> [String: String]? {
        var problems: [String: String] = [:]
        if !(pointsPerUnit.isFinite && pointsPerUnit >= 0 && pointsPerUnit <= 1_000) { problems["pointsPerUnit"] = "must be between 0 and 1000" }
        if !(0...1_000).contains(bonusTopN) { problems["bonusTopN"] = "must be between 0 and 1000" }
        if !(0...1_000_000).contains(bonusPoints) { problems["bonusPoints"] = "must be between 0 and 1000000" }
        if !(1...7).contains(bonusWeekday) { problems["bonusWeekday"] = "must be 1 (Monday) to 7 (Sunday)" }
        if !(0...23).contains(bonusHour) { problems["bonusHour"] = "must be 0 to 23" }
        if !(1...1_000_000).contains(pointsPerUnitOff) { problems["pointsPerUnitOff"] = "must be between 1 and 1000000" }
        if !(1...10_000_000).contains(minimumRedemption) { problems["minimumRedemption"] = "must be between 1 and 10000000" }
        return problems.isEmpty ? nil : problems
    }

    /// The points an order of `total` earns: whole points, rounded down.
    public func points(for total: Money) -> Int {
        // The same arithmetic, in the same order, as PostgreSQL's bulk earning.
        let points = (Double(max(0, total.cents)) * pointsPerUnit / 100).rounded(.down)
        return Int(exactly: points) ?? (points > 0 ? Int(Int32.max) : 0)
    }

    /// The latest bonus time at or before `now`, and the week it pays for (the seven days before it).
    public func lastBonus(before now: Date) -> (due: Date, weekStart: Date) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var due = calendar.startOfDay(for: now).addingTimeInterval(Double(bonusHour) * 3_600)
        // ISO weekday of `due`: Calendar's 1 is Sunday.
        let weekday = (calendar.component(.weekday, from: due) + 5) % 7 + 1
        due = due.addingTimeInterval(-Double((weekday - bonusWeekday + 7) % 7) * 86_400)
        if due > now { due = due.addingTimeInterval(-7 * 86_400) }
        return (due, due.addingTimeInterval(-7 * 86_400))
    }
}

/// One line of a customer's points history. Lines are never changed or deleted.
public struct PointsEntry: Sendable, Equatable, Codable {
    /// `earn`, `reverse`, `bonus` or `redeem`.
    public let kind: String
    /// Signed: positive for points in, negative for points out.
    public let points: Int
    /// Unique in the store: what the entry is for (`earn:ORD-…`, `bonus:2026-03-09:ann@example.com`, …).
    public let reference: String
    public let note: String
    public let at: Date

    public init(kind: String, points: Int, reference: String, note: String, at: Date) {
        self.kind = kind
        self.points = points
        self.reference = reference
        self.note = note
        self.at = at
    }
}

/// A customer's points: the balance and the latest entries, newest first.
public struct PointsAccount: Sendable, Equatable, Codable {
    public let email: String
    public let balance: Int
    public let history: [PointsEntry]

    public init(email: String, balance: Int, history: [PointsEntry]) {
        self.email = email
        self.balance = balance
        self.history = history
    }
}

/// A shopper's points total, for the owner's "top earners".
public struct PointsHolder: Sendable, Equatable, Codable {
    public let email: String
    public let name: String?
    public let points: Int

    public init(email: String, name: String?, points: Int) {
        self.email = email
        self.name = name
        self.points = points
    }
}

/// A redemption: the one-time code made and what it is worth.
public struct PointsRedemption: Sendable, Equatable {
    public let code: String
    public let points: Int
    public let value: Money
    public let balance: Int
    /// True when the request key was seen before: nothing was done again.
    public let repeated: Bool

    public init(code: String, points: Int, value: Money, balance: Int, repeated: Bool) {
        self.code = code
        self.points = points
        self.value = value
        self.balance = balance
        self.repeated = repeated
    }
}

/// Why points can't be redeemed now.
public struct PointsRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// The append-only points ledger of each store. Earning and reversing follow the orders: `sync` adds an
/// `earn` line for each delivered order and a `reverse` line for each cancelled or returned one that had
/// earned, each once (its reference is unique). A balance never goes below zero: a reversal takes back
/// at most what is left, and a redemption needs the points it spends, checked in its own transaction.
public protocol LoyaltyStore: Sendable {
    func settings(storeID: Int64) async throws -> LoyaltySettings
    func saveSettings(_ settings: LoyaltySettings, storeID: Int64) async throws
    /// Brings the ledger up to date with the orders; returns the lines added.
    @discardableResult
    func sync(storeID: Int64, now: Date) async throws -> Int
    func account(email: String, storeID: Int64, limit: Int) async throws -> PointsAccount
    /// The shoppers with the most points now.
    func top(storeID: Int64, limit: Int) async throws -> [PointsHolder]
    /// Points held by all customers, and how many customers hold some.
    func outstanding(storeID: Int64) async throws -> (points: Int, customers: Int)
    /// Pays the bonus for the week before the latest bonus time at or before `now` to that week's top
    /// earners, once per week whatever the number of runs or instances; returns how many were paid now.
    func payWeeklyBonus(storeID: Int64, now: Date) async throws -> Int
    /// Turns `points` into a one-time fixed-amount code, once per `requestKey`.
    func redeem(points: Int, email: String, storeID: Int64, requestKey: String, now: Date) async throws -> PointsRedemption
}

extension Discount {
    /// One-time codes made from points start with this; they belong to one shopper and are never listed.
    public static let personalPrefix = "PTS-"

    public var isPersonal: Bool { code.uppercased().hasPrefix(Self.personalPrefix) }
}

/// The arithmetic both backends share.
public enum LoyaltyRules {
    /// What `points` are worth off an order, rounded down to the cent.
    public static func value(of points: Int, _ settings: LoyaltySettings) -> Money {
        let (product, overflow) = max(0, points).multipliedReportingOverflow(by: 100)
        return Money(cents: overflow ? 0 : product / max(1, settings.pointsPerUnitOff))
    }

    /// The value of redeeming `points` from `balance`, or why not.
    public static func check(points: Int, balance: Int, _ settings: LoyaltySettings) throws -> Money {
        guard points >= settings.minimumRedemption else {
            throw PointsRefusal("Points are redeemed \(settings.minimumRedemption) or more at a time.")
        }
        guard points <= balance else {
            throw PointsRefusal("You have \(max(0, balance)) points, fewer than the \(points) asked for.")
        }
        let value = value(of: points, settings)
        guard value.cents > 0 else { throw PointsRefusal("\(points) points are worth less than a cent.") }
        return value
    }

    /// A new one-time code: `PTS-` and eight letters and digits that can't be confused (no 0/O, 1/I).
    public static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return Discount.personalPrefix + String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
