import Foundation
import ShopTalkCore
import Synchronization

/// One line a person or the shopper said during a handoff.
struct HandoffMessage: Sendable, Codable, Equatable {
    let id: Int64
    let handoffId: Int64
    /// "shopper", "staff" or "assistant" (what the assistant told the shopper about the handoff).
    let sender: String
    /// The staff member's name.
    let name: String?
    let text: String
    let at: Date
}

/// A line of the conversation before the handoff: the shopper's words and the assistant's answer.
struct TranscriptLine: Sendable, Codable, Equatable {
    let seq: Int
    let text: String
    let reply: String
    let intent: String
    let at: Date
}

/// The handoff rows as the shop's people use them, in SQLite (`SQLiteHandoffs`) or PostgreSQL
/// (`PostgresHandoffs`). Every change is one conditional UPDATE, so two people claiming at once, or a
/// claim racing the unclaimed timeout, leave exactly one winner.
protocol HandoffRows: HandoffDesk {
    func saveSettings(_ settings: HandoffSettings, storeID: Int64) async throws
    /// The store's handoffs with one of `statuses`, oldest first.
    func list(storeID: Int64, statuses: [Handoff.Status], limit: Int) async throws -> [Handoff]
    func handoff(id: Int64, storeID: Int64) async throws -> Handoff?
    func messages(handoffID: Int64, storeID: Int64) async throws -> [HandoffMessage]
    /// The conversation before and during the handoff, newest `limit` turns, oldest first.
    func transcript(sessionID: String, storeID: Int64, limit: Int) async throws -> [TranscriptLine]
    /// Claims a queued handoff for `agent`; nil when it is not queued (someone else was first).
    func claim(handoffID: Int64, storeID: Int64, agent: String, at: Date) async throws -> Handoff?
    /// Adds a staff member's message to a live handoff; `key` makes a retried send add nothing (the
    /// stored message comes back with `repeated`). Nil when the handoff is not live.
    func say(handoffID: Int64, storeID: Int64, agent: String, text: String, key: String?, at: Date) async throws -> (HandoffMessage, repeated: Bool)?
    /// Ends a queued or live handoff: the assistant answers again. Nil when it was not open.
    func end(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff?
    /// Queued handoffs, of every store, created before their store's claim time ran out at `now`.
    func overdue(now: Date) async throws -> [Handoff]
    /// Moves an overdue handoff from the queue to waiting for the shopper's email (closed when the email
    /// is known); nil when someone claimed it, or another instance gave it up, meanwhile.
    func giveUp(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff?
    /// Records the ticket a given-up handoff became.
    func attachTicket(handoffID: Int64, storeID: Int64, ticket: String) async throws
}

/// Settings read by every shopper turn that might bring in a person are kept for a few seconds; a
/// change made on this instance is seen at once, one made on another within `ttl`.
final class HandoffSettingsCache: Sendable {
    private let entries = Mutex<[Int64: (HandoffSettings, Date)]>([:])
    let ttl: TimeInterval

    init(ttl: TimeInterval = 5) {
        self.ttl = ttl
    }

    func settings(storeID: Int64, load: () async throws -> HandoffSettings) async throws -> HandoffSettings {
        let now = Date()
        if let (settings, at) = entries.withLock({ $0[storeID] }), now.timeIntervalSince(at) < ttl { return settings }
        let settings = try await load()
        entries.withLock { $0[storeID] = (settings, now) }
        return settings
    }

    func forget(storeID: Int64) {
        _ = entries.withLock { $0.removeValue(forKey: storeID) }
    }
}

extension Handoff {
    /// The text of a stored reply frame (its "text" field).
    static func replyText(ofFrame frame: String) -> String {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(frame.utf8)), case .object(let object) = value else { return "" }
        return object["text"]?.stringValue ?? ""
    }
}
