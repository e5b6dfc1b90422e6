import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import NIOCore
import ShopTalkCore

/// `GET /chat?store=<slug>[&session=<token>]`: the WebSocket chat protocol.
///
/// Every frame gets an answer: a reply, a control frame or an error frame. A bad frame never closes the
/// connection; only a run of `maxBadFrames` bad frames in a row does, with 1008.
struct ChatSocketController: Sendable {
    let chat: ChatService
    let limits: ClientFrame.Limits
    let maxBadFrames: Int
    let refusals: UpgradeRefusals
    let gate: ConnectionGate
    let origins: OriginPolicy
    let sweeper: SlowConsumerSweeper

    func addRoutes(to router: Router<AppRequestContext>) {
        router.ws("/chat", shouldUpgrade: { request, context in
            // A refused upgrade is answered by `RefusedUpgradeWriter` with the recorded status and JSON body.
            if let refusal = origins.refusal(origin: request.headers[.origin], host: request.head.authority) {
                refusals.record(refusal, for: context.channel)
                return .dontUpgrade
            }
            guard let slug = request.uri.queryParameters.get("store") else {
                refusals.record(ChatError(.missingField, "Add ?store=<slug> to the URL, e.g. /chat?store=demo."), for: context.channel)
                return .dontUpgrade
            }
            guard try await chat.stores.store(slug: slug) != nil else {
                refusals.record(ChatError(.notFound, "There is no store \"\(slug.prefix(60))\"."), for: context.channel)
                return .dontUpgrade
            }
            let address = context.remoteAddress?.ipAddress
            if let refusal = gate.admit(address: address) {
                refusals.record(refusal, for: context.channel)
                return .dontUpgrade
            }
            // Counted out when the TCP connection closes, however the WebSocket ends.
            context.channel.closeFuture.whenComplete { _ in gate.release(address: address) }
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, context in
            try await handle(inbound: inbound, outbound: outbound, context: context)
        })
    }

    private func handle(
        inbound: WebSocketInboundStream, outbound rawOutbound: WebSocketOutboundWriter,
        context: WebSocketRouterContext<AppRequestContext>
    ) async throws {
        var logger = context.logger
        let watch = sweeper.watch(context.requestContext.channel)
        defer { sweeper.forget(watch) }
        let outbound = ClientWriter(outbound: rawOutbound, watch: watch)
        let query = context.request.uri.queryParameters
        guard let slug = query.get("store"), let store = try await chat.stores.store(slug: slug) else {
            try await rawOutbound.close(.policyViolation, reason: "unknown store")
            return
        }
        let opened: SessionManager.Opened
        do {
            opened = try await chat.sessions.open(token: query.get("session"), store: store)
        } catch {
            logger.error("Could not open a session", metadata: ["error": "\(error)"])
            try await send(ErrorFrame(replyTo: nil, error: ChatError(.internal, "Could not start a conversation. Please reconnect.")), outbound)
            try await rawOutbound.close(.unexpectedServerError, reason: "session unavailable")
            return
        }
        let session = opened.session
        let address = context.requestContext.remoteAddress?.ipAddress
        logger[metadataKey: "store.slug"] = "\(store.slug)"
        chat.metrics.connections.increment()
        defer { chat.metrics.connections.decrement() }
        try await send(WelcomeFrame(
            session: session.id,
            store: .init(slug: store.slug, name: store.name, currency: store.currency),
            role: ChatContext.Role.customer.rawValue, resumed: opened.resumed, lastReplyId: await session.lastReplyID,
            resumeError: opened.resumeError,
            notice: opened.resumeError.map { $0 == "expired" ? "Your previous conversation expired, so this is a new one." : "That conversation could not be found, so this is a new one." }
        ), outbound)

        var subscription: UUID?
        defer { if let subscription { chat.alerts.unsubscribe(subscription) } }
        let inFlight = InFlight()
        let drained = try await withThrowingTaskGroup(of: Void.self) { group -> Bool in
            defer { group.cancelAll() }
            // The reader keeps reading while a message is being answered, so that a client that leaves is
            // noticed at once (and its unfinished answer cancelled). Frames wait for the in-order processor in
            // a bounded queue; a frame beyond it is answered with `rate_limited`, never dropped silently.
            let (frames, queue) = AsyncStream.makeStream(of: WebSocketDataFrame.self, bufferingPolicy: .unbounded)
            // On shutdown the processor answers the frames it has already received, then the socket closes
            // with 1001; frames arriving meanwhile get an `unavailable` error, to resend after reconnecting.
            let drainHook = gate.onDrain {
                inFlight.drain()
                queue.finish()
            }
            defer { gate.removeDrainHook(drainHook) }
            group.addTask {
                do {
                    for try await frame in inbound {
                        if inFlight.isDraining {
                            // Arrived after shutdown began: said so (with the message id when there is one),
                            // never dropped silently; the client resends after reconnecting.
                            guard frame.fin else { continue }
                            let id = frame.opcode == .text && frame.data.readableBytes <= limits.maxFrameBytes
                                ? ClientFrame.parse(frame.data.readableBytesView, limits: limits).clientID : nil
                            try await send(ErrorFrame(
                                replyTo: id, error: ChatError(.unavailable, "The server is restarting; send this again once you have reconnected.")
                            ), outbound)
                            continue
                        }
                        if inFlight.enqueue(limit: 256) {
                            queue.yield(frame)
                        } else if frame.fin {
                            try await send(ErrorFrame(
                                replyTo: nil, error: ChatError(.rateLimited, "Too many frames are waiting to be answered; this one was not processed. Slow down.")
                            ), outbound)
                        }
                    }
                } catch {}
                queue.finish()
                inFlight.cancelCurrent()
            }
            try await readLoop(frames: frames, inFlight: inFlight, outbound: outbound, session: session, address: address,
                               logger: logger) { storeID in
                // Once the connection is an owner's, alerts for its store are pushed alongside replies.
                guard subscription == nil else { return }
                let (id, alerts) = chat.alerts.subscribe(storeID: storeID)
                subscription = id
                group.addTask {
                    for await alert in alerts {
                        try await outbound.write(alert)
                    }
                }
            }
            return inFlight.isDraining
        }
        if drained {
            try await rawOutbound.close(.goingAway, reason: "server shutting down")
        }
    }

    /// Reads frames until the client goes away or is closed for sending only garbage.
    private func readLoop(
        frames: AsyncStream<WebSocketDataFrame>, inFlight: InFlight, outbound: ClientWriter, session: ChatSession,
        address: String?, logger: Logger, becameOwner: (Int64) -> Void
    ) async throws {
        var role = ChatContext.Role.customer
        var assembler = FrameAssembler(maxBytes: limits.maxFrameBytes)
        var badInARow = 0
        for await frame in frames {
            inFlight.dequeue()
            guard let message = assembler.push(frame) else { continue }
            let outcome: Result<ClientFrame, ChatError>
            var clientID: String?
            switch message {
            case .binary:
                outcome = .failure(ChatError(.unknownType, "Binary frames are not supported; send JSON text frames."))
            case .oversized(let bytes):
                outcome = .failure(ChatError(.tooLarge, "Frames are limited to \(limits.maxFrameBytes / 1024) KiB; this one was \(bytes) bytes."))
            case .text(let bytes):
                if String(validating: bytes, as: UTF8.self) == nil {
                    outcome = .failure(ChatError(.badJSON, "The frame is not valid UTF-8 text."))
                } else {
                    (outcome, clientID) = ClientFrame.parse(bytes, limits: limits)
                }
            }
            switch outcome {
            case .failure(let error):
                chat.metrics.recordError(error.code)
                badInARow += 1
                try await send(ErrorFrame(replyTo: clientID, error: error), outbound)
                if badInARow >= maxBadFrames {
                    logger.notice("Closing a connection that sent only invalid frames", metadata: ["frames.bad": "\(badInARow)"])
                    try await outbound.outbound.close(.policyViolation, reason: "too many invalid frames")
                    return
                }
            case .success(let frame):
                badInARow = 0
                try await dispatch(frame, session: session, address: address, role: &role, outbound: outbound, inFlight: inFlight, logger: logger) {
                    becameOwner(session.store.id)
                }
            }
        }
    }

    private func dispatch(
        _ frame: ClientFrame, session: ChatSession, address: String?, role: inout ChatContext.Role,
        outbound: ClientWriter, inFlight: InFlight, logger: Logger, signedIn: () -> Void
    ) async throws {
        switch frame {
        case .message(let id, let text):
            let onDelta: @Sendable (String) async -> Void = { delta in
                try? await send(DeltaFrame(replyTo: id, text: delta), outbound)
            }
            // If the client goes away while this message is being answered (a slow model, say), the work is
            // cancelled: the task is awaited right here, and the reader cancels it when the client leaves.
            let answering = Task { [role] in
                await chat.answer(text, clientID: id, session: session, clientAddress: address, role: role, onDelta: onDelta, logger: logger)
            }
            inFlight.track(answering)
            let answer = await withTaskCancellationHandler { await answering.value } onCancel: { answering.cancel() }
            inFlight.track(nil)
            if answering.isCancelled { return }
            switch answer {
            case .success(let (json, _)):
                try await outbound.write(json)
            case .failure(let error):
                try await send(ErrorFrame(replyTo: id, error: error), outbound)
            }
        case .ping:
            try await outbound.write(SimpleFrame.pong)
        case .reset:
            do {
                try await session.reset(writer: chat.writer, now: chat.clock.now())
                try await outbound.write(SimpleFrame.resetOK)
            } catch {
                logger.error("Reset failed", metadata: ["error": "\(error)"])
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.internal, "Could not reset the conversation. Please try again.")), outbound)
            }
        case .resume(let after):
            try await replay(after: after, session: session, outbound: outbound)
        case .auth(let token):
            let owner = try await chat.tokens.verify(token, now: chat.clock.now())
            guard let owner, owner.id == session.store.id else {
                chat.metrics.recordError(.unauthorized)
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.unauthorized, "That owner token is not valid for this store. You are still chatting as a customer.")), outbound)
                return
            }
            try await session.recordOwnerSignIn(writer: chat.writer, now: chat.clock.now())
            role = .owner
            // Subscribe to the store's alerts before saying so, so that no alert falls in between.
            signedIn()
            try await send(AuthOKFrame(role: "owner", store: owner.slug), outbound)
        }
    }

    /// Replays the stored replies after `after` (all of them when nil), then `resume_ok`.
    private func replay(after: String?, session: ChatSession, outbound: ClientWriter) async throws {
        let lastSeq = await session.lastSeq
        var seq = 0
        if let after {
            guard let parsed = ChatSession.seq(ofReplyID: after), parsed >= 0, parsed <= lastSeq else {
                chat.metrics.recordError(.notFound)
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.notFound, "No reply \"\(after.prefix(40))\" in this conversation; send the id of a reply you received, or omit \"after\" to replay them all.")), outbound)
                return
            }
            seq = parsed
        }
        let frames = try await chat.sessions.replies(of: session, after: seq)
        for frame in frames {
            try await outbound.write(frame)
        }
        try await send(ResumeOKFrame(replayed: frames.count, lastReplyId: await session.lastReplyID), outbound)
    }

    private func send(_ frame: some Encodable, _ outbound: ClientWriter) async throws {
        try await outbound.write(FrameCoder.encodeToString(frame))
    }
}

/// What a connection has waiting and in progress: the number of frames queued for the processor and
/// the message being answered, which is cancelled if the client leaves.
final class InFlight: Sendable {
    private struct State {
        var queued = 0
        var current: Task<Result<(String, Reply), ChatError>, Never>?
        var gone = false
        var draining = false
    }

    private let state = Mutex(State())

    /// Counts a frame into the queue; false when the queue is full.
    func enqueue(limit: Int) -> Bool {
        state.withLock { state in
            guard state.queued < limit else { return false }
            state.queued += 1
            return true
        }
    }

    func dequeue() {
        state.withLock { $0.queued = max(0, $0.queued - 1) }
    }

    func track(_ task: Task<Result<(String, Reply), ChatError>, Never>?) {
        let gone = state.withLock { state -> Bool in
            state.current = task
            return state.gone
        }
        if gone { task?.cancel() }
    }

    /// The server is shutting down: answer what is in progress, take nothing new.
    func drain() {
        state.withLock { $0.draining = true }
    }

    var isDraining: Bool { state.withLock { $0.draining } }

    /// The client left: cancel what is being answered.
    func cancelCurrent() {
        let task = state.withLock { state -> Task<Result<(String, Reply), ChatError>, Never>? in
            state.gone = true
            return state.current
        }
        task?.cancel()
    }
}
