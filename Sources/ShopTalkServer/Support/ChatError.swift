import HTTPTypes
import Hummingbird

/// An error a client is told about: an error frame on the socket, an HTTP status and JSON body on REST.
public struct ChatError: Error, Sendable, Equatable {
    /// The machine-readable code, as sent in `code`.
    public enum Code: String, Sendable {
        case badJSON = "bad_json"
        case unknownType = "unknown_type"
        case missingField = "missing_field"
        case tooLarge = "too_large"
        case rateLimited = "rate_limited"
        case unauthorized
        case notFound = "not_found"
        case `internal`
        /// REST only: the token is valid but for another store.
        case forbidden
        /// REST only: the body is well-formed JSON but its fields are wrong; see `fields`.
        case invalid
        /// REST only: the request conflicts with what is stored (a duplicate SKU or code).
        case conflict
        /// The server cannot take this now (shutting down, at its connection limit).
        case unavailable
    }

    public let code: Code
    /// A sentence a person can act on.
    public let message: String
    /// Field-level messages for `invalid`.
    public let fields: [String: String]

    public init(_ code: Code, _ message: String, fields: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// The HTTP status for REST answers.
    public var status: HTTPResponse.Status {
        switch code {
        case .badJSON, .unknownType, .missingField: return .badRequest
        case .tooLarge: return .contentTooLarge
        case .forbidden: return .forbidden
        case .invalid: return .unprocessableContent
        case .conflict: return .conflict
        case .rateLimited: return .tooManyRequests
        case .unauthorized: return .unauthorized
        case .notFound: return .notFound
        case .internal: return .internalServerError
        case .unavailable: return .serviceUnavailable
        }
    }
}

extension ChatError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = FrameCoder.encodeToString(ErrorBody(error: .init(code: code.rawValue, message: message, fields: fields.isEmpty ? nil : fields)))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: .init(string: body)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            var fields: [String: String]?
        }

        let error: Detail
    }
}

extension ChatError: CustomStringConvertible {
    /// The sentence, with the fields that were wrong: what the CLI prints after "Error: ".
    public var description: String {
        fields.isEmpty ? message : message + " " + fields.keys.sorted().map { "\($0): \(fields[$0] ?? "")" }.joined(separator: "; ")
    }
}
