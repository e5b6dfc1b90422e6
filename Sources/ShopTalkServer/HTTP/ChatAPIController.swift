import Foundation
import Hummingbird
import ShopTalkCore

/// `POST /api/chat` for clients that cannot hold a socket, and the plain-HTTP answer of `GET /chat`.
struct ChatAPIController: Sendable {
    let chat: ChatService
    let limits: ClientFrame.Limits

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/chat") { request, context -> Response in
            try await post(request, context: context)
        }
        router.get("/api/chat/handoff") { request, _ -> Response in
            try await handoff(request)
        }
        router.get("/chat") { request, _ -> Response in
            // Reached only when the WebSocket upgrade was refused or not asked for.
            guard let slug = request.uri.queryParameters.get("store") else {
                throw ChatError(.missingField, "Add ?store=<slug> to the URL, e.g. /chat?store=demo.")
            }
            guard try await chat.stores.store(slug: slug) != nil else {
                throw ChatError(.notFound, "There is no store \"\(slug.prefix(60))\".")
            }
            throw ChatUpgradeRequired()
        }
    }

    /// What a shopper without a socket reads of their handoff: its status and every line so far (they poll).
    /// The session token is the shopper's credential, as for resuming.
    struct HandoffView: Encodable {
        struct Status: Encodable {
            let id: Int64
            let status: Handoff.Status
            let agent: String?
            let ticket: String?
        }

        let handoff: Status?
        let messages: [HandoffStatusFrame.Line]
    }

    private func handoff(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let slug = query.get("store"), let session = query.get("session") else {
            throw ChatError(.missingField, "Add ?store=<slug>&session=<session token>.")
        }
        guard let store = try await chat.stores.store(slug: slug) else {
            throw ChatError(.notFound, "There is no store \"\(slug.prefix(60))\".")
        }
        guard let handoffs = chat.handoffs, session.count <= 64,
              let open = try await handoffs.rows.active(sessionID: session, storeID: store.id) else {
            return try jsonResponse(HandoffView(handoff: nil, messages: []))
        }
        let lines = try await handoffs.rows.messages(handoffID: open.id, storeID: store.id)
        return try jsonResponse(HandoffView(
            handoff: .init(id: open.id, status: open.status, agent: open.agent, ticket: open.ticket),
            messages: lines.map(HandoffStatusFrame.Line.init)
        ))
    }

    private func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)),
              case .object(let object) = value
        else {
            throw ChatError(.badJSON, "The body must be a JSON object such as {\"store\":\"demo\",\"text\":\"hi\"}.")
        }
        guard let storeValue = object["store"] else { throw ChatError(.missingField, "The body needs a \"store\" field.") }
        guard let slug = storeValue.stringValue else { throw ChatError(.badJSON, "The \"store\" field must be a string.") }
        if let session = object["session"], session != .null, session.stringValue == nil {
            throw ChatError(.badJSON, "The \"session\" field must be a string.")
        }
        let text = try ClientFrame.messageText(object["text"], limits: limits).get()
        guard let store = try await chat.stores.store(slug: slug) else {
            throw ChatError(.notFound, "There is no store \"\(slug.prefix(60))\".")
        }
        let address = chat.addresses.address(peer: context.remoteAddress, headers: request.headers)
        let opened = try await chat.sessions.open(token: object["session"]?.stringValue, store: store, address: address)
        do {
            let response = try await answer(text, object: object, opened: opened, store: store, address: address, request: request, context: context)
            await chat.sessions.close(opened.session)
            return response
        } catch {
            await chat.sessions.close(opened.session)
            throw error
        }
    }

    private func answer(
        _ text: String, object: [String: JSONValue], opened: SessionManager.Opened, store: Store, address: String?,
        request: Request, context: AppRequestContext
    ) async throws -> Response {
        var role = ChatContext.Role.customer
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            guard let owner = try await chat.tokens.verify(String(header.dropFirst(7)), now: chat.clock.now()), owner.id == store.id else {
                throw ChatError(.unauthorized, "That owner token is not valid for this store.")
            }
            role = .owner
        }
        let (frame, _) = try await chat.answer(
            text, clientID: ClientFrame.clientID(in: object), session: opened.session,
            clientAddress: address, role: role, logger: context.logger
        ).get()
        // The reply object, with the session token and whether it was resumed in front.
        let prefix = "{\"session\":\"\(opened.session.id)\",\"resumed\":\(opened.resumed),"
        let json = prefix + frame.dropFirst()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(string: json)))
    }
}

/// `GET /chat` without a WebSocket upgrade.
struct ChatUpgradeRequired: HTTPResponseError {
    var status: HTTPResponse.Status { .upgradeRequired }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.upgrade] = "websocket"
        let body = #"{"error":{"code":"upgrade_required","message":"/chat speaks WebSocket: connect with a WebSocket client, or POST /api/chat."}}"#
        return Response(status: status, headers: headers, body: .init(byteBuffer: .init(string: body)))
    }
}
