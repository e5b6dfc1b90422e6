import Foundation
import PostgresNIO

extension PostgresConversationStore {
    /// A batch of turns written as one statement: one round trip instead of a transaction's four or more,
    /// and as atomic (a statement's changes are kept whole or not at all). A session stored with its
    /// first turn is inserted with that turn's state; the others are updated from a VALUES list. Nil when
    /// the batch holds anything but turns, or two turns of one session (which then go one by one in a
    /// transaction).
    static func turnsStatement(_ writes: [SessionWrite]) -> PostgresQuery? {
        var turns: [(turn: TurnRecord, state: String, lastSeenAt: Date, create: SessionRecord?)] = []
        var sessions = Set<String>()
        for write in writes {
            guard case .turn(let turn, let state, let lastSeenAt, let create) = write, sessions.insert(turn.sessionId).inserted else { return nil }
            turns.append((turn, state, lastSeenAt, create))
        }
        // A statement takes at most 65,535 values; a batch that large goes through the transaction.
        guard !turns.isEmpty, turns.count <= 2_000 else { return nil }
        var binds = PostgresBindings(capacity: turns.count * 16)
        /// The placeholders of one row whose `count` values were just bound.
        func row(_ count: Int) -> String {
            "(" + (binds.count - count + 1...binds.count).map { "$\($0)" }.joined(separator: ", ") + ")"
        }
        var parts: [String] = []
        let created = turns.compactMap { entry in entry.create.map { (entry, $0) } }
        if !created.isEmpty {
            let rows = created.map { entry, record in
                binds.append(record.id)
                binds.append(record.storeId)
                binds.append(record.role)
                binds.append(entry.state)
                binds.append(entry.turn.seq)
                binds.append(record.createdAt)
                binds.append(entry.lastSeenAt)
                return row(7)
            }
            parts.append("""
                created AS (INSERT INTO sessions (id, store_id, role, state, last_seq, created_at, last_seen_at) VALUES \(rows.joined(separator: ", ")))
                """)
        }
        let updated = turns.filter { $0.create == nil }
        if !updated.isEmpty {
            let rows = updated.map { entry in
                binds.append(entry.turn.sessionId)
                binds.append(entry.state)
                binds.append(entry.turn.seq)
                binds.append(entry.lastSeenAt)
                return row(4)
            }
            parts.append("""
                updated AS (UPDATE sessions SET state = v.state, last_seq = v.seq, last_seen_at = v.seen \
                FROM (VALUES \(rows.joined(separator: ", "))) AS v (id, state, seq, seen) WHERE sessions.id = v.id)
                """)
        }
        let rows = turns.map { entry in
            let turn = entry.turn
            binds.append(turn.sessionId)
            binds.append(turn.storeId)
            binds.append(turn.seq)
            binds.append(turn.clientMessageId)
            binds.append(turn.text)
            binds.append(turn.intent)
            binds.append(turn.confidence)
            binds.append(turn.entities)
            binds.append(turn.replyId)
            binds.append(turn.reply)
            binds.append(turn.role)
            binds.append(turn.createdAt)
            return row(12)
        }
        let with = parts.isEmpty ? "" : "WITH " + parts.joined(separator: ", ") + " "
        let sql = with + """
            INSERT INTO turns (session_id, store_id, seq, client_message_id, text, intent, confidence, entities, reply_id, reply, role, created_at) \
            VALUES \(rows.joined(separator: ", "))
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
