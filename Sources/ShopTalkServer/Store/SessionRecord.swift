import Foundation
import GRDB

/// A row of `sessions`: a conversation's resume token, role and persisted `ConversationState` (JSON).
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sessions"

    var id: String
    var storeId: Int64
    var role: String
    var state: String
    var lastSeq: Int
    var createdAt: Date
    var lastSeenAt: Date
}

/// A row of `turns`: one message and the exact reply frame sent for it, kept for replay and review.
struct TurnRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "turns"

    var sessionId: String
    var storeId: Int64
    var seq: Int
    var clientMessageId: String?
    var text: String
    var intent: String
    var confidence: Double
    var entities: String
    var replyId: String
    var reply: String
    var createdAt: Date
    /// The role of the connection that asked: an owner's answers are replayed only to a signed-in owner.
    var role: String
}
