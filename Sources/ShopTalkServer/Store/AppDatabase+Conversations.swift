import Foundation
import GRDB

extension AppDatabase: ConversationStore {
    func apply(_ writes: [SessionWrite]) async throws {
        try await writer.write { db in
            for write in writes { try write.apply(db) }
        }
    }

    func session(id: String, storeID: Int64) async throws -> SessionRecord? {
        try await writer.read { db in
            try SessionRecord.filter(Column("id") == id && Column("storeId") == storeID).fetchOne(db)
        }
    }

    func replies(sessionID: String, after seq: Int, limit: Int) async throws -> [StoredReply] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT reply, replyId, clientMessageId, role FROM turns WHERE sessionId = ? AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [sessionID, seq, limit]
            ).map { StoredReply(frame: $0["reply"], replyID: $0["replyId"], clientMessageID: $0["clientMessageId"], role: $0["role"]) }
        }
    }
}
