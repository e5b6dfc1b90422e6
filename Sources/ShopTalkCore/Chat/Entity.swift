/// Something the extractor found in a message: its type, a normalised value, and where it stood.
///
/// `start` and `end` are offsets in Unicode code points (`end` exclusive) into the original text, as
/// Python indexes strings and JavaScript's `Array.from(text)` does.
public struct Entity: Sendable, Hashable, Codable {
    // Declared in key order: the synthesised encoding then writes its members in the order replies carry
    // them (sorted keys), and the frame writer never has to reorder them (issue 14's profile).
    public var end: Int
    public var start: Int
    public var text: String
    public var type: String
    public var value: JSONValue

    public init(type: String, value: JSONValue, text: String, start: Int, end: Int) {
        self.type = type
        self.value = value
        self.text = text
        self.start = start
        self.end = end
    }
}

extension Entity {
    /// Entity type names used on the wire.
    public enum Kind {
        public static let brand = "brand"
        public static let category = "category"
        public static let color = "color"
        public static let size = "size"
        public static let price = "price"
        public static let orderNumber = "order_number"
        public static let email = "email"
        public static let discountCode = "discount_code"
        public static let product = "product"
        /// A kind of thing shops sell that is not one of the store's categories ("yoga mat").
        public static let item = "item"
        public static let quantity = "quantity"
        public static let date = "date"
        public static let country = "country"
        public static let customerID = "customer_id"
    }
}
