import Foundation
import Hummingbird
import ShopTalkCore

/// Checks `Authorization: Bearer <owner token>` against the store named in the path. Nothing that
/// writes is ever open without it.
struct OwnerAuth: Sendable {
    let tokens: OwnerTokens
    let stores: StoreDirectory
    let clock: ShopClock

    /// The store `slug`, if the request carries a valid owner token for exactly that store.
    func owner(_ request: Request, slug: String) async throws -> Store {
        try await signedIn(request, slug: slug, roles: ["owner"], needs: "an owner token", named: "That owner token").store
    }

    /// The store `slug` and who is asking, for the routes an owner or a staff member may use (handoffs).
    func member(_ request: Request, slug: String) async throws -> HandoffService.Member {
        try await signedIn(request, slug: slug, roles: ["owner", "staff"], needs: "an owner or staff token", named: "That token")
    }

    /// The store and the bearer token's holder, when the token is valid, has one of `roles` and belongs to
    /// that store; the errors name the token as `named` and what the route needs as `needs`.
    private func signedIn(_ request: Request, slug: String, roles: Set<String>, needs: String, named: String) async throws -> HandoffService.Member {
        let store = try await store(slug)
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ChatError(.unauthorized, "This needs \(needs): send Authorization: Bearer <token> (create one with `shoptalk token create`).")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let member = try await tokens.member(token, now: clock.now()), roles.contains(member.role) else {
            throw ChatError(.unauthorized, "\(named) is not valid (unknown or revoked).")
        }
        guard member.store.id == store.id else {
            throw ChatError(.forbidden, "\(named) belongs to another store.")
        }
        return HandoffService.Member(store: store, role: member.role, name: member.name)
    }

    /// The store `slug` for public reads.
    /// The store, and whether the request is its owner's: a request without a token is a shopper's, one
    /// with a wrong or another store's token is refused like any owner route.
    func reader(_ request: Request, slug: String) async throws -> (store: Store, isOwner: Bool) {
        guard request.headers[.authorization] != nil else { return (try await store(slug), false) }
        return (try await owner(request, slug: slug), true)
    }

    func store(_ slug: String) async throws -> Store {
        guard let store = try await stores.store(slug: slug) else {
            throw ChatError(.notFound, "There is no store \"\(slug.prefix(60))\".")
        }
        return store
    }
}

/// Reads a JSON object body, or throws `bad_json`; `emptyAllowed` reads no body as an empty object.
func jsonObject(_ request: Request, context: AppRequestContext, emptyAllowed: Bool = false) async throws -> [String: JSONValue] {
    let body = try await request.body.collect(upTo: context.maxUploadSize)
    if emptyAllowed && body.readableBytes == 0 { return [:] }
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)), case .object(let object) = value else {
        throw ChatError(.badJSON, "The body must be a JSON object.")
    }
    return object
}

/// A JSON response with `status`.
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: .init(string: try FrameCoder.encode(value))))
}
