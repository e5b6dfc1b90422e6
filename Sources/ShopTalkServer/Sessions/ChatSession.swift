import Foundation
import ShopTalkCore

/// One live conversation. Its messages are handled strictly in order, one at a time, even when they
/// arrive on two connections at once; different sessions run concurrently.
actor ChatSession {
    let id: String
    let store: Store
    private(set) var state: ConversationState
    private(set) var lastSeq: Int
    private(set) var lastActivity: Date
    private var bucket: TokenBucket
    /// The session's row until it is first stored (with its first turn, a reset or an owner sign-in).
    private var unsaved: SessionRecord?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// Set when other instances may answer this session too.
    private let shared: SharedSessions?

    init(id: String, store: Store, state: ConversationState, lastSeq: Int, lastActivity: Date, rateLimit: RateLimit, unsaved: SessionRecord? = nil,
         shared: SharedSessions? = nil) {
        self.shared = shared
        self.unsaved = unsaved
        self.id = id
        self.store = store
        self.state = state
        self.lastSeq = lastSeq
        self.lastActivity = lastActivity
        self.bucket = TokenBucket(rate: rateLimit.perSecond, burst: rateLimit.burst, now: lastActivity)
    }

    /// Messages a session may send: sustained rate and burst.
    struct RateLimit: Sendable {
        var perSecond: Double
        var burst: Double
    }

    /// The id of the last reply sent, if any.
    var lastReplyID: String? { lastSeq > 0 ? Self.replyID(lastSeq) : nil }

    static func replyID(_ seq: Int) -> String { "r\(seq)" }

    /// The sequence number in a reply id, if it is one.
    static func seq(ofReplyID id: String) -> Int? {
        guard id.hasPrefix("r") else { return nil }
        return Int(id.dropFirst())
    }

    /// Answers one message: runs the pipeline, commits the turn, then returns the reply frame's JSON.
    /// Nothing changes if any step fails.
    func respond(
        to text: String, clientID: String?, clientAddress: String?, role: ChatContext.Role, engine: ChatEngine, writer: TurnWriter, now: Date,
        onDelta: (@Sendable (String) async -> Void)? = nil
    ) async throws -> (frame: String, reply: Reply) {
        guard bucket.take(now: now) else {
            throw ChatError(.rateLimited, "You're sending messages too quickly. Please wait a moment and try again.")
        }
        await acquire()
        defer { release() }
        guard let shared else {
            return try await turn(text, clientID: clientID, clientAddress: clientAddress, role: role, engine: engine, writer: writer, now: now, onDelta: onDelta)
        }
        // Across instances: hold the session's lock, and start from the turn another instance stored last.
        return try await shared.locks.exclusive(session: id, storeID: store.id, after: lastSeq) { stored in
            await self.catchUp(to: stored)
            return try await self.turn(text, clientID: clientID, clientAddress: clientAddress, role: role, engine: engine, writer: writer, now: now, onDelta: onDelta)
        }
    }

    private func turn(
        _ text: String, clientID: String?, clientAddress: String?, role: ChatContext.Role, engine: ChatEngine, writer: TurnWriter, now: Date,
        onDelta: (@Sendable (String) async -> Void)?
    ) async throws -> (frame: String, reply: Reply) {
        var newState = state
        var context = ChatContext(store: store, role: role, sessionID: id, clientAddress: clientAddress)
        context.onDelta = onDelta
        let reply = try await engine.respond(to: text, state: &newState, context: context)
        let seq = lastSeq + 1
        let replyID = Self.replyID(seq)
        let frame = try FrameCoder.encode(ReplyFrame(id: replyID, replyTo: clientID, reply: reply))
        let turn = TurnRecord(
            sessionId: id, storeId: store.id, seq: seq, clientMessageId: clientID, text: text,
            intent: reply.intent.name, confidence: reply.intent.confidence,
            entities: try FrameCoder.encode(reply.entities), replyId: replyID, reply: frame, createdAt: now, role: role.rawValue
        )
        try await writer.commit(.turn(turn, state: try FrameCoder.encode(newState), lastSeenAt: now, create: unsaved))
        unsaved = nil
        state = newState
        lastSeq = seq
        lastActivity = now
        return (frame, reply)
    }

    /// Takes the state and sequence number another instance stored after this one's last turn. A state
    /// that cannot be read keeps this one's, but never its sequence number, which must move on.
    private func catchUp(from store: any ConversationStore) async throws {
        guard unsaved == nil, let record = try await store.session(id: id, storeID: self.store.id) else { return }
        catchUp(to: StoredProgress(state: record.state, lastSeq: record.lastSeq))
    }

    private func catchUp(to stored: StoredProgress?) {
        guard unsaved == nil, let stored, stored.lastSeq > lastSeq else { return }
        if let decoded = try? JSONDecoder().decode(ConversationState.self, from: Data(stored.state.utf8)) { state = decoded }
        lastSeq = stored.lastSeq
    }

    /// Takes what another instance stored since this one last looked (before a resume or replay here).
    /// Skipped while a turn runs: that turn holds the session's lock, so nothing newer can be stored.
    func refreshFromShared() async {
        guard let shared, !busy else { return }
        try? await catchUp(from: shared.store)
    }

    /// Forgets slots, context and pending questions, keeping the history.
    func reset(writer: TurnWriter, now: Date) async throws {
        await acquire()
        defer { release() }
        if let shared {
            try await shared.locks.exclusive(session: id, storeID: store.id, after: lastSeq) { stored in
                await self.catchUp(to: stored)
                try await self.clear(writer: writer, now: now)
            }
        } else {
            try await clear(writer: writer, now: now)
        }
    }

    private func clear(writer: TurnWriter, now: Date) async throws {
        var cleared = ConversationState()
        cleared.turns = state.turns
        try await saveIfNeeded(writer: writer)
        try await writer.commit(.state(sessionID: id, state: try FrameCoder.encode(cleared), lastSeenAt: now))
        state = cleared
        lastActivity = now
    }

    /// Records that an owner signed in on this session (for reviewing conversations). The role itself
    /// belongs to the connection that sent the `auth` frame, never to whoever resumes the session later.
    func recordOwnerSignIn(writer: TurnWriter, now: Date) async throws {
        try await saveIfNeeded(writer: writer)
        try await writer.commit(.role(sessionID: id, role: ChatContext.Role.owner.rawValue))
        lastActivity = now
    }

    /// Stores the session's row if it is not stored yet.
    private func saveIfNeeded(writer: TurnWriter) async throws {
        guard let record = unsaved else { return }
        try await writer.commit(.create(record))
        unsaved = nil
    }

    /// Nothing of this session is stored: it has not said anything yet.
    var isUnsaved: Bool { unsaved != nil }

    /// Takes `cost` tokens from the session's message bucket (a resume costs in proportion to what it
    /// replays); false when there are not that many.
    func take(cost: Double, now: Date) -> Bool {
        bucket.take(cost: cost, now: now)
    }

    /// Marks the session as used now (a connection opened or resumed).
    func touch(_ now: Date) {
        lastActivity = now
    }

    private func acquire() async {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
    }

    /// Hands the session to the next waiting message, in arrival order.
    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
