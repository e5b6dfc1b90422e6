/// The handlers the routes reach, built once at the composition root and handed to the engine, so
/// that a test or another shop can swap one.
public struct HandlerTable: Sendable {
    /// The handler for each intent; an intent without one goes to `fallback`.
    public var byIntent: [String: any ChatHandler]
    public var fallback: any ChatHandler
    public var amountTooLarge: any ChatHandler
    public var describeProduct: any ChatHandler
    /// Present when the shop has an AI-credits ledger.
    public var aiCredits: (any ChatHandler)?
    /// Present when the shop keeps an alert history.
    public var alerts: (any ChatHandler)?

    public init(
        byIntent: [String: any ChatHandler], fallback: any ChatHandler, amountTooLarge: any ChatHandler,
        describeProduct: any ChatHandler, aiCredits: (any ChatHandler)?
    ) {
        self.byIntent = byIntent
        self.fallback = fallback
        self.amountTooLarge = amountTooLarge
        self.describeProduct = describeProduct
        self.aiCredits = aiCredits
    }

    /// The handler for `route`.
    public func handler(for route: Route, intent: String) -> any ChatHandler {
        switch route {
        case .amountTooLarge: amountTooLarge
        case .describeProduct: describeProduct
        case .aiCredits: aiCredits ?? byIntent[intent] ?? fallback
        case .ownerAlerts: alerts ?? byIntent[intent] ?? fallback
        case .intent(let name): byIntent[name] ?? fallback
        }
    }

    /// Every handler ShopTalk has, over `stores`.
    public static func standard(
        stores: ChatEngine.Stores, extractor: EntityExtractor, clock: ShopClock, lookupGuard: LookupGuard? = nil,
        assistant: AIAssistant? = nil, encoder: StaticEncoder? = nil
    ) -> HandlerTable {
        let book = PolicyBook(store: stores.policies, encoder: encoder)
        let catalog = stores.catalog
        let smallTalk = SmallTalkHandler()
        let search = CatalogHandler(catalog: catalog, extractor: extractor)
        let info = ProductInfoHandler(catalog: catalog)
        let deals = DiscountHandler(discounts: stores.discounts, catalog: catalog, clock: clock)
        let guardrail = lookupGuard ?? LookupGuard(clock: clock)
        var byIntent: [String: any ChatHandler] = [
            Intent.Name.greeting: smallTalk,
            Intent.Name.goodbye: smallTalk,
            Intent.Name.thanks: smallTalk,
            Intent.Name.help: smallTalk,
            Intent.Name.outOfScope: smallTalk,
            Intent.Name.findProducts: search,
            Intent.Name.productRecommendation: RecommendationHandler(catalog: catalog, history: stores.history),
            Intent.Name.productDetails: info,
            Intent.Name.priceInquiry: info,
            Intent.Name.checkStock: info,
            Intent.Name.findDiscounts: deals,
            Intent.Name.applyDiscount: deals,
            Intent.Name.complaint: ComplaintHandler(tickets: stores.tickets, clock: clock),
            Intent.Name.returnRefund: ReturnRefundHandler(tickets: stores.tickets, clock: clock, book: book),
            Intent.Name.humanHandoff: HumanHandoffHandler(tickets: stores.tickets, clock: clock, book: book, handoffs: stores.handoffs),
            Intent.Name.storePolicy: StorePolicyHandler(book: book),
            Intent.Name.giftIdeas: GiftIdeasHandler(catalog: catalog),
            Intent.Name.orderStatus: OrderStatusHandler(orders: stores.orders, guardrail: guardrail),
            Intent.Name.businessQuery: AnalyticsHandler(analytics: stores.analytics, clock: clock),
        ]
        if let loyalty = stores.loyalty {
            byIntent[Intent.Name.loyalty] = LoyaltyHandler(loyalty: loyalty, orders: stores.orders, guardrail: guardrail, clock: clock)
        }
        if let actions = stores.orderActions {
            byIntent[Intent.Name.orderAction] = OrderActionHandler(orders: stores.orders, actions: actions, guardrail: guardrail,
                                                                   policy: stores.orderActionPolicy, clock: clock)
        }
        return HandlerTable(
            byIntent: byIntent, fallback: smallTalk, amountTooLarge: AmountTooLargeHandler(),
            describeProduct: DescriptionWriter(catalog: catalog, assistant: assistant),
            aiCredits: stores.credits.map { CreditsHandler(report: $0, clock: clock) }
        )
    }
}
