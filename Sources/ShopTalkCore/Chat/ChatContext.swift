/// Who is talking to which store: passed with every message through the pipeline.
public struct ChatContext: Sendable {
    /// What a session may see.
    public enum Role: String, Sendable, Hashable, Codable {
        case customer
        case owner
    }

    public var store: Store
    public var role: Role
    public var sessionID: String
    /// The client's network address, for per-address limits.
    public var clientAddress: String?
    /// Receives pieces of a streamed answer as they arrive (WebSocket clients).
    public var onDelta: (@Sendable (String) async -> Void)?

    public init(store: Store, role: Role, sessionID: String, clientAddress: String? = nil) {
        self.store = store
        self.role = role
        self.sessionID = sessionID
        self.clientAddress = clientAddress
    }
}
