/// Who is talking to which store: passed with every message through the pipeline.
public struct ChatContext: Sendable, Hashable {
    /// What a session may see.
    public enum Role: String, Sendable, Hashable, Codable {
        case customer
        case owner
    }

    public var store: Store
    public var role: Role
    public var sessionID: String

    public init(store: Store, role: Role, sessionID: String) {
        self.store = store
        self.role = role
        self.sessionID = sessionID
    }
}
