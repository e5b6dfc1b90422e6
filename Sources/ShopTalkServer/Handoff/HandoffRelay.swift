import Foundation
import Logging
import ShopTalkCore
import Synchronization

/// Carries a handoff's live frames: to the shopper's connections (by session) and to the store's people
/// (signed-in owners and staff, through the `AlertHub`). With PostgreSQL each frame also goes through the
/// outbox, so a shopper on one instance and a staff member on another hear each other at once.
final class HandoffRelay: Sendable {
    let rows: any HandoffRows
    let hub: AlertHub
    let outbox: EventOutbox?
    let logger: Logger
    private let shoppers = Mutex<[UUID: (session: String, continuation: AsyncStream<String>.Continuation)]>([:])
    static let sessionEvent = "handoff_session"
    static let staffEvent = "handoff_staff"

    init(rows: any HandoffRows, hub: AlertHub, outbox: EventOutbox?, logger: Logger) {
        self.rows = rows
        self.hub = hub
        self.outbox = outbox
        self.logger = logger
    }

    /// Frames for the shopper connections of `sessionID`; ends when `leave` is called with the id.
    func join(sessionID: String) -> (UUID, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(100))
        let id = UUID()
        shoppers.withLock { $0[id] = (sessionID, continuation) }
        return (id, stream)
    }

    func leave(_ id: UUID) {
        shoppers.withLock { $0.removeValue(forKey: id) }?.continuation.finish()
    }

    /// Sends `frame` to the shopper of `sessionID`, on every instance.
    func toShopper(sessionID: String, storeID: Int64, frame: String) async {
        deliverToShopper(sessionID: sessionID, frame: frame)
        await publish(kind: Self.sessionEvent, storeID: storeID, payload: .object(["session": .string(sessionID), "frame": .string(frame)]))
    }

    /// Sends `frame` to the store's signed-in owners and staff, on every instance.
    func toStaff(storeID: Int64, frame: String) async {
        hub.publish(frame, storeID: storeID, handoff: true)
        await publish(kind: Self.staffEvent, storeID: storeID, payload: .string(frame))
    }

    private func deliverToShopper(sessionID: String, frame: String) {
        let targets = shoppers.withLock { $0.values.filter { $0.session == sessionID }.map(\.continuation) }
        for target in targets { target.yield(frame) }
    }

    private func publish(kind: String, storeID: Int64, payload: JSONValue) async {
        guard let outbox else { return }
        do {
            try await outbox.publish(kind: kind, storeID: storeID, payload: FrameCoder.encode(payload))
        } catch {
            logger.warning("handoff.publish_failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// Another instance's handoff frame, from the outbox.
    func relay(_ event: OutboxEvent, localInstance: String) {
        guard event.origin != localInstance, let storeID = event.storeID,
              let payload = try? JSONDecoder().decode(JSONValue.self, from: Data(event.payload.utf8)) else { return }
        switch event.kind {
        case Self.sessionEvent:
            guard case .object(let object) = payload, let session = object["session"]?.stringValue, let frame = object["frame"]?.stringValue else { return }
            deliverToShopper(sessionID: session, frame: frame)
        case Self.staffEvent:
            guard let frame = payload.stringValue else { return }
            hub.publish(frame, storeID: storeID, handoff: true)
        default:
            return
        }
    }

    // MARK: What the pipeline's handoff replies mean for the store's people

    /// Tells the store's people what a shopper's turn did to its handoff.
    func announce(_ card: HandoffCard, text: String, storeID: Int64, at: Date) async {
        switch card.event {
        case "message":
            await toStaff(storeID: storeID, frame: FrameCoder.encodeToString(HandoffLineFrame(handoff: card.id, sender: "shopper", name: nil, text: text, at: at)))
        default:
            guard let handoff = try? await rows.handoff(id: card.id, storeID: storeID) else { return }
            await toStaff(storeID: storeID, frame: FrameCoder.encodeToString(HandoffQueueFrame(event: card.event == "opened" ? "opened" : "closed", handoff: handoff)))
        }
    }

    /// The frame a reconnecting shopper gets when their session has a handoff open.
    func resumeFrame(sessionID: String, storeID: Int64) async -> String? {
        guard let handoff = try? await rows.active(sessionID: sessionID, storeID: storeID) else { return nil }
        let messages = (try? await rows.messages(handoffID: handoff.id, storeID: storeID)) ?? []
        return FrameCoder.encodeToString(HandoffStatusFrame(
            handoff: handoff.id, status: handoff.status, agent: handoff.agent, ticket: handoff.ticket,
            text: HandoffStatusFrame.text(for: handoff), resumed: true,
            messages: messages.map(HandoffStatusFrame.Line.init)
        ))
    }
}

/// `{"type":"handoff",…}` to the shopper: the handoff's status changed (or, with `resumed`, what it is).
struct HandoffStatusFrame: Encodable {
    struct Line: Encodable {
        let sender: String
        let name: String?
        let text: String
        let at: Date

        init(_ message: HandoffMessage) {
            sender = message.sender
            name = message.name
            text = message.text
            at = message.at
        }
    }

    let type = "handoff"
    let handoff: Int64
    let status: Handoff.Status
    let agent: String?
    let ticket: String?
    let text: String
    var resumed: Bool?
    var messages: [Line]?

    static func text(for handoff: Handoff) -> String {
        switch handoff.status {
        case .queued: "Waiting for a person from our team to join."
        case .live: "You're now chatting with \(handoff.agent ?? "our team")."
        case .awaitingEmail: "Nobody from our team could join in time, so I've made ticket \(handoff.ticket ?? "") with this conversation. What email address should they reply to?"
        case .closed: "\(handoff.agent ?? "Our team") has left the chat; I'm back to help."
        }
    }
}

/// `{"type":"agent_message",…}` to the shopper: a person's words.
struct AgentMessageFrame: Encodable {
    let type = "agent_message"
    let handoff: Int64
    let id: String
    let agent: String
    let text: String
    let at: Date
}

/// `{"type":"handoff_queue",…}` to the store's people: a handoff was opened, claimed, given up or closed.
struct HandoffQueueFrame: Encodable {
    let type = "handoff_queue"
    let event: String
    let handoff: Handoff
}

/// `{"type":"handoff_message",…}` to the store's people: a line of a handoff.
struct HandoffLineFrame: Encodable {
    let type = "handoff_message"
    let handoff: Int64
    let sender: String
    let name: String?
    let text: String
    let at: Date
}

/// `{"type":"typing",…}` both ways: "shopper" to the store's people, "agent" to the shopper.
struct TypingFrame: Encodable {
    let type = "typing"
    let who: String
    let handoff: Int64
    var agent: String?
}

/// `{"type":"handoff_ok","action":"claim",…}`: a staff member's handoff frame was carried out.
struct HandoffOKFrame: Encodable {
    let type = "handoff_ok"
    let action: String
    let replyTo: String?
    var handoff: Handoff?
    var message: HandoffMessage?
    var repeated: Bool?
    var text: String?
}
