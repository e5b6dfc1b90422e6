/// Everything a session remembers between messages. It is `Codable` so the store can persist it with
/// each turn, which is how it survives reconnects and server restarts.
public struct ConversationState: Sendable, Hashable, Codable {
    /// What the shopper has narrowed the catalog to so far.
    public struct Slots: Sendable, Hashable, Codable {
        public var category: String?
        public var brand: String?
        public var color: String?
        public var size: String?
        public var minPrice: Money?
        public var maxPrice: Money?
        /// The shopper asked for cheap or budget options.
        public var preferCheap: Bool?

        public init() {}

        public var isEmpty: Bool {
            category == nil && brand == nil && color == nil && size == nil && minPrice == nil && maxPrice == nil
        }
    }

    /// The schema of the stored state: 2 since pending questions became `PendingQuestion` (a state
    /// stored without a version is version 1, and still decodes).
    public static let currentVersion = 2

    public var slots = Slots()
    /// Free-text terms of the last search ("running", "noise cancelling").
    public var searchText: String?
    /// Ids of the products last shown, in the order shown.
    public var lastShown: [Int64] = []
    /// Zero-based page of the last search.
    public var page = 0
    /// The question the assistant is waiting for an answer to.
    public var pending: PendingQuestion?
    /// Intent of the previous message, for follow-ups.
    public var lastIntent: String?
    /// The owner's previous analytics question, for follow-ups ("and in Germany?").
    public var lastQuery: SalesQuery?
    /// Entities of a question waiting for the owner to pick a product.
    public var analyticsEntities: [Entity]?
    /// Codes of the discounts last shown, for "apply the first code".
    public var lastCodes: [String]?
    /// The product being talked about ("it", "this one"), once one was picked out of a list.
    public var focus: Int64?
    /// The order number last looked up, so that a complaint or return that follows carries it.
    public var lastOrderNumber: String?
    /// The email whose points this conversation proved it may see (the email and number of one of its orders).
    public var pointsEmail: String?
    /// The handoff to a person this conversation has open (queued, live or waiting for an email).
    public var handoffID: Int64?
    /// Out-of-scope answers in a row (stored optional, so that states written before it still decode).
    public var misunderstoodRun: Int?
    public var misunderstood: Int {
        get { misunderstoodRun ?? 0 }
        set { misunderstoodRun = newValue == 0 ? nil : newValue }
    }
    /// Number of messages handled in this session.
    public var turns = 0
    /// `currentVersion` when written; absent in states written before versions.
    public var version: Int? = ConversationState.currentVersion

    public init() {}
}
