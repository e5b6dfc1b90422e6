import Foundation
import GRDB
import ShopTalkCore

/// Handoffs in SQLite. A session has at most one open handoff (a partial unique index); every change of
/// status is an UPDATE conditional on the status it leaves, so racing claims have one winner.
struct SQLiteHandoffs: HandoffRows {
    let database: AppDatabase
    let cache = HandoffSettingsCache()

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-handoffs") { db in
            try db.execute(sql: """
                CREATE TABLE handoffs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    storeId INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                    sessionId TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    agent TEXT,
                    ticket TEXT,
                    email TEXT,
                    orderNumber TEXT,
                    summary TEXT NOT NULL,
                    entities TEXT NOT NULL DEFAULT '[]',
                    createdAt DATETIME NOT NULL,
                    claimedAt DATETIME,
                    closedAt DATETIME
                )
                """)
            try db.execute(sql: "CREATE UNIQUE INDEX handoffs_one_open ON handoffs (sessionId) WHERE status IN ('queued', 'live', 'awaiting_email')")
            try db.execute(sql: "CREATE INDEX handoffs_store_status ON handoffs (storeId, status, createdAt)")
            try db.execute(sql: """
                CREATE TABLE handoff_messages (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    handoffId INTEGER NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
                    sender TEXT NOT NULL,
                    name TEXT,
                    text TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    key TEXT,
                    UNIQUE (handoffId, key)
                )
                """)
            try db.execute(sql: "CREATE TABLE handoff_settings (storeId INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE, settings TEXT NOT NULL)")
            // Staff tokens: a role beside the owner's, for the handoff queue only.
            try db.execute(sql: "ALTER TABLE owner_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'owner'")
        }
    }

    static let columns = "id, storeId, sessionId, status, reason, agent, ticket, email, orderNumber, summary, entities, createdAt, claimedAt, closedAt"

    static func handoff(_ row: Row) -> Handoff {
        Handoff(
            id: row["id"], storeID: row["storeId"], sessionID: row["sessionId"], status: Handoff.Status(rawValue: row["status"]) ?? .closed,
            reason: row["reason"], agent: row["agent"], ticket: row["ticket"], email: row["email"], orderNumber: row["orderNumber"],
            summary: row["summary"], entities: row["entities"], createdAt: row["createdAt"], claimedAt: row["claimedAt"], closedAt: row["closedAt"]
        )
    }

    private static func fetch(_ db: Database, id: Int64, storeID: Int64) throws -> Handoff? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM handoffs WHERE id = ? AND storeId = ?", arguments: [id, storeID]).map(handoff)
    }

    /// Sets the status of `id` from one of `from`, with the given extra assignments; the handoff after, or nil.
    private func move(_ id: Int64, storeID: Int64, from: [Handoff.Status], set: String, arguments: StatementArguments) async throws -> Handoff? {
        try await database.writer.write { db in
            let allowed = from.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(sql: "UPDATE handoffs SET \(set) WHERE id = ? AND storeId = ? AND status IN (\(allowed))", arguments: arguments + [id, storeID])
            guard db.changesCount > 0 else { return nil }
            return try Self.fetch(db, id: id, storeID: storeID)
        }
    }

    func settings(storeID: Int64) async throws -> HandoffSettings {
        try await cache.settings(storeID: storeID) {
            try await database.writer.read { db in
                guard let text = try String.fetchOne(db, sql: "SELECT settings FROM handoff_settings WHERE storeId = ?", arguments: [storeID]) else { return HandoffSettings() }
                return (try? JSONDecoder().decode(HandoffSettings.self, from: Data(text.utf8))) ?? HandoffSettings()
            }
        }
    }

    func saveSettings(_ settings: HandoffSettings, storeID: Int64) async throws {
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO handoff_settings (storeId, settings) VALUES (?, ?) ON CONFLICT (storeId) DO UPDATE SET settings = excluded.settings",
                           arguments: [storeID, text])
        }
        cache.forget(storeID: storeID)
    }

    func active(sessionID: String, storeID: Int64) async throws -> Handoff? {
        try await database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM handoffs WHERE sessionId = ? AND storeId = ? AND status <> 'closed'",
                             arguments: [sessionID, storeID]).map(Self.handoff)
        }
    }

    func open(_ handoff: Handoff) async throws -> Handoff {
        try await database.writer.write { db in
            if let open = try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM handoffs WHERE sessionId = ? AND storeId = ? AND status <> 'closed'",
                                           arguments: [handoff.sessionID, handoff.storeID]) {
                return Self.handoff(open)
            }
            try db.execute(sql: """
                INSERT INTO handoffs (storeId, sessionId, status, reason, ticket, email, orderNumber, summary, entities, createdAt, closedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [handoff.storeID, handoff.sessionID, handoff.status.rawValue, handoff.reason, handoff.ticket, handoff.email,
                                 handoff.orderNumber, handoff.summary, handoff.entities, handoff.createdAt, handoff.closedAt])
            var stored = handoff
            stored.id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO handoff_messages (handoffId, sender, text, at) VALUES (?, 'shopper', ?, ?)",
                           arguments: [stored.id, handoff.summary, handoff.createdAt])
            return stored
        }
    }

    func note(handoffID: Int64, storeID: Int64, text: String, at: Date) async throws {
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO handoff_messages (handoffId, sender, text, at)
                SELECT id, 'shopper', ?, ? FROM handoffs WHERE id = ? AND storeId = ?
                """, arguments: [text, at, handoffID, storeID])
        }
    }

    func leaveEmail(handoffID: Int64, storeID: Int64, email: String, at: Date) async throws -> Handoff? {
        try await move(handoffID, storeID: storeID, from: [.awaitingEmail], set: "status = 'closed', email = ?, closedAt = ?", arguments: [email, at])
    }

    func close(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move(handoffID, storeID: storeID, from: [.queued, .awaitingEmail], set: "status = 'closed', closedAt = ?", arguments: [at])
    }

    func list(storeID: Int64, statuses: [Handoff.Status], limit: Int) async throws -> [Handoff] {
        try await database.writer.read { db in
            let wanted = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM handoffs WHERE storeId = ? AND status IN (\(wanted)) ORDER BY createdAt, id LIMIT ?",
                                    arguments: [storeID, limit]).map(Self.handoff)
        }
    }

    func handoff(id: Int64, storeID: Int64) async throws -> Handoff? {
        try await database.writer.read { db in try Self.fetch(db, id: id, storeID: storeID) }
    }

    func messages(handoffID: Int64, storeID: Int64) async throws -> [HandoffMessage] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.handoffId, m.sender, m.name, m.text, m.at FROM handoff_messages m JOIN handoffs h ON h.id = m.handoffId
                WHERE m.handoffId = ? AND h.storeId = ? ORDER BY m.id
                """, arguments: [handoffID, storeID]).map {
                HandoffMessage(id: $0["id"], handoffId: $0["handoffId"], sender: $0["sender"], name: $0["name"], text: $0["text"], at: $0["at"])
            }
        }
    }

    func transcript(sessionID: String, storeID: Int64, limit: Int) async throws -> [TranscriptLine] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, text, reply, intent, createdAt FROM turns WHERE sessionId = ? AND storeId = ? ORDER BY seq DESC LIMIT ?
                """, arguments: [sessionID, storeID, limit]).reversed().map {
                TranscriptLine(seq: $0["seq"], text: $0["text"], reply: Handoff.replyText(ofFrame: $0["reply"]), intent: $0["intent"], at: $0["createdAt"])
            }
        }
    }

    func claim(handoffID: Int64, storeID: Int64, agent: String, at: Date) async throws -> Handoff? {
        try await move(handoffID, storeID: storeID, from: [.queued], set: "status = 'live', agent = ?, claimedAt = ?", arguments: [agent, at])
    }

    func say(handoffID: Int64, storeID: Int64, agent: String, text: String, key: String?, at: Date) async throws -> (HandoffMessage, repeated: Bool)? {
        try await database.writer.write { db -> (HandoffMessage, repeated: Bool)? in
            let read: (Int64) throws -> HandoffMessage? = { id in
                try Row.fetchOne(db, sql: "SELECT id, handoffId, sender, name, text, at FROM handoff_messages WHERE id = ?", arguments: [id]).map {
                    HandoffMessage(id: $0["id"], handoffId: $0["handoffId"], sender: $0["sender"], name: $0["name"], text: $0["text"], at: $0["at"])
                }
            }
            if let key, let earlier = try Int64.fetchOne(db, sql: "SELECT id FROM handoff_messages WHERE handoffId = ? AND key = ?", arguments: [handoffID, key]),
               let message = try read(earlier) {
                return (message, true)
            }
            guard try Self.fetch(db, id: handoffID, storeID: storeID)?.status == .live else { return nil }
            try db.execute(sql: "INSERT INTO handoff_messages (handoffId, sender, name, text, at, key) VALUES (?, 'staff', ?, ?, ?, ?)",
                           arguments: [handoffID, agent, text, at, key])
            return try read(db.lastInsertedRowID).map { ($0, false) }
        }
    }

    func end(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move(handoffID, storeID: storeID, from: [.queued, .live], set: "status = 'closed', closedAt = ?", arguments: [at])
    }

    func overdue(now: Date) async throws -> [Handoff] {
        let queued = try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM handoffs WHERE status = 'queued' ORDER BY createdAt LIMIT 500").map(Self.handoff)
        }
        var late: [Handoff] = []
        for handoff in queued {
            let minutes = try await settings(storeID: handoff.storeID).claimMinutes
            if now.timeIntervalSince(handoff.createdAt) >= TimeInterval(minutes) * 60 { late.append(handoff) }
        }
        return late
    }

    func giveUp(handoffID: Int64, storeID: Int64, at: Date) async throws -> Handoff? {
        try await move(handoffID, storeID: storeID, from: [.queued],
                       set: "status = CASE WHEN email IS NULL THEN 'awaiting_email' ELSE 'closed' END, closedAt = CASE WHEN email IS NULL THEN NULL ELSE ? END",
                       arguments: [at])
    }

    func attachTicket(handoffID: Int64, storeID: Int64, ticket: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE handoffs SET ticket = ? WHERE id = ? AND storeId = ?", arguments: [ticket, handoffID, storeID])
        }
    }
}
