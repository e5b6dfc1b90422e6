import ShopTalkCore

/// `{"type":"welcome",…}`: the first frame of every connection.
struct WelcomeFrame: Encodable {
    struct StoreInfo: Encodable {
        let slug: String
        let name: String
        let currency: String
    }

    let type = "welcome"
    let session: String
    let store: StoreInfo
    let role: String
    let resumed: Bool
    /// Id of the last reply this session sent, so a client can tell whether it missed any.
    let lastReplyId: String?
    /// Why a resume token was not honoured: "expired" or "unknown".
    let resumeError: String?
    /// A sentence for people, present when a resume failed.
    let notice: String?
}

/// `{"type":"reply",…}`: the answer to one message.
struct ReplyFrame: Encodable {
    let id: String
    let replyTo: String?
    let reply: Reply

    enum CodingKeys: String, CodingKey {
        case type, id, replyTo, text, intent, entities, suggestions, products, order, discounts, ticket, result, handoff
    }

    func encode(to encoder: any Encoder) throws {
        // In key order, as the frame goes out: the stream writer then never reorders a reply's members.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reply.discounts, forKey: .discounts)
        try container.encode(reply.entities, forKey: .entities)
        try container.encodeIfPresent(reply.handoff, forKey: .handoff)
        try container.encode(id, forKey: .id)
        try container.encode(reply.intent, forKey: .intent)
        try container.encodeIfPresent(reply.order, forKey: .order)
        try container.encodeIfPresent(reply.products, forKey: .products)
        try container.encode(replyTo, forKey: .replyTo)
        try container.encodeIfPresent(reply.result, forKey: .result)
        try container.encode(reply.suggestions, forKey: .suggestions)
        try container.encode(reply.text, forKey: .text)
        try container.encodeIfPresent(reply.ticket, forKey: .ticket)
        try container.encode("reply", forKey: .type)
    }
}

/// `{"type":"error",…}`.
struct ErrorFrame: Encodable {
    let replyTo: String?
    let error: ChatError

    enum CodingKeys: String, CodingKey {
        case type, replyTo, code, message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("error", forKey: .type)
        try container.encode(replyTo, forKey: .replyTo)
        try container.encode(error.code.rawValue, forKey: .code)
        try container.encode(error.message, forKey: .message)
    }
}

/// `{"type":"resume_ok",…}`: sent after the missed replies have been replayed.
struct ResumeOKFrame: Encodable {
    let type = "resume_ok"
    let replayed: Int
    let lastReplyId: String?
}

/// Frames with nothing but a type: pong, reset_ok, typing.
struct SimpleFrame: Encodable {
    let type: String

    static let pong = FrameCoder.encodeToString(SimpleFrame(type: "pong"))
    static let resetOK = FrameCoder.encodeToString(SimpleFrame(type: "reset_ok"))
}

/// `{"type":"auth_ok","role":"owner","store":"demo"}`.
struct AuthOKFrame: Encodable {
    let type = "auth_ok"
    let role: String
    let store: String
}

/// `{"type":"reply_delta","replyTo":"c-1","text":"…"}`: a piece of a streamed answer; the full `reply` follows.
struct DeltaFrame: Encodable {
    let replyTo: String?
    let text: String

    enum CodingKeys: String, CodingKey { case type, replyTo, text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("reply_delta", forKey: .type)
        try container.encode(replyTo, forKey: .replyTo)
        try container.encode(text, forKey: .text)
    }
}
