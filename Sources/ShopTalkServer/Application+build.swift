import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ShopTalkCore

/// Builds the ShopTalk server: opens (and on first start seeds) the database, wires the chat pipeline
/// to the WebSocket and HTTP routes, and returns the application ready to run.
///
/// - Parameters:
///   - configuration: Settings from the command line or a test.
///   - database: A database to use instead of opening `configuration.databasePath` (tests).
///   - language: A trained language model to use instead of training from `configuration.intentsDirectory`.
///   - logger: The root logger.
public func buildApplication(
    configuration: ServerConfiguration,
    database: AppDatabase? = nil,
    language: LanguageModel? = nil,
    gate: ConnectionGate? = nil,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let gate = gate ?? ConnectionGate(limits: .init(total: configuration.maxConnections, perAddress: configuration.maxConnectionsPerAddress))
    let clock = configuration.clock
    let language = try language ?? {
        let model = try LanguageModel.train(
            directory: configuration.intentsDirectory, threshold: configuration.intentThreshold, margin: configuration.intentMargin,
            cache: configuration.nluCacheDirectory.map(IntentModelCache.init(directory:))
        )
        logger.info("Trained the intent classifier", metadata: [
            "nlu.examples": "\(model.exampleCount)", "nlu.intents": "\(model.classifier.model.labels.count)",
            "nlu.training_ms": "\(model.trainingTime.inMilliseconds)", "nlu.cache": "\(model.cacheOutcome ?? "off")",
        ])
        return model
    }()
    let storage: ServerStorage
    if let database {
        storage = try await .sqlite(database, configuration: configuration, logger: logger)
    } else if PostgresLocation.isPostgres(configuration.databasePath) {
        storage = try await .postgres(try PostgresLocation(url: configuration.databasePath), configuration: configuration, logger: logger)
    } else {
        storage = try await .sqlite(try AppDatabase.open(path: configuration.databasePath), configuration: configuration, logger: logger)
    }
    let metrics = ShopMetrics(instance: configuration.instanceID)
    let writer = TurnWriter(store: storage.conversations, logger: logger)
    let sessions = SessionManager(
        store: storage.conversations, writer: writer, clock: clock, ttl: configuration.sessionTTL,
        rateLimit: .init(perSecond: configuration.messagesPerSecond, burst: configuration.messageBurst),
        newSessionsPerMinute: configuration.newSessionsPerMinute, retention: configuration.sessionRetentionDays * 86_400, logger: logger,
        locks: storage.locks
    )
    let catalog = storage.catalog
    let alerts = AlertHub()
    let mailer = configuration.smtpHost.map { SMTPMailer(host: $0, port: configuration.smtpPort, from: configuration.smtpFrom) }
    let alertCenter = AlertCenter(rows: storage.alertRows(storage.outbox), hub: alerts, clock: clock, mailer: mailer, logger: logger)
    let ledger = storage.ledger(configuration.credits, clock) { storeID, alert in
        let message = alert.kind == "credits_depleted" ? "AI credits are used up; AI answers are paused until you add credits."
            : "AI credits are running low: \(alert.balance) left."
        Task { await alertCenter.record(kind: alert.kind, subject: alert.kind, message: message, data: alert, storeID: storeID) }
    }
    var assistant: AIAssistant?
    if let url = configuration.llmURL.flatMap(URL.init(string:)) {
        let released = try await ledger.releaseStaleHolds(olderThan: configuration.staleHoldAge ?? storage.staleHoldAge)
        let client = OpenAICompatibleClient(
            baseURL: url, model: configuration.llmModel, apiKey: configuration.llmAPIKey,
            connectTimeout: configuration.llmConnectTimeout, totalTimeout: configuration.llmTotalTimeout, logger: logger
        )
        assistant = AIAssistant(
            client: client, credits: ledger,
            policies: "Orders ship in 1-2 working days; delivery takes 3-5 days. Returns are free within 30 days. Prices include tax.",
            customerNames: storage.customerNames
        )
        logger.info("Language model enabled", metadata: ["llm.model": "\(configuration.llmModel)", "credits.stale_holds_released": "\(released)"])
    }
    let orderActions = OrderActionAlerts(base: storage.orderActions, center: alertCenter) { storeID in
        (try? await storage.stores.store(id: storeID))?.currency ?? "USD"
    }
    let stores = ChatEngine.Stores(
        catalog: catalog, orders: storage.orders, discounts: storage.discounts,
        tickets: storage.tickets, history: storage.history, analytics: storage.analytics, credits: ledger,
        policies: storage.policies, orderActions: orderActions, orderActionPolicy: configuration.orderActions, loyalty: storage.loyalty,
        handoffs: storage.handoffs
    )
    let lookupGuard = LookupGuard(maxFailures: configuration.maxFailedLookups, clock: clock, store: storage.lookupAttempts(clock))
    let policyBook = PolicyBook(store: storage.policies, encoder: language.classifier.model.encoder)
    var handlers = HandlerTable.standard(stores: stores, extractor: language.extractor, clock: clock, lookupGuard: lookupGuard, assistant: assistant,
                                         encoder: language.classifier.model.encoder)
    handlers.alerts = AlertsHandler(book: alertCenter, clock: clock)
    let engine = ChatEngine(
        classifier: language.classifier, extractor: language.extractor, stores: stores, clock: clock,
        handlers: handlers,
        router: .standard(catalog: catalog, orderActions: true, loyalty: true), access: AccessPolicy(), assistant: assistant
    )
    let handoffs = HandoffService(
        rows: storage.handoffs, relay: HandoffRelay(rows: storage.handoffs, hub: alerts, outbox: storage.outbox, logger: logger),
        tickets: storage.tickets, alertCenter: alertCenter, engine: engine, conversations: storage.conversations, clock: clock, logger: logger
    )
    let chat = ChatService(
        sessions: sessions, stores: StoreDirectory(rows: storage.stores), engine: engine, writer: writer,
        clock: clock, metrics: metrics, tokens: storage.tokens, alerts: alerts, alertCenter: alertCenter,
        addressLimiter: AddressRateLimiter(rate: configuration.addressMessagesPerSecond, burst: configuration.addressMessageBurst),
        addresses: ClientAddressResolver(trusted: configuration.trustedProxies), handoffs: handoffs
    )
    // Other instances' alerts and catalog changes arrive through the outbox (PostgreSQL).
    let follower = storage.outbox.map { outbox in
        EventFollower(outbox: outbox, logger: logger) { event in
            storage.apply(event)
            alerts.relay(event, localInstance: configuration.instanceID)
            handoffs.relay.relay(event, localInstance: configuration.instanceID)
        }
    }
    let limits = ClientFrame.Limits(maxTextLength: configuration.maxTextLength, maxFrameBytes: configuration.maxFrameBytes)

    let auth = OwnerAuth(tokens: storage.tokens, stores: chat.stores, clock: clock)
    var storeAPI: StoreAPIController?
    var catalogAPI: CatalogAdminController?
    if let database = storage.sqlite, let catalog = catalog as? SQLiteCatalog {
        storeAPI = StoreAPIController(auth: auth, orders: OrderDesk(database: database, catalog: catalog), clock: clock, alertCenter: alertCenter)
        catalogAPI = CatalogAdminController(auth: auth, admin: CatalogAdmin(database: database, catalog: catalog),
                                            discounts: DiscountAdmin(database: database, catalog: catalog), clock: clock, alertCenter: alertCenter)
    } else if let catalog = catalog as? PostgresCatalog, let orders = storage.orders as? PostgresOrders {
        storeAPI = StoreAPIController(auth: auth, orders: PostgresOrderDesk(catalog: catalog, orders: orders), clock: clock, alertCenter: alertCenter)
        catalogAPI = CatalogAdminController(auth: auth, admin: PostgresCatalogAdmin(catalog: catalog),
                                            discounts: PostgresDiscountAdmin(catalog: catalog), clock: clock, alertCenter: alertCenter)
    }
    let router = buildRouter(
        configuration: configuration, storage: storage, chat: chat, metrics: metrics, limits: limits, auth: auth, storeAPI: storeAPI, catalogAPI: catalogAPI,
        credits: CreditsController(auth: auth, ledger: ledger, clock: clock),
        alertCenter: alertCenter, follower: follower, policyBook: policyBook, orderActions: orderActions, logger: logger
    )
    let refusals = UpgradeRefusals()
    let sweeper = SlowConsumerSweeper(timeout: .milliseconds(Int(rounding: configuration.writeTimeout * 1000) ?? 10_000), logger: logger)
    let webSocketRouter = buildWebSocketRouter(
        chat: chat, limits: limits, configuration: configuration, refusals: refusals, gate: gate, sweeper: sweeper
    )
    let host = configuration.host
    return Application(
        router: router,
        server: .guardedHTTP1WebSocketUpgrade(
            webSocketRouter: webSocketRouter,
            configuration: .init(
                http1: .init(additionalChannelHandlers: [RefusedUpgradeWriter(refusals: refusals)]),
                // Close reasons that are not UTF-8 get 1007; message text is checked by `FrameAssembler`.
                ws: .init(maxFrameSize: configuration.maxWireFrameBytes, validateUTF8: true)
            ),
            limits: .init(
                headTimeout: .milliseconds(Int64(rounding: configuration.headTimeout * 1000) ?? 10_000),
                idleTimeout: .milliseconds(Int64(rounding: configuration.idleTimeout * 1000) ?? 60_000),
                writeTimeout: .milliseconds(Int64(rounding: configuration.writeTimeout * 1000) ?? 10_000)
            ),
            gate: gate, sweeper: sweeper
        ),
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: "shoptalk"),
        services: storage.services + (follower.map { [$0] } ?? []) + [
            writer, sweeper, AlertDeliveryService(center: alertCenter, interval: .seconds(configuration.alertInterval)),
            HandoffSweeper(service: handoffs, interval: .seconds(min(configuration.alertInterval, 15))),
            LoyaltyBonusService(loyalty: storage.loyalty, storeIDs: storage.storeIDs, clock: clock, interval: .seconds(configuration.alertInterval), logger: logger),
            SessionSweeper(sessions: sessions, interval: .seconds(60), purgeEvery: configuration.sessionPurgeInterval, logger: logger),
        ],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.info("ShopTalk is ready", metadata: [
                "widget.url": "http://\(host):\(port)/",
                "chat.url": "ws://\(host):\(port)/chat?store=\(DemoStore.slug)",
            ])
        },
        logger: logger
    )
}

/// The HTTP routes: health, metrics, REST chat and the static files of Public/, the owner REST API.
func buildRouter(
    configuration: ServerConfiguration, storage: ServerStorage, chat: ChatService, metrics: ShopMetrics, limits: ClientFrame.Limits,
    auth: OwnerAuth, storeAPI: StoreAPIController?, catalogAPI: CatalogAdminController?, credits: CreditsController,
    alertCenter: AlertCenter, follower: EventFollower?,
    policyBook: PolicyBook, orderActions: any OrderActionStore, logger: Logger
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let routes = RouteTable()
    router.add(middleware: EdgeMiddleware(
        addresses: chat.addresses,
        limiter: AddressRateLimiter(rate: configuration.httpRequestsPerSecond, burst: configuration.httpRequestBurst), routes: routes
    ))
    router.add(middleware: FileMiddleware(configuration.publicDirectory, searchForIndexHtml: true, logger: logger))
    var events: (@Sendable () -> EventFollower.Position)?
    if let follower { events = { follower.position } }
    HealthController(
        isHealthy: storage.isHealthy, backend: storage.backend, events: events,
        metrics: metrics, instance: configuration.instanceID, startedAt: .now
    ).addRoutes(to: router)
    ChatAPIController(chat: chat, limits: limits).addRoutes(to: router)
    catalogAPI?.addRoutes(to: router)
    credits.addRoutes(to: router)
    storeAPI?.addRoutes(to: router)
    InsightsController(auth: auth, analytics: storage.analytics, clock: configuration.clock).addRoutes(to: router)
    AlertsController(auth: auth, center: alertCenter).addRoutes(to: router)
    PoliciesController(auth: auth, book: policyBook, clock: configuration.clock).addRoutes(to: router)
    OrderActionsController(auth: auth, orders: storage.orders, actions: orderActions, clock: configuration.clock).addRoutes(to: router)
    LoyaltyController(auth: auth, loyalty: storage.loyalty, clock: configuration.clock).addRoutes(to: router)
    if let handoffs = chat.handoffs { HandoffController(auth: auth, service: handoffs).addRoutes(to: router) }
    routes.register(router.routes)
    return router
}

/// The routes that may upgrade to a WebSocket.
func buildWebSocketRouter(
    chat: ChatService, limits: ClientFrame.Limits, configuration: ServerConfiguration, refusals: UpgradeRefusals, gate: ConnectionGate,
    sweeper: SlowConsumerSweeper
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    ChatSocketController(
        chat: chat, limits: limits, maxBadFrames: configuration.maxBadFrames, refusals: refusals, gate: gate,
        origins: OriginPolicy(allowed: configuration.allowedOrigins, serverNames: configuration.ownNames),
        sweeper: sweeper
    ).addRoutes(to: router)
    if configuration.benchEndpoints {
        // The transport's own limit, for `shoptalk bench ws`: every text frame comes straight back.
        router.ws("/bench/echo") { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { try await outbound.write(.text(text)) }
            }
        }
    }
    return router
}
