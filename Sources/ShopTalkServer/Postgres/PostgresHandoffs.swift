import Foundation
import PostgresNIO
import ShopTalkCore

/// Handoffs in PostgreSQL, as on SQLite. A session has at most one open handoff (a partial unique index
/// that two instances opening at once both insert against, so one row wins); every change of status is
/// one UPDATE conditional on the status it leaves, so racing claims (or a claim racing the unclaimed
/// timeout on another instance) have one winner. Every value is bound.
struct PostgresHandoffs: HandoffRows {
    let database: PostgresAppDatabase
    let cache = HandoffSettingsCache()

    static let migration = PostgresMigration(name: "pg13-handoffs", statements: [
        """
        CREATE TABLE handoffs (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            session_id text NOT NULL,
            status text NOT NULL,
            reason text NOT NULL,
            agent text,
            ticket text,
            email text,
            order_number text,
            summary text NOT NULL,
            entities text NOT NULL DEFAULT '[]',
            created_at timestamptz NOT NULL,
            claimed_at timestamptz,
            closed_at timestamptz
        )
        """,
        "CREATE UNIQUE INDEX handoffs_one_open ON handoffs (session_id) WHERE status IN ('queued', 'live', 'awaiting_email')",
        "CREATE INDEX handoffs_store_status ON handoffs (store_id, status, created_at)",
        """
        CREATE TABLE handoff_messages (
            id bigserial PRIMARY KEY,
            handoff_id bigint NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
            sender text NOT NULL,
            name text,
            text text NOT NULL,
            at timestamptz NOT NULL,
            key text,
            UNIQUE (handoff_id, key)
        )
        """,
        "CREATE TABLE handoff_settings (store_id bigint PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE, settings text NOT NULL)",
        // Staff tokens: a role beside the owner's, for the handoff queue only.
        "ALTER TABLE owner_tokens ADD COLUMN role text NOT NULL DEFAULT 'owner'",
    ])

    static let columns = "id, store_id, session_id, status, reason, agent, ticket, email, order_number, summary, entities, created_at, claimed_at, closed_at"
    static let messageColumns = "id, handoff_id, sender, name, text, at"
    /// The statuses of an open handoff, as the partial unique index names them: an INSERT's ON CONFLICT
    /// must repeat the index's predicate for PostgreSQL to infer the index.
    static let openStatuses = [Handoff.Status.queued, .live, .awaitingEmail].map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// Statuses as bound for `status = ANY(…)`.
    static func raw(_ statuses: Handoff.Status...) -> [String] {
        statuses.map(\.rawValue)
    }

    static func handoff(from row: PostgresRow) throws -> Handoff {
        let (id, storeID, sessionID, status, reason, agent, ticket, email, orderNumber, summary, entities, createdAt, claimedAt, closedAt) = try row.decode(
            (Int64, Int64, String, String, String, String?, String?, String?, String?, String, String, Date, Date?, Date?).self
        )
        return Handoff(
            id: id, storeID: storeID, sessionID: sessionID, status: Handoff.Status(rawValue: status) ?? .closed, reason: reason, agent: agent,
            ticket: ticket, email: email, orderNumber: orderNumber, summary: summary, entities: entities, createdAt: createdAt,
            claimedAt: claimedAt, closedAt: closedAt
        )
    }

    static func message(from row: PostgresRow) throws -> HandoffMessage {
        let (id, handoffID, sender, name, text, at) = try row.decode((Int64, Int64, String, String?, String, Date).self)
        return HandoffMessage(id: id, handoffId: handoffID, sender: sender, name: name, text: text, at: at)
    }

    /// The session's handoff that is not closed.
    static func activeQuery(sessionID: String, storeID: Int64) -> PostgresQuery {
        "SELECT \(unescaped: columns) FROM handoffs WHERE session_id = \(sessionID) AND store_id = \(storeID) AND status <> 'closed'"
    }

    /// Runs one conditional status change (an UPDATE … RETURNING the columns); the handoff after, or nil
    /// when it was not in a status the change leaves from (someone else was first).
    private func move(_ update: PostgresQuery) async throws -> Handoff? {
        try await database.rows(update).first.map(Self.handoff(from:))
    }

    func settings(storeID: Int64) async throws -> HandoffSettings {
        try await cache.settings(storeID: storeID) {
            guard let text = try await database.rows("SELECT settings FROM handoff_settings WHERE store_id = \(storeID)").first?.decode(String.self)
            else { return HandoffSettings() }
            return (try? JSONDecoder().decode(HandoffSettings.self, from: Data(text.utf8))) ?? HandoffSettings()
        }
    }

    func saveSettings(_ settings: HandoffSettings, storeID: Int64) async throws {
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.rows("""
            INSERT INTO handoff_settings (store_id, settings) VALUES (\(storeID), \(text))
            ON CONFLICT (store_id) DO UPDATE SET settings = EXCLUDED.settings
            """)
        cache.forget(storeID: storeID)
    }

    func active(sessionID: String, storeID: Int64) async throws -> Handoff? {
        try await database.rows(Self.activeQuery(sessionID: sessionID, storeID: storeID)).first.map(Self.handoff(from:))
    }

    /// Returns the session's open handoff, or inserts `handoff` with the shopper's first message. Two
    /// instances opening for one session at once both insert against the partial unique index: the second
    /// waits for the first to commit, inserts nothing and reads the first's row back.
    func open(_ handoff: Handoff) async throws -> Handoff {
        let logger = database.logger
        return try await database.transaction { connection -> Handoff in
            // Twice: the open handoff an insert ran into may have been closed before it could be read back.
            for _ in 0..<2 {
                if let open = try await connection.rows(Self.activeQuery(sessionID: handoff.sessionID, storeID: handoff.storeID), logger: logger).first {
                    return try Self.handoff(from: open)
                }
                guard let row = try await connection.rows("""
                    INSERT INTO handoffs (store_id, session_id, status, reason, ticket, email, order_number, summary, entities, created_at, closed_at)
                    VALUES (\(handoff.storeID), \(handoff.sessionID), \(handoff.status.rawValue), \(handoff.reason), \(handoff.ticket), \(handoff.email),
                            \(handoff.orderNumber), \(handoff.summary), \(handoff.entities), \(handoff.createdAt), \(handoff.closedAt))
                    ON CONFLICT (session_id) WHERE status IN (\(unescaped: Self.openStatuses)) DO NOTHING
                    RETURNING \(unescaped: Self.columns)
                    """, logger: logger).first
                else { continue }
                let stored = try Self.handoff(from: row)
                try await connection.rows("""
                    INSERT INTO handoff_messages (handoff_id, sender, text, at) VALUES (\(stored.id), 'shopper', \(handoff.summary), \(handoff.createdAt))
                    """, logger: logger)
                return stored
            }
            throw ChatError(.conflict, "This conversation already has a person brought in.")
        }
    }

    func note(handoffID: Int64, storeID: Int64, text: String, at: Date) async throws {
        try await database.rows("""
            INSERT INTO handoff_messages (handoff_id, sender, text, at)
            SELECT id, 'shopper', \(text), \(at) FROM handoffs WHERE id = \(handoffID) AND store_id = \(storeID)
            """)
    }

    func leaveEmail(handoffID: Int64, storeID: Int64, email: String, at: Date) async throws -> Handoff? {
        try await move("""
            UPDATE handoffs SET status = 'closed', email = \(email), closed_at = \(at)
            WHERE id = \(handoffID) AND store_id = \(storeID) AND status = 'awaiting_email'
            RETURNING \(unescaped: Self.columns)
            """)
    }

    func close(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move("""
            UPDATE handoffs SET status = 'closed', closed_at = \(at)
            WHERE id = \(handoffID) AND store_id = \(storeID) AND status = ANY(\(Self.raw(.queued, .awaitingEmail)))
            RETURNING \(unescaped: Self.columns)
            """)
    }

    func list(storeID: Int64, statuses: [Handoff.Status], limit: Int) async throws -> [Handoff] {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM handoffs WHERE store_id = \(storeID) AND status = ANY(\(statuses.map(\.rawValue)))
            ORDER BY created_at, id LIMIT \(max(0, limit))
            """).map(Self.handoff(from:))
    }

    func handoff(id: Int64, storeID: Int64) async throws -> Handoff? {
        try await database.rows("SELECT \(unescaped: Self.columns) FROM handoffs WHERE id = \(id) AND store_id = \(storeID)").first.map(Self.handoff(from:))
    }

    func messages(handoffID: Int64, storeID: Int64) async throws -> [HandoffMessage] {
        try await database.rows("""
            SELECT m.id, m.handoff_id, m.sender, m.name, m.text, m.at FROM handoff_messages m JOIN handoffs h ON h.id = m.handoff_id
            WHERE m.handoff_id = \(handoffID) AND h.store_id = \(storeID) ORDER BY m.id
            """).map(Self.message(from:))
    }

    func transcript(sessionID: String, storeID: Int64, limit: Int) async throws -> [TranscriptLine] {
        try await database.rows("""
            SELECT seq, text, reply, intent, created_at FROM turns WHERE session_id = \(sessionID) AND store_id = \(storeID)
            ORDER BY seq DESC LIMIT \(max(0, limit))
            """).reversed().map { row in
            let (seq, text, reply, intent, at) = try row.decode((Int64, String, String, String, Date).self)
            return TranscriptLine(seq: Int(clamping: seq), text: text, reply: Handoff.replyText(ofFrame: reply), intent: intent, at: at)
        }
    }

    func claim(handoffID: Int64, storeID: Int64, agent: String, at: Date) async throws -> Handoff? {
        try await move("""
            UPDATE handoffs SET status = 'live', agent = \(agent), claimed_at = \(at)
            WHERE id = \(handoffID) AND store_id = \(storeID) AND status = 'queued'
            RETURNING \(unescaped: Self.columns)
            """)
    }

    /// Adds a staff message to a live handoff. The handoff's row lock comes first, so a retried send (same
    /// key) waits for the first and finds its message, and a send racing an end sees the handoff as the
    /// end left it.
    func say(handoffID: Int64, storeID: Int64, agent: String, text: String, key: String?, at: Date) async throws -> (HandoffMessage, repeated: Bool)? {
        let logger = database.logger
        return try await database.transaction { connection -> (HandoffMessage, repeated: Bool)? in
            guard let status = try await connection.rows(
                "SELECT status FROM handoffs WHERE id = \(handoffID) AND store_id = \(storeID) FOR UPDATE", logger: logger
            ).first?.decode(String.self) else { return nil }
            func earlier() async throws -> HandoffMessage? {
                guard let key else { return nil }
                return try await connection.rows("""
                    SELECT \(unescaped: Self.messageColumns) FROM handoff_messages WHERE handoff_id = \(handoffID) AND key = \(key)
                    """, logger: logger).first.map(Self.message(from:))
            }
            if let message = try await earlier() { return (message, true) }
            guard status == Handoff.Status.live.rawValue else { return nil }
            if let added = try await connection.rows("""
                INSERT INTO handoff_messages (handoff_id, sender, name, text, at, key) VALUES (\(handoffID), 'staff', \(agent), \(text), \(at), \(key))
                ON CONFLICT (handoff_id, key) DO NOTHING RETURNING \(unescaped: Self.messageColumns)
                """, logger: logger).first {
                return (try Self.message(from: added), false)
            }
            // Not reached under the row lock; kept so a conflict can never read as "not live".
            return try await earlier().map { ($0, true) }
        }
    }

    func end(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move("""
            UPDATE handoffs SET status = 'closed', closed_at = \(at)
            WHERE id = \(handoffID) AND store_id = \(storeID) AND status = ANY(\(Self.raw(.queued, .live)))
            RETURNING \(unescaped: Self.columns)
            """)
    }

    func overdue(now: Date) async throws -> [Handoff] {
        let queued = try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM handoffs WHERE status = 'queued' ORDER BY created_at LIMIT 500
            """).map(Self.handoff(from:))
        var late: [Handoff] = []
        for handoff in queued {
            let minutes = try await settings(storeID: handoff.storeID).claimMinutes
            if now.timeIntervalSince(handoff.createdAt) >= TimeInterval(minutes) * 60 { late.append(handoff) }
        }
        return late
    }

    func giveUp(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move("""
            UPDATE handoffs SET status = CASE WHEN email IS NULL THEN 'awaiting_email' ELSE 'closed' END,
                                closed_at = CASE WHEN email IS NULL THEN NULL ELSE \(at) END
            WHERE id = \(handoffID) AND store_id = \(storeID) AND status = 'queued'
            RETURNING \(unescaped: Self.columns)
            """)
    }

    func attachTicket(handoffID: Int64, storeID: Int64, ticket: String) async throws {
        try await database.rows("UPDATE handoffs SET ticket = \(ticket) WHERE id = \(handoffID) AND store_id = \(storeID)")
    }
}
