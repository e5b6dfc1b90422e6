import Foundation
import Logging
import PostgresNIO

/// Conversations in PostgreSQL: the same rows as SQLite's `sessions` and `turns`, so a session written by
/// one instance's `TurnWriter` resumes and replays on any other. Every value is bound.
struct PostgresConversationStore: ConversationStore {
    let database: PostgresAppDatabase

    static let migration = PostgresMigration(name: "pg4-sessions", statements: [
        """
        CREATE TABLE sessions (
            id text PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            role text NOT NULL DEFAULT 'customer',
            state text NOT NULL,
            last_seq bigint NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL,
            last_seen_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)",
        """
        CREATE TABLE turns (
            id bigserial PRIMARY KEY,
            session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            seq bigint NOT NULL,
            client_message_id text,
            text text NOT NULL,
            intent text NOT NULL,
            confidence double precision NOT NULL,
            entities text NOT NULL,
            reply_id text NOT NULL,
            reply text NOT NULL,
            role text NOT NULL DEFAULT 'customer',
            created_at timestamptz NOT NULL,
            UNIQUE (session_id, seq)
        )
        """,
        "CREATE INDEX turns_store_created ON turns (store_id, created_at)",
    ])

    func apply(_ writes: [SessionWrite]) async throws {
        if let statement = Self.turnsStatement(writes) {
            try await database.rows(statement)
            return
        }
        let logger = database.logger
        try await database.transaction { connection in
            for write in writes { try await Self.apply(write, on: connection, logger: logger) }
        }
    }

    static func apply(_ write: SessionWrite, on connection: PostgresConnection, logger: Logger) async throws {
        switch write {
        case .create(let record):
            try await insert(record, on: connection, logger: logger)
        case .turn(let turn, let state, let lastSeenAt, let create):
            if let create { try await insert(create, on: connection, logger: logger) }
            try await connection.rows("""
                INSERT INTO turns (session_id, store_id, seq, client_message_id, text, intent, confidence, entities, reply_id, reply, role, created_at)
                VALUES (\(turn.sessionId), \(turn.storeId), \(turn.seq), \(turn.clientMessageId), \(turn.text), \(turn.intent),
                        \(turn.confidence), \(turn.entities), \(turn.replyId), \(turn.reply), \(turn.role), \(turn.createdAt))
                """, logger: logger)
            try await connection.rows("""
                UPDATE sessions SET state = \(state), last_seq = \(turn.seq), last_seen_at = \(lastSeenAt) WHERE id = \(turn.sessionId)
                """, logger: logger)
        case .state(let sessionID, let state, let lastSeenAt):
            try await connection.rows("UPDATE sessions SET state = \(state), last_seen_at = \(lastSeenAt) WHERE id = \(sessionID)", logger: logger)
        case .role(let sessionID, let role):
            try await connection.rows("UPDATE sessions SET role = \(role) WHERE id = \(sessionID)", logger: logger)
        case .purge(let before):
            try await connection.rows("DELETE FROM sessions WHERE last_seen_at < \(before)", logger: logger)
        }
    }

    static func insert(_ record: SessionRecord, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.rows("""
            INSERT INTO sessions (id, store_id, role, state, last_seq, created_at, last_seen_at)
            VALUES (\(record.id), \(record.storeId), \(record.role), \(record.state), \(record.lastSeq), \(record.createdAt), \(record.lastSeenAt))
            """, logger: logger)
    }

    func session(id: String, storeID: Int64) async throws -> SessionRecord? {
        let rows = try await database.rows("""
            SELECT id, store_id, role, state, last_seq, created_at, last_seen_at FROM sessions WHERE id = \(id) AND store_id = \(storeID)
            """)
        return try rows.first.map { row in
            let (id, store, role, state, lastSeq, createdAt, lastSeenAt) = try row.decode((String, Int64, String, String, Int, Date, Date).self)
            return SessionRecord(id: id, storeId: store, role: role, state: state, lastSeq: lastSeq, createdAt: createdAt, lastSeenAt: lastSeenAt)
        }
    }

    func replies(sessionID: String, after seq: Int, limit: Int) async throws -> [StoredReply] {
        let rows = try await database.rows("""
            SELECT reply, reply_id, client_message_id, role FROM turns WHERE session_id = \(sessionID) AND seq > \(seq) ORDER BY seq LIMIT \(max(0, limit))
            """)
        return try rows.map { row in
            let (frame, replyID, clientMessageID, role) = try row.decode((String, String, String?, String).self)
            return StoredReply(frame: frame, replyID: replyID, clientMessageID: clientMessageID, role: role)
        }
    }
}
