/// A shop (tenant). Every row in the database belongs to exactly one store.
public struct Store: Sendable, Hashable, Codable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var currency: String

    public init(id: Int64, slug: String, name: String, currency: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.currency = currency
    }
}
