import Foundation

/// When a shop's people take chats, how long a shopper waits for one, and what brings one in.
public struct HandoffSettings: Sendable, Hashable, Codable {
    /// Days the team works, 1 = Monday … 7 = Sunday.
    public var days: [Int] = [1, 2, 3, 4, 5]
    /// Working hours in the shop's local time: from `openHour` up to (not including) `closeHour`, 0–24.
    public var openHour = 9
    public var closeHour = 17
    /// The shop's local time, as minutes east of UTC.
    public var utcOffsetMinutes = 0
    /// Minutes a queued handoff waits for someone to claim it before the shopper is offered a ticket.
    public var claimMinutes = 5
    /// Complaint categories that always bring in a person (see `ComplaintHandler.categories`).
    public var personCategories: [String] = ["damaged", "wrong_item"]
    /// A message understood with less confidence than this brings in a person; 0 turns it off.
    public var confidenceFloor = 0.0

    public init() {}

    /// Whether the team is at work at `date`.
    public func isOpen(at date: Date) -> Bool {
        guard openHour < closeHour else { return false }
        let local = date.addingTimeInterval(TimeInterval(utcOffsetMinutes) * 60)
        let parts = ShopClock.calendar.dateComponents([.weekday, .hour], from: local)
        guard let weekday = parts.weekday, let hour = parts.hour else { return false }
        // Calendar weekdays run 1 = Sunday … 7 = Saturday.
        let isoDay = weekday == 1 ? 7 : weekday - 1
        return days.contains(isoDay) && hour >= openHour && hour < closeHour
    }

    /// "Mon–Fri 09:00–17:00" for the shopper.
    public var hoursText: String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let sorted = days.filter { (1...7).contains($0) }.sorted()
        let dayText: String
        if sorted == [1, 2, 3, 4, 5] {
            dayText = "Mon–Fri"
        } else if sorted.count == 7 {
            dayText = "every day"
        } else {
            dayText = sorted.map { names[$0 - 1] }.joined(separator: ", ")
        }
        return String(format: "%@ %02d:00–%02d:00", dayText, openHour, closeHour)
    }

    /// The problems with these settings, for a 400; empty when they are usable.
    public var problems: [String] {
        var found: [String] = []
        if days.contains(where: { !(1...7).contains($0) }) { found.append("days are 1 (Monday) to 7 (Sunday)") }
        if !(0...23).contains(openHour) || !(1...24).contains(closeHour) || openHour >= closeHour {
            found.append("openHour must be 0–23 and before closeHour (1–24)")
        }
        if !(-14 * 60...14 * 60).contains(utcOffsetMinutes) { found.append("utcOffsetMinutes must be within ±840") }
        if !(1...1440).contains(claimMinutes) { found.append("claimMinutes must be 1–1440") }
        if !(0...1).contains(confidenceFloor) || confidenceFloor.isNaN { found.append("confidenceFloor must be 0–1") }
        if personCategories.count > 20 { found.append("at most 20 personCategories") }
        return found
    }
}

/// A conversation handed to a person.
public struct Handoff: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Waiting for someone to claim it; the assistant is quiet.
        case queued
        /// A person is chatting with the shopper; the assistant is quiet.
        case live
        /// Nobody could take it (out of hours, or not claimed in time): a ticket was made and the
        /// assistant is waiting for the shopper's email.
        case awaitingEmail = "awaiting_email"
        /// Over: the assistant answers again.
        case closed
    }

    public var id: Int64
    public var storeID: Int64
    public var sessionID: String
    public var status: Status
    /// Why it started: asked, frustrated, misunderstood, complaint, low_confidence.
    public var reason: String
    /// The first name of the person who claimed it.
    public var agent: String?
    public var ticket: String?
    public var email: String?
    public var orderNumber: String?
    /// The shopper's words that brought it in.
    public var summary: String
    /// The entities the assistant had found, as JSON.
    public var entities: String
    public var createdAt: Date
    public var claimedAt: Date?
    public var closedAt: Date?

    public init(id: Int64, storeID: Int64, sessionID: String, status: Status, reason: String, agent: String? = nil, ticket: String? = nil,
                email: String? = nil, orderNumber: String? = nil, summary: String, entities: String = "[]", createdAt: Date,
                claimedAt: Date? = nil, closedAt: Date? = nil) {
        self.id = id
        self.storeID = storeID
        self.sessionID = sessionID
        self.status = status
        self.reason = reason
        self.agent = agent
        self.ticket = ticket
        self.email = email
        self.orderNumber = orderNumber
        self.summary = summary
        self.entities = entities
        self.createdAt = createdAt
        self.claimedAt = claimedAt
        self.closedAt = closedAt
    }

    /// Whether the assistant keeps quiet: someone is, or is about to be, chatting with the shopper.
    public var isWithPerson: Bool { status == .queued || status == .live }
}

/// What the reply frame says of a handoff, and what the server must tell the shop's people.
public struct HandoffCard: Sendable, Hashable, Codable {
    public var id: Int64
    public var status: Handoff.Status
    public var reason: String
    public var agent: String?
    public var ticket: String?
    /// What happened in this turn, for the server: "opened", "message" (relay the shopper's words),
    /// "email" (the shopper left an address) or "closed".
    public var event: String

    public init(_ handoff: Handoff, event: String) {
        id = handoff.id
        status = handoff.status
        reason = handoff.reason
        agent = handoff.agent
        ticket = handoff.ticket
        self.event = event
    }
}

/// Where handoffs are kept (SQLite or PostgreSQL). The server adds what the shop's people do (claim,
/// reply, end); the pipeline needs only this.
public protocol HandoffDesk: Sendable {
    func settings(storeID: Int64) async throws -> HandoffSettings
    /// The session's handoff that is not closed, if any.
    func active(sessionID: String, storeID: Int64) async throws -> Handoff?
    /// Opens a handoff with `status`, or returns the session's open one: a session has at most one.
    func open(_ handoff: Handoff) async throws -> Handoff
    /// Adds the shopper's words to the handoff's transcript.
    func note(handoffID: Int64, storeID: Int64, text: String, at: Date) async throws
    /// Stores the shopper's email on a handoff waiting for it, and closes it.
    func leaveEmail(handoffID: Int64, storeID: Int64, email: String, at: Date) async throws -> Handoff?
    /// Closes the handoff (the shopper changed their mind); nil when it was already closed.
    func close(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff?
}
