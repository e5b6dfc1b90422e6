import Foundation
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
    /// Open connections per live session; a session with none may leave memory early.
    private var attached: [String: Int] = [:]
    private let store: any ConversationStore
    private let writer: TurnWriter
    private let clock: ShopClock
    private let ttl: TimeInterval
    private let rateLimit: ChatSession.RateLimit
    private let newSessions: AddressRateLimiter
    private let retention: TimeInterval
    private let logger: Logger
    /// Set when other instances serve the same sessions (PostgreSQL).
    private let shared: SharedSessions?

    /// The most replies one resume sends.
    static let replayLimit = 200

    /// A session no connection holds leaves memory after this long idle (it is read back on resume).
    static let detachedIdle: TimeInterval = 120

    init(
        store: any ConversationStore, writer: TurnWriter, clock: ShopClock, ttl: TimeInterval, rateLimit: ChatSession.RateLimit,
        newSessionsPerMinute: Double = 0, retention: TimeInterval = 30 * 86_400, logger: Logger = Logger(label: "shoptalk.sessions"),
        locks: (any SessionCoordination)? = nil
    ) {
        self.shared = locks.map { SharedSessions(locks: $0, store: store) }
        self.logger = logger
        self.store = store
        self.writer = writer
        self.clock = clock
        self.ttl = ttl
        self.rateLimit = rateLimit
        self.newSessions = AddressRateLimiter(rate: newSessionsPerMinute / 60, burst: newSessionsPerMinute)
        self.retention = retention
    }

    /// Resumes the session `token` of `store` if it exists and has not expired, or starts a new one, as
    /// far as `address` may start new ones. The connection holds the session until `close(_:)`.
    func open(token: String?, store: Store, address: String? = nil) async throws -> Opened {
        let opened = try await resolve(token: token, store: store, address: address)
        attached[opened.session.id, default: 0] += 1
        return opened
    }

    /// A connection let go of `session`. A session that never said anything then leaves memory at once:
    /// nothing of it was stored, so a churn of empty connections costs nothing once they close.
    func close(_ session: ChatSession) async {
        let left = attached[session.id, default: 1] - 1
        attached[session.id] = left > 0 ? left : nil
        if left <= 0, await session.isUnsaved, live[session.id] === session {
            live[session.id] = nil
        }
    }

    private func resolve(token: String?, store: Store, address: String?) async throws -> Opened {
        let now = clock.now()
        guard let token, !token.isEmpty else {
            return Opened(session: try create(store: store, now: now, address: address), resumed: false, resumeError: nil)
        }
        if let session = live[token], session.store.id == store.id {
            if await session.lastActivity.addingTimeInterval(ttl) >= now {
                await session.touch(now)
                await session.refreshFromShared()
                return Opened(session: session, resumed: true, resumeError: nil)
            }
            live[token] = nil
            return Opened(session: try create(store: store, now: now, address: address), resumed: false, resumeError: "expired")
        }
        let record = try await self.store.session(id: token, storeID: store.id)
        guard let record else {
            return Opened(session: try create(store: store, now: now, address: address), resumed: false, resumeError: "unknown")
        }
        guard record.lastSeenAt.addingTimeInterval(ttl) >= now else {
            return Opened(session: try create(store: store, now: now, address: address), resumed: false, resumeError: "expired")
        }
        if let session = live[token] {
            // Another connection loaded it while we read.
            await session.refreshFromShared()
            return Opened(session: session, resumed: true, resumeError: nil)
        }
        let state: ConversationState
        do {
            state = try JSONDecoder().decode(ConversationState.self, from: Data(record.state.utf8))
        } catch {
            // Never a silent reset: say that the stored state could not be read (the history stays).
            logger.warning("A stored conversation state could not be read; it starts afresh", metadata: ["session.error": "\(error)"])
            state = ConversationState()
        }
        let session = ChatSession(
            id: record.id, store: store, state: state, lastSeq: record.lastSeq, lastActivity: now, rateLimit: rateLimit, shared: shared
        )
        live[token] = session
        return Opened(session: session, resumed: true, resumeError: nil)
    }

    /// The stored replies of `session` after sequence number `seq`, oldest first.
    func replies(of session: ChatSession, after seq: Int, limit: Int = SessionManager.replayLimit) async throws -> [StoredReply] {
        try await store.replies(sessionID: session.id, after: seq, limit: limit)
    }

    /// Drops sessions idle longer than the TTL from memory, and those no connection holds after
    /// `detachedIdle` (they stay in the database and are read back on resume).
    func evictIdle() async -> Int {
        let now = clock.now()
        let expired = now.addingTimeInterval(-ttl)
        let detached = now.addingTimeInterval(-min(ttl, Self.detachedIdle))
        var evicted = 0
        for (token, session) in live {
            let last = await session.lastActivity
            guard last < expired || (attached[token] == nil && last < detached) else { continue }
            live[token] = nil
            evicted += 1
        }
        return evicted
    }

    /// Deletes conversations whose last message is older than the retention period.
    func purgeOld() async throws {
        try await writer.commit(.purge(before: clock.now().addingTimeInterval(-retention)))
    }

    var liveCount: Int { live.count }

    /// A new session, stored only once it says something (see `SessionWrite.turn`).
    private func create(store: Store, now: Date, address: String?) throws -> ChatSession {
        guard newSessions.take(address, now: now) else {
            throw ChatError(.rateLimited, "Too many new conversations from your address; wait a minute, or resume the one you have.")
        }
        let token = Self.newToken()
        let record = SessionRecord(
            id: token, storeId: store.id, role: ChatContext.Role.customer.rawValue,
            state: try FrameCoder.encode(ConversationState()), lastSeq: 0, createdAt: now, lastSeenAt: now
        )
        let session = ChatSession(
            id: token, store: store, state: ConversationState(), lastSeq: 0, lastActivity: now, rateLimit: rateLimit, unsaved: record, shared: shared
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
