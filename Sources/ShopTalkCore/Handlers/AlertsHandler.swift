import Foundation

/// An owner's alerts in chat: "any alerts?", "alert history", and "mark the mug alert done", which
/// resolves the one open alert whose message has the words the owner used (and asks which when
/// several do).
public struct AlertsHandler: ChatHandler {
    let book: any AlertBook
    let clock: ShopClock

    public init(book: any AlertBook, clock: ShopClock) {
        self.book = book
        self.clock = clock
    }

    static let resolveWords: Set<String> = ["done", "resolve", "resolved", "dismiss", "dismissed", "clear", "cleared", "close", "closed", "handled", "sorted", "fixed", "acknowledge", "ack"]
    static let plainWords: Set<String> = ["mark", "the", "a", "an", "alert", "alerts", "as", "is", "it", "that", "this", "please", "pls", "my", "for", "about", "on", "of", "and", "now", "all", "you", "can", "could", "i", "have", "has", "been", "we"]

    /// Whether an owner's message is about alerts.
    public static func wants(_ turn: Turn) -> Bool {
        let words = Set(turn.tokens.map(\.text))
        return !words.isDisjoint(with: ["alert", "alerts", "notifications", "inbox"])
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let intent = Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence)
        let words = turn.tokens.filter { $0.kind != .symbol }.map(\.text)
        if !Set(words).isDisjoint(with: Self.resolveWords) {
            let open = try await book.alerts(storeID: storeID, openOnly: true, limit: 200)
            let asked = Set(words).subtracting(Self.resolveWords).subtracting(Self.plainWords)
            let number = words.compactMap { Int64($0) }.first
            let matches = number.map { id in open.filter { $0.id == id } }
                ?? open.filter { entry in
                    let text = ProductNameMatcher.words(entry.message)
                    return !asked.isEmpty && asked.allSatisfy { word in text.contains(ProductNameMatcher.normalise(word)) }
                }
            guard !open.isEmpty else { return Reply(text: "There are no open alerts.", intent: intent, suggestions: ["Alert history"]) }
            if matches.count == 1, let entry = matches.first, try await book.resolve(alertID: entry.id, storeID: storeID, at: clock.now()) {
                return Reply(text: "Done: alert \(entry.id) is resolved (\(entry.message))", intent: intent, suggestions: ["Any open alerts?", "Alert history"])
            }
            let shown = (matches.isEmpty ? open : matches).prefix(5).map { "\($0.id): \($0.message)" }.joined(separator: "; ")
            let lead = matches.isEmpty ? "No open alert matches that. Open alerts" : "Several open alerts match. Which one"
            return Reply(text: "\(lead) — \(shown). Say \"resolve alert\" and its number.", intent: intent, suggestions: ["Any open alerts?"])
        }
        let history = !Set(words).isDisjoint(with: ["history", "all", "past", "old", "resolved", "every"])
        let entries = try await book.alerts(storeID: storeID, openOnly: !history, limit: 50)
        guard !entries.isEmpty else {
            return Reply(text: history ? "No alerts yet." : "No open alerts: nothing is low on stock and no ticket waits.", intent: intent, suggestions: ["Alert history"])
        }
        let text = "\(entries.count) \(history ? "alerts, newest first" : "open alerts"): "
            + entries.prefix(5).map { "\($0.id): \($0.message)\($0.resolvedAt == nil ? "" : " (resolved)")" }.joined(separator: "; ")
            + (entries.count > 5 ? "; and \(entries.count - 5) more." : ".")
        var result = AnalyticsResult.table("alerts", columns: ["id", "kind", "message", "created", "status"], rows: entries.map { entry in
            [.number(Double(entry.id)), .string(entry.kind), .string(entry.message), .string(ShopClock.dayString(entry.createdAt)),
             .string(entry.resolvedAt == nil ? "open" : "resolved")]
        }, from: nil, to: nil)
        result.chart = nil
        return Reply(text: text, intent: intent, suggestions: history ? ["Any open alerts?"] : ["Alert history"], result: result)
    }
}
