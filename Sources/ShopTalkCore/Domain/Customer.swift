/// A shopper known to a store.
public struct Customer: Sendable, Hashable, Codable {
    public var id: Int64
    /// The store's own identifier for the customer (a CustomerID from an import, or a generated one).
    public var externalID: String
    public var name: String
    public var email: String
    public var country: String

    public init(id: Int64, externalID: String, name: String, email: String, country: String) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.email = email
        self.country = country
    }
}
