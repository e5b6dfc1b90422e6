import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The first middleware of every HTTP request.
///
/// - A path with a control character once decoded (`/index.html%00.js`) is refused with 400 before any
///   route or file lookup sees it.
/// - REST requests (`/api/…`) take a token from their client address's bucket; an empty bucket is 429.
/// - A path that exists with other methods is answered 405 with `Allow`, not 404.
/// - Every answer, errors included, carries the headers a security review expects; pages also get a
///   Content-Security-Policy, and the owner console may not be framed at all.
struct EdgeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let addresses: ClientAddressResolver
    let limiter: AddressRateLimiter
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await checkedResponse(request, context: context, next: next)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        Self.addSecurityHeaders(to: &response, path: request.uri.path)
        return response
    }

    private func checkedResponse(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let decoded = path.removingPercentEncoding ?? path
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ChatError(.badJSON, "The path holds a control character.")
        }
        if path.hasPrefix("/api/"), !limiter.take(addresses.address(peer: context.remoteAddress, headers: request.headers), now: .now) {
            throw ChatError(.rateLimited, "Too many requests from your address; slow down and try again in a moment.")
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = routes.methods(forPath: path), !allowed.contains(request.method) else { throw error }
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            if request.method == .options {
                return Response(status: .noContent, headers: headers)
            }
            var response = try ChatError(.unknownType, "\(request.method.rawValue) is not allowed here; use \(headers[.allow] ?? "GET").")
                .response(from: request, context: context)
            response.status = .methodNotAllowed
            response.headers[.allow] = headers[.allow]
            return response
        }
    }

    /// nosniff and a referrer policy on everything; a CSP on pages, with framing refused for the owner console.
    static func addSecurityHeaders(to response: inout Response, path: String) {
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        let isPage = path == "/" || path.hasSuffix("/") || path.hasSuffix(".html")
        guard isPage else { return }
        let framing = path.hasSuffix("owner.html") ? "'none'" : "'self'"
        response.headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors \(framing)"
        if framing == "'none'" { response.headers[.xFrameOptions] = "DENY" }
    }
}

/// The paths the router serves and the methods of each, to tell "wrong method" (405) from "no such
/// path" (404). Filled once the routes are registered.
final class RouteTable: Sendable {
    private let entries = Mutex<[(segments: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    func register(_ routes: [Router<AppRequestContext>.RouteDescription]) {
        var byPath: [String: Set<HTTPRequest.Method>] = [:]
        for route in routes { byPath["\(route.path)", default: []].insert(route.method) }
        entries.withLock { entries in
            entries = byPath.map { (path, methods) in (path.split(separator: "/"), methods) }
        }
    }

    /// The methods of the route whose pattern matches `path` (":name" and "*" match one segment, "**"
    /// the rest), or nil when none does.
    func methods(forPath path: String) -> Set<HTTPRequest.Method>? {
        let segments = path.split(separator: "/")
        return entries.withLock { entries in
            entries.first { Self.matches($0.segments, segments) }?.methods
        }
    }

    private static func matches(_ pattern: [Substring], _ segments: [Substring]) -> Bool {
        for (index, part) in pattern.enumerated() {
            if part == "**" { return true }
            guard index < segments.count else { return false }
            if part.hasPrefix(":") || part == "*" || part.hasPrefix("{") { continue }
            if part != segments[index] { return false }
        }
        return pattern.count == segments.count
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
