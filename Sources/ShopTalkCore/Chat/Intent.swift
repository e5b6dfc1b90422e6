/// A classified intent and the classifier's confidence in it, in [0, 1].
public struct Intent: Sendable, Hashable, Codable {
    // Declared in key order: the synthesised encoding then writes its members in the order replies carry
    // them (sorted keys), and the frame writer never has to reorder them (issue 14's profile).
    public var confidence: Double
    public var name: String

    public init(name: String, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}

extension Intent {
    /// The canonical intent names replies carry in `intent.name`.
    public enum Name {
        public static let greeting = "greeting"
        public static let goodbye = "goodbye"
        public static let thanks = "thanks"
        public static let help = "help"
        public static let findProducts = "find_products"
        public static let productDetails = "product_details"
        public static let productRecommendation = "product_recommendation"
        public static let priceInquiry = "price_inquiry"
        public static let checkStock = "check_stock"
        public static let findDiscounts = "find_discounts"
        public static let applyDiscount = "apply_discount"
        public static let orderStatus = "order_status"
        public static let complaint = "complaint"
        public static let businessQuery = "business_query"
        public static let outOfScope = "out_of_scope"
        public static let humanHandoff = "human_handoff"
        public static let returnRefund = "return_refund"
        public static let storePolicy = "store_policy"
        public static let giftIdeas = "gift_ideas"
        /// Not classified: the dialogue policy routes cancellations, address changes and returns here.
        public static let orderAction = "order_action"
        /// Not classified: the dialogue policy routes points questions here.
        public static let loyalty = "loyalty"

        public static let all = [
            greeting, goodbye, thanks, help, findProducts, productDetails, productRecommendation, priceInquiry,
            checkStock, findDiscounts, applyDiscount, orderStatus, complaint, businessQuery, outOfScope,
            humanHandoff, returnRefund, storePolicy, giftIdeas,
        ]

        /// The handler an intent reaches: intents that share one answer each other's messages (a list
        /// request answered by a search or a recommendation is answered either way).
        public static func route(_ intent: String) -> String {
            switch intent {
            case findProducts, productRecommendation, giftIdeas: "catalog"
            case productDetails, priceInquiry, checkStock: "product_info"
            case findDiscounts, applyDiscount: "discounts"
            default: intent
            }
        }
    }
}
