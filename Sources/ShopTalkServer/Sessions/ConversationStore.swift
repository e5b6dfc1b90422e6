import Foundation

/// Where conversations are kept: SQLite (`AppDatabase`) or PostgreSQL (`PostgresConversationStore`).
/// The `TurnWriter` hands it batches of writes, and `SessionManager` reads sessions back on resume.
protocol ConversationStore: Sendable {
    /// Applies `writes` in order, in one transaction: all of them or none.
    func apply(_ writes: [SessionWrite]) async throws
    /// The stored session `id` of store `storeID`, if there is one.
    func session(id: String, storeID: Int64) async throws -> SessionRecord?
    /// The stored replies of session `id` after sequence number `seq`, oldest first, at most `limit`.
    func replies(sessionID: String, after seq: Int, limit: Int) async throws -> [StoredReply]
}

/// A stored reply: its frame, and what a replay needs to decide who may see it again.
struct StoredReply: Sendable, Equatable {
    let frame: String
    let replyID: String
    let clientMessageID: String?
    let role: String
}

/// Several instances sharing one database: a session's turns take turns across them (`exclusive`), and
/// each turn starts from what the last one stored, wherever it ran. One process needs none of this.
struct SharedSessions: Sendable {
    let locks: any SessionCoordination
    let store: any ConversationStore
}

/// Runs one session's turns one at a time across instances (PostgreSQL's advisory locks). Taking the lock
/// also reads what the last turn stored, when it is past `seq`: the turn starts from it (`body`'s argument).
protocol SessionCoordination: Sendable {
    func exclusive<T: Sendable>(
        session key: String, storeID: Int64, after seq: Int, _ body: @Sendable (StoredProgress?) async throws -> T
    ) async throws -> T
}

/// A session's state and sequence number as its last turn stored them.
struct StoredProgress: Sendable, Equatable {
    let state: String
    let lastSeq: Int
}
