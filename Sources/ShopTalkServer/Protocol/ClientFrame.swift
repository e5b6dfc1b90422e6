import Foundation
import ShopTalkCore

/// A frame from a client, validated: every way it can be wrong is a `ChatError` with a clear message.
enum ClientFrame: Sendable, Equatable {
    case message(id: String?, text: String)
    case ping
    case reset
    case resume(after: String?)
    case auth(token: String)
    /// The shopper is typing (relayed to the person during a handoff; no answer).
    case typing
    /// A staff member's action on handoff `id`: claim, say (with `text`; the frame's own `id` makes a
    /// resent say add nothing), typing, end or suggest.
    case handoff(action: String, id: Int64, text: String?, key: String?)

    static let handoffActions = ["handoff_claim", "handoff_say", "handoff_typing", "handoff_end", "handoff_suggest"]

    /// Limits a frame must respect.
    struct Limits: Sendable {
        /// Longest message text, in characters.
        var maxTextLength = 4_000
        /// Largest frame, in bytes.
        var maxFrameBytes = 16 * 1024
    }

    /// Validates the `text` of a message (WebSocket frame or REST body).
    static func messageText(_ value: JSONValue?, limits: Limits) -> Result<String, ChatError> {
        guard let value, value != .null else {
            return .failure(ChatError(.missingField, "A message needs a \"text\" field."))
        }
        guard let text = value.stringValue else {
            return .failure(ChatError(.badJSON, "The \"text\" field must be a string."))
        }
        guard text.count <= limits.maxTextLength else {
            return .failure(ChatError(.tooLarge, "Messages are limited to \(limits.maxTextLength) characters; this one has \(text.count)."))
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(ChatError(.missingField, "The message text is empty."))
        }
        return .success(text)
    }

    /// The client id of a frame, if it has a string `id`, for `replyTo` in an error about it.
    static func clientID(in object: [String: JSONValue]) -> String? {
        object["id"]?.stringValue
    }

    /// Parses one text frame. The client id comes back even when the frame is invalid, so the error
    /// can say which message it is about.
    static func parse(_ bytes: some Collection<UInt8>, limits: Limits) -> (Result<ClientFrame, ChatError>, clientID: String?) {
        guard bytes.count <= limits.maxFrameBytes else {
            return (.failure(ChatError(.tooLarge, "Frames are limited to \(limits.maxFrameBytes / 1024) KiB; this one was \(bytes.count) bytes.")), nil)
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            return (.failure(ChatError(.badJSON, "The frame is not valid JSON. Send an object such as {\"type\":\"message\",\"text\":\"hi\"}.")), nil)
        }
        guard case .object(let object) = value else {
            return (.failure(ChatError(.badJSON, "The frame must be a JSON object with a \"type\" field.")), nil)
        }
        return (parse(object, limits: limits), clientID(in: object))
    }

    static func parse(_ object: [String: JSONValue], limits: Limits) -> Result<ClientFrame, ChatError> {
        guard let typeValue = object["type"] else {
            return .failure(ChatError(.missingField, "The frame has no \"type\" field."))
        }
        guard let type = typeValue.stringValue else {
            return .failure(ChatError(.badJSON, "The \"type\" field must be a string."))
        }
        if let id = object["id"], id != .null, id.stringValue == nil {
            return .failure(ChatError(.badJSON, "The \"id\" field must be a string."))
        }
        switch type {
        case "message":
            return messageText(object["text"], limits: limits).map { .message(id: clientID(in: object), text: $0) }
        case "ping":
            return .success(.ping)
        case "reset":
            return .success(.reset)
        case "resume":
            if let after = object["after"], after != .null, after.stringValue == nil {
                return .failure(ChatError(.badJSON, "The \"after\" field must be a reply id string."))
            }
            return .success(.resume(after: object["after"]?.stringValue))
        case "auth":
            guard let token = object["token"]?.stringValue, !token.isEmpty else {
                return .failure(ChatError(.missingField, "An auth frame needs a \"token\" string."))
            }
            return .success(.auth(token: token))
        case "typing":
            return .success(.typing)
        case _ where handoffActions.contains(type):
            guard let number = object["handoff"]?.numberValue, let id = Int64(exactly: number), id > 0 else {
                return .failure(ChatError(.missingField, "A \(type) frame needs \"handoff\": the handoff's id (a positive whole number)."))
            }
            var text: String?
            if type == "handoff_say" {
                switch messageText(object["text"], limits: limits) {
                case .success(let said): text = said
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.handoff(action: String(type.dropFirst("handoff_".count)), id: id, text: text, key: clientID(in: object)))
        default:
            return .failure(ChatError(.unknownType, "Unknown frame type \"\(type.prefix(40))\". Known types: message, ping, reset, resume, auth, typing, "
                                      + handoffActions.joined(separator: ", ") + "."))
        }
    }
}
