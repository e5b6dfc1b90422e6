import Foundation
import GRDB
import Logging
import ShopTalkCore

/// Opens, resumes and expires sessions. Live sessions are kept in memory; every change is persisted
/// through the `TurnWriter`, so a session can be resumed from the database after a restart.
actor SessionManager {
    /// The outcome of opening a connection's session.
    struct Opened: Sendable {
        let session: ChatSession
        let resumed: Bool
        /// "expired" or "unknown" when a resume token was given but not honoured.
        let resumeError: String?
    }

    private var live: [String: ChatSession] = [:]
    private let database: AppDatabase
    private let writer: TurnWriter
    private let clock: ShopClock
    private let ttl: TimeInterval
    private let rateLimit: ChatSession.RateLimit

    init(database: AppDatabase, writer: TurnWriter, clock: ShopClock, ttl: TimeInterval, rateLimit: ChatSession.RateLimit) {
        self.database = database
        self.writer = writer
        self.clock = clock
        self.ttl = ttl
        self.rateLimit = rateLimit
    }

    /// Resumes the session `token` of `store` if it exists and has not expired, or starts a new one.
    func open(token: String?, store: Store) async throws -> Opened {
        let now = clock.now()
        guard let token, !token.isEmpty else {
            return Opened(session: try await create(store: store, now: now), resumed: false, resumeError: nil)
        }
        if let session = live[token], session.store.id == store.id {
            if await session.lastActivity.addingTimeInterval(ttl) >= now {
                await session.touch(now)
                return Opened(session: session, resumed: true, resumeError: nil)
            }
            live[token] = nil
            return Opened(session: try await create(store: store, now: now), resumed: false, resumeError: "expired")
        }
        let record = try await database.writer.read { db in
            try SessionRecord.filter(Column("id") == token && Column("storeId") == store.id).fetchOne(db)
        }
        guard let record else {
            return Opened(session: try await create(store: store, now: now), resumed: false, resumeError: "unknown")
        }
        guard record.lastSeenAt.addingTimeInterval(ttl) >= now else {
            return Opened(session: try await create(store: store, now: now), resumed: false, resumeError: "expired")
        }
        if let session = live[token] {
            // Another connection loaded it while we read.
            return Opened(session: session, resumed: true, resumeError: nil)
        }
        let state = (try? JSONDecoder().decode(ConversationState.self, from: Data(record.state.utf8))) ?? ConversationState()
        let session = ChatSession(
            id: record.id, store: store, state: state, lastSeq: record.lastSeq, lastActivity: now, rateLimit: rateLimit
        )
        live[token] = session
        return Opened(session: session, resumed: true, resumeError: nil)
    }

    /// The stored reply frames of `session` after sequence number `seq`, oldest first.
    func replies(of session: ChatSession, after seq: Int, limit: Int = 200) async throws -> [String] {
        let id = session.id
        return try await database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT reply FROM turns WHERE sessionId = ? AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [id, seq, limit]
            )
        }
    }

    /// Drops sessions idle longer than the TTL from memory (they stay in the database).
    func evictIdle() async -> Int {
        let cutoff = clock.now().addingTimeInterval(-ttl)
        var evicted = 0
        for (token, session) in live where await session.lastActivity < cutoff {
            live[token] = nil
            evicted += 1
        }
        return evicted
    }

    var liveCount: Int { live.count }

    private func create(store: Store, now: Date) async throws -> ChatSession {
        let token = Self.newToken()
        let record = SessionRecord(
            id: token, storeId: store.id, role: ChatContext.Role.customer.rawValue,
            state: try FrameCoder.encode(ConversationState()), lastSeq: 0, createdAt: now, lastSeenAt: now
        )
        try await writer.commit(.create(record))
        let session = ChatSession(
            id: token, store: store, state: ConversationState(), lastSeq: 0, lastActivity: now, rateLimit: rateLimit
        )
        live[token] = session
        return session
    }

    /// 144 random bits, URL-safe.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }
}
