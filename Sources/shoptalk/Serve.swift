import ArgumentParser
import ServiceLifecycle
import Foundation
import Hummingbird
import ShopTalkCore
import ShopTalkServer

/// `shoptalk serve`: runs the chat server.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the chat server (seeds the demo store into an empty database)."
    )

    @Option(help: "Address to listen on. [env: SHOPTALK_HOST, default: 127.0.0.1]")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one. [env: SHOPTALK_PORT, default: 8080]")
    var port: Int?

    @Option(help: "SQLite database file, or a postgres://user@host:port/database URL for several instances on one PostgreSQL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]")
    var db: String?

    @Option(help: "Most connections to PostgreSQL this instance opens. [env: SHOPTALK_DB_POOL, default: 20]")
    var dbPool: Int?

    @Option(help: "Seconds an AI-credits hold must be old at start-up to be released as left by a dead process; 0 for a single instance. [env: SHOPTALK_STALE_HOLD_AGE, default: 0 on SQLite, 600 on PostgreSQL]")
    var staleHoldAge: Double?

    @Option(help: "Folder of static files served at /. [env: SHOPTALK_PUBLIC, default: ./Public]")
    var `public`: String?

    @Option(help: "Folder of NLU training data. [env: SHOPTALK_INTENTS, default: ./Intents]")
    var intents: String?

    @Option(help: "Folder where trained intent models are kept between starts, or off. [env: SHOPTALK_NLU_CACHE, default: ~/.cache/shoptalk]")
    var nluCache: String?

    @Option(help: "Pin the server's today (YYYY-MM-DD). [env: SHOPTALK_TODAY, default: the real clock]")
    var today: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical. [env: SHOPTALK_LOG_LEVEL, default: info]")
    var logLevel: String?

    @Option(help: "Minutes a session may stay idle before it expires. [env: SHOPTALK_SESSION_TTL, default: 30]")
    var sessionTtl: Double?

    @Option(help: "Messages per second a session may send. [env: SHOPTALK_RATE_LIMIT, default: 30]")
    var rateLimit: Double?

    @Option(help: "Messages a session may send in a burst. [env: SHOPTALK_RATE_BURST, default: 60]")
    var rateBurst: Double?

    @Option(help: "Base URL of an OpenAI-compatible endpoint, e.g. https://api.openai.com or http://127.0.0.1:11434. [env: SHOPTALK_LLM_URL, default: off]")
    var llmUrl: String?

    @Option(help: "Model name for the LLM. [env: SHOPTALK_LLM_MODEL, default: gpt-4o-mini]")
    var llmModel: String?

    @Option(help: "AI credit prices per feature, e.g. owner_query=0.5,product_description=0.1,fallback_chat=0.2. [env: SHOPTALK_CREDIT_PRICES]")
    var creditPrices: String?

    @Option(help: "AI credits a store may spend per day. [env: SHOPTALK_CREDIT_DAILY_CAP, default: 100]")
    var creditDailyCap: Double?

    @Option(help: "AI credits a store may spend per month. [env: SHOPTALK_CREDIT_MONTHLY_CAP, default: 2000]")
    var creditMonthlyCap: Double?

    @Option(help: "Balance below which owners get a low-credits alert. [env: SHOPTALK_CREDIT_LOW_THRESHOLD, default: 10]")
    var creditLowThreshold: Double?

    @Option(help: "AI calls a store may make per minute. [env: SHOPTALK_AI_CALLS_PER_MINUTE, default: 60]")
    var aiCallsPerMinute: Int?

    @Option(help: "Confidence below which a message is out of scope. [env: SHOPTALK_INTENT_THRESHOLD, default: 0.35]")
    var intentThreshold: Double?

    @Option(help: "Smallest gap between the top two intents. [env: SHOPTALK_INTENT_MARGIN, default: 0.05]")
    var intentMargin: Double?

    @Option(help: "Comma-separated origins (https://shop.example) whose pages may open chat connections besides this server's own; * allows all. [env: SHOPTALK_ALLOWED_ORIGINS]")
    var allowedOrigins: String?

    @Option(help: "Comma-separated host names this server is reached by (shop.example), besides --host and the loopback names; its own pages may chat from them. [env: SHOPTALK_SERVER_NAMES]")
    var serverName: String?

    @Option(help: "Open TCP connections (HTTP and WebSocket) allowed in total; lowered to fit the open-file limit. [env: SHOPTALK_MAX_CONNECTIONS, default: 20000]")
    var maxConnections: Int?

    @Option(help: "Open TCP connections allowed per client address. [env: SHOPTALK_MAX_CONNECTIONS_PER_ADDRESS, default: 256]")
    var maxConnectionsPerAddress: Int?

    @Option(help: "Seconds a new connection has to send a whole request head (then 408 and close). [env: SHOPTALK_HEAD_TIMEOUT, default: 10]")
    var headTimeout: Double?

    @Option(help: "Seconds an HTTP keep-alive connection may stay idle between requests. [env: SHOPTALK_IDLE_TIMEOUT, default: 60]")
    var idleTimeout: Double?

    @Option(help: "REST requests per second one client address may make; 0 turns it off. [env: SHOPTALK_HTTP_RATE_LIMIT, default: 50]")
    var httpRateLimit: Double?

    @Option(help: "REST request burst per client address. [env: SHOPTALK_HTTP_RATE_BURST, default: 100]")
    var httpRateBurst: Double?

    @Option(help: "New chat sessions one client address may start per minute; 0 turns it off. [env: SHOPTALK_NEW_SESSIONS_PER_MINUTE, default: 120]")
    var newSessionsPerMinute: Double?

    @Option(help: "Days after its last message that a conversation is deleted. [env: SHOPTALK_SESSION_RETENTION_DAYS, default: 30]")
    var sessionRetentionDays: Double?

    @Option(help: "Messages per second one client address may send across its sessions; 0 turns it off. [env: SHOPTALK_ADDRESS_RATE_LIMIT, default: 200]")
    var addressRateLimit: Double?

    @Option(help: "Message burst per client address. [env: SHOPTALK_ADDRESS_RATE_BURST, default: 400]")
    var addressRateBurst: Double?

    @Option(help: "Seconds a write may wait for a client that does not read before it is disconnected. [env: SHOPTALK_WRITE_TIMEOUT, default: 10]")
    var writeTimeout: Double?

    @Option(help: "Seconds shutdown waits for connections to finish their replies. [env: SHOPTALK_SHUTDOWN_GRACE, default: 10]")
    var shutdownGrace: Double?

    @Option(help: "SMTP relay for owners' alert emails, host or host:port (no TLS or login). [env: SHOPTALK_SMTP, default: off]")
    var smtp: String?

    @Option(help: "Sender address of alert emails. [env: SHOPTALK_SMTP_FROM, default: shoptalk@localhost]")
    var smtpFrom: String?

    @Option(help: "Seconds between rounds of the alert service: digests due and deliveries to retry. [env: SHOPTALK_ALERT_INTERVAL, default: 30]")
    var alertInterval: Double?

    @Option(help: "Comma-separated IP addresses of load balancers whose X-Forwarded-For names the client for the per-address limits. [env: SHOPTALK_TRUSTED_PROXIES, default: none]")
    var trustedProxies: String?

    @Option(help: "Hours after ordering that a shopper may change an order's delivery address. [env: SHOPTALK_ADDRESS_CHANGE_HOURS, default: 2]")
    var addressChangeHours: Double?

    @Option(help: "Days after delivery that a shopper may start a return. [env: SHOPTALK_RETURN_WINDOW_DAYS, default: 30]")
    var returnWindowDays: Double?

    @Option(help: "This instance's name in /health, /metrics and the logs: letters, digits, '.', '_', '-'. [env: SHOPTALK_INSTANCE_ID, default: host-pid]")
    var instanceId: String?

    @Flag(help: "Serve /bench/echo for `shoptalk bench ws` (never in production).")
    var benchEndpoints = false

    func run() async throws {
        var logger = try EnvironmentOptions.bootstrapLogging(level: EnvironmentOptions.resolve(logLevel, "SHOPTALK_LOG_LEVEL", default: "info"))
        var configuration = ServerConfiguration()
        configuration.host = EnvironmentOptions.resolve(host, "SHOPTALK_HOST", default: configuration.host)
        configuration.port = try EnvironmentOptions.resolve(port, "SHOPTALK_PORT", default: configuration.port)
        configuration.databasePath = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: configuration.databasePath)
        if PostgresLocation.isPostgres(configuration.databasePath) {
            do { _ = try PostgresLocation(url: configuration.databasePath) } catch { throw ValidationError("--db: \(error)") }
        }
        let pool = try EnvironmentOptions.resolve(dbPool, "SHOPTALK_DB_POOL", default: configuration.databasePoolSize)
        guard (2...500).contains(pool) else { throw ValidationError("--db-pool takes 2 to 500 connections, not \(pool).") }
        configuration.databasePoolSize = pool
        if let age = try EnvironmentOptions.resolve(staleHoldAge, "SHOPTALK_STALE_HOLD_AGE") {
            guard age.isFinite, (0...86_400).contains(age) else { throw ValidationError("--stale-hold-age takes 0 to 86400 seconds, not \(age).") }
            configuration.staleHoldAge = age
        }
        configuration.instanceID = EnvironmentOptions.resolve(instanceId, "SHOPTALK_INSTANCE_ID", default: configuration.instanceID)
        guard ServerConfiguration.isValidInstanceID(configuration.instanceID) else {
            throw ValidationError("--instance-id takes 1 to 64 letters, digits, '.', '_' or '-', not \(configuration.instanceID.prefix(80)).")
        }
        logger[metadataKey: "instance"] = .string(configuration.instanceID)
        configuration.publicDirectory = EnvironmentOptions.resolve(self.public, "SHOPTALK_PUBLIC", default: configuration.publicDirectory)
        configuration.intentsDirectory = EnvironmentOptions.resolve(intents, "SHOPTALK_INTENTS", default: configuration.intentsDirectory)
        if let cache = nluCache ?? EnvironmentOptions.string("SHOPTALK_NLU_CACHE") {
            configuration.nluCacheDirectory = cache == "off" ? nil : cache
        }
        if let day = today ?? EnvironmentOptions.string("SHOPTALK_TODAY") {
            guard let date = ShopClock.parseDay(day) else {
                throw ValidationError("--today must be a date like 2011-12-10, not \(day).")
            }
            configuration.today = date
        }
        configuration.logLevel = logger.logLevel
        configuration.sessionTTL = try EnvironmentOptions.resolve(sessionTtl, "SHOPTALK_SESSION_TTL", default: 30) * 60
        configuration.messagesPerSecond = try EnvironmentOptions.resolve(rateLimit, "SHOPTALK_RATE_LIMIT", default: configuration.messagesPerSecond)
        configuration.messageBurst = try EnvironmentOptions.resolve(rateBurst, "SHOPTALK_RATE_BURST", default: configuration.messageBurst)
        configuration.intentThreshold = try EnvironmentOptions.resolve(intentThreshold, "SHOPTALK_INTENT_THRESHOLD", default: configuration.intentThreshold)
        configuration.intentMargin = try EnvironmentOptions.resolve(intentMargin, "SHOPTALK_INTENT_MARGIN", default: configuration.intentMargin)
        configuration.llmURL = llmUrl ?? EnvironmentOptions.string("SHOPTALK_LLM_URL")
        configuration.llmModel = EnvironmentOptions.resolve(llmModel, "SHOPTALK_LLM_MODEL", default: configuration.llmModel)
        // The key comes only from the environment, so it never shows in a process list or shell history.
        configuration.llmAPIKey = EnvironmentOptions.string("SHOPTALK_LLM_API_KEY")
        if let url = configuration.llmURL, URL(string: url)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--llm-url must be an http(s) URL.")
        }
        if let prices = creditPrices ?? EnvironmentOptions.string("SHOPTALK_CREDIT_PRICES") {
            for pair in prices.split(separator: ",") {
                let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let feature = AIFeature(rawValue: parts[0]), let price = Double(parts[1]), price >= 0 else {
                    throw ValidationError("--credit-prices takes feature=credits pairs with features \(AIFeature.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                configuration.credits.prices[feature] = try Self.millicredits(price, option: "--credit-prices")
            }
        }
        configuration.credits.dailyCap = try Self.millicredits(EnvironmentOptions.resolve(creditDailyCap, "SHOPTALK_CREDIT_DAILY_CAP", default: 100), option: "--credit-daily-cap")
        configuration.credits.monthlyCap = try Self.millicredits(EnvironmentOptions.resolve(creditMonthlyCap, "SHOPTALK_CREDIT_MONTHLY_CAP", default: 2000), option: "--credit-monthly-cap")
        configuration.credits.lowBalanceThreshold = try Self.millicredits(EnvironmentOptions.resolve(creditLowThreshold, "SHOPTALK_CREDIT_LOW_THRESHOLD", default: 10), option: "--credit-low-threshold")
        configuration.credits.callsPerMinute = try EnvironmentOptions.resolve(aiCallsPerMinute, "SHOPTALK_AI_CALLS_PER_MINUTE", default: 60)
        if let proxies = trustedProxies ?? EnvironmentOptions.string("SHOPTALK_TRUSTED_PROXIES") {
            configuration.trustedProxies = proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let bad = configuration.trustedProxies.first(where: { !ServerConfiguration.isIPAddress($0) }) {
                throw ValidationError("--trusted-proxies takes IP addresses, not \(bad.prefix(60)).")
            }
        }
        if let origins = allowedOrigins ?? EnvironmentOptions.string("SHOPTALK_ALLOWED_ORIGINS") {
            configuration.allowedOrigins = origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let names = serverName ?? EnvironmentOptions.string("SHOPTALK_SERVER_NAMES") {
            configuration.serverNames = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        configuration.maxConnections = try EnvironmentOptions.resolve(maxConnections, "SHOPTALK_MAX_CONNECTIONS", default: configuration.maxConnections)
        configuration.maxConnectionsPerAddress = try EnvironmentOptions.resolve(maxConnectionsPerAddress, "SHOPTALK_MAX_CONNECTIONS_PER_ADDRESS", default: configuration.maxConnectionsPerAddress)
        configuration.addressMessagesPerSecond = try EnvironmentOptions.resolve(addressRateLimit, "SHOPTALK_ADDRESS_RATE_LIMIT", default: configuration.addressMessagesPerSecond)
        configuration.addressMessageBurst = try EnvironmentOptions.resolve(addressRateBurst, "SHOPTALK_ADDRESS_RATE_BURST", default: configuration.addressMessageBurst)
        configuration.writeTimeout = try EnvironmentOptions.resolve(writeTimeout, "SHOPTALK_WRITE_TIMEOUT", default: configuration.writeTimeout)
        configuration.shutdownGrace = try EnvironmentOptions.resolve(shutdownGrace, "SHOPTALK_SHUTDOWN_GRACE", default: configuration.shutdownGrace)
        if let relay = smtp ?? EnvironmentOptions.string("SHOPTALK_SMTP") {
            let parts = relay.split(separator: ":", maxSplits: 1).map(String.init)
            guard let host = parts.first, !host.isEmpty, parts.count == 1 || Int(parts[1]).map({ (1...65_535).contains($0) }) == true else {
                throw ValidationError("--smtp must be a host or host:port, not \(relay).")
            }
            configuration.smtpHost = host
            configuration.smtpPort = parts.count == 2 ? Int(parts[1]) ?? 25 : 25
        }
        configuration.smtpFrom = EnvironmentOptions.resolve(smtpFrom, "SHOPTALK_SMTP_FROM", default: configuration.smtpFrom)
        let addressHours = try EnvironmentOptions.resolve(addressChangeHours, "SHOPTALK_ADDRESS_CHANGE_HOURS", default: 2.0)
        let returnDays = try EnvironmentOptions.resolve(returnWindowDays, "SHOPTALK_RETURN_WINDOW_DAYS", default: 30.0)
        guard (0...720).contains(addressHours), (0...3_650).contains(returnDays) else {
            throw ValidationError("--address-change-hours takes 0 to 720 and --return-window-days 0 to 3650.")
        }
        configuration.orderActions = OrderActionPolicy(addressWindow: addressHours * 3_600, returnWindow: returnDays * 86_400)
        configuration.alertInterval = try EnvironmentOptions.resolve(alertInterval, "SHOPTALK_ALERT_INTERVAL", default: configuration.alertInterval)
        guard configuration.alertInterval >= 1, configuration.alertInterval <= 3_600 else {
            throw ValidationError("--alert-interval must be between 1 and 3600 seconds.")
        }
        configuration.headTimeout = try EnvironmentOptions.resolve(headTimeout, "SHOPTALK_HEAD_TIMEOUT", default: configuration.headTimeout)
        configuration.idleTimeout = try EnvironmentOptions.resolve(idleTimeout, "SHOPTALK_IDLE_TIMEOUT", default: configuration.idleTimeout)
        configuration.httpRequestsPerSecond = try EnvironmentOptions.resolve(httpRateLimit, "SHOPTALK_HTTP_RATE_LIMIT", default: configuration.httpRequestsPerSecond)
        configuration.httpRequestBurst = try EnvironmentOptions.resolve(httpRateBurst, "SHOPTALK_HTTP_RATE_BURST", default: configuration.httpRequestBurst)
        configuration.newSessionsPerMinute = try EnvironmentOptions.resolve(newSessionsPerMinute, "SHOPTALK_NEW_SESSIONS_PER_MINUTE", default: configuration.newSessionsPerMinute)
        configuration.sessionRetentionDays = try EnvironmentOptions.resolve(sessionRetentionDays, "SHOPTALK_SESSION_RETENTION_DAYS", default: configuration.sessionRetentionDays)
        configuration.benchEndpoints = benchEndpoints
        guard configuration.maxConnections > 0, configuration.maxConnectionsPerAddress > 0, configuration.writeTimeout > 0 else {
            throw ValidationError("Connection limits and the write timeout must be greater than 0.")
        }
        for (name, seconds) in [("--head-timeout", configuration.headTimeout), ("--idle-timeout", configuration.idleTimeout), ("--write-timeout", configuration.writeTimeout)] {
            guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(name) takes seconds from above 0 to 86400.") }
        }
        guard configuration.sessionRetentionDays > 0, configuration.sessionRetentionDays <= 36_500 else {
            throw ValidationError("--session-retention-days takes a number of days from above 0 to 36500.")
        }
        // Every connection holds a file descriptor: take as many as the hard limit allows, and keep the
        // connection limit below what we got, so that the server refuses a connection before accept fails.
        let files = OpenFileLimit.raise()
        let fitting = max(1, files.soft - OpenFileLimit.reserve)
        logger.info("Open-file limit", metadata: ["files.soft": "\(files.soft)", "files.hard": "\(files.hard)"])
        if configuration.maxConnections > fitting {
            logger.notice("Lowered the connection limit to fit the open-file limit", metadata: [
                "connections.asked": "\(configuration.maxConnections)", "connections.limit": "\(fitting)",
            ])
            configuration.maxConnections = fitting
        }
        guard (0...65535).contains(configuration.port) else {
            throw ValidationError("The port must be between 0 and 65535.")
        }
        let gate = ConnectionGate(limits: .init(total: configuration.maxConnections, perAddress: configuration.maxConnectionsPerAddress))
        let app = try await buildApplication(configuration: configuration, gate: gate, logger: logger)
        // On SIGTERM or SIGINT the drain runs first (it is listed last): open chats finish the reply they
        // are working on and close with 1001; then the HTTP server stops and pending writes are flushed.
        let services = ServiceGroup(configuration: .init(
            services: [app, ConnectionDrainService(gate: gate, timeout: .milliseconds(Int(rounding: configuration.shutdownGrace * 1000) ?? 10_000))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await services.run()
        logger.info("ShopTalk stopped")
    }

    /// Credits from an option as millicredits, refusing what is negative, not a number or absurdly large.
    static func millicredits(_ credits: Double, option: String) throws -> Int {
        guard let millicredits = Int(scaling: credits, by: 1000, within: 0...1_000_000_000) else {
            throw ValidationError("\(option) takes credits from 0 to 1,000,000,000.")
        }
        return millicredits
    }
}
