import Foundation
import GRDB

/// One change to the conversation tables, applied by the `TurnWriter` inside a batch transaction.
enum SessionWrite: Sendable {
    /// A new session row.
    case create(SessionRecord)
    /// A handled message: its turn row, and the session's new state and sequence number. The session's
    /// row comes with its first turn (`create`): a session that never says anything is never stored.
    case turn(TurnRecord, state: String, lastSeenAt: Date, create: SessionRecord?)
    /// The session's state changed without a turn (a reset).
    case state(sessionID: String, state: String, lastSeenAt: Date)
    /// The session signed in as an owner.
    case role(sessionID: String, role: String)
    /// Conversations whose last message is older than `before` are deleted, with their turns.
    case purge(before: Date)

    func apply(_ db: Database) throws {
        switch self {
        case .create(let record):
            try record.insert(db)
        case .turn(let turn, let state, let lastSeenAt, let create):
            try create?.insert(db)
            try Self.insert(turn, db)
            try db.cachedStatement(sql: "UPDATE sessions SET state = ?, lastSeq = ?, lastSeenAt = ? WHERE id = ?")
                .execute(arguments: [state, turn.seq, lastSeenAt, turn.sessionId])
        case .purge(let before):
            try db.execute(sql: "DELETE FROM sessions WHERE lastSeenAt < ?", arguments: [before])
        case .role(let sessionID, let role):
            try db.execute(sql: "UPDATE sessions SET role = ? WHERE id = ?", arguments: [role, sessionID])
        case .state(let sessionID, let state, let lastSeenAt):
            try db.execute(
                sql: "UPDATE sessions SET state = ?, lastSeenAt = ? WHERE id = ?",
                arguments: [state, lastSeenAt, sessionID]
            )
        }
    }

    /// The turn's row through one cached prepared statement, with the values bound as the record's own
    /// `insert` binds them: the record's Codable path was 4 % of the server's CPU under `bench ws`.
    static func insert(_ turn: TurnRecord, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO turns (sessionId, storeId, seq, clientMessageId, text, intent, confidence, entities, replyId, reply, createdAt, role)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                turn.sessionId, turn.storeId, turn.seq, turn.clientMessageId, turn.text, turn.intent, turn.confidence,
                turn.entities, turn.replyId, turn.reply, turn.createdAt, turn.role,
            ])
    }
}
