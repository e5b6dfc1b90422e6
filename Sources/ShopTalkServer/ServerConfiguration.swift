import Foundation
import Logging
import ShopTalkCore

/// Everything `shoptalk serve` can be told, with the defaults a fresh clone runs with.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port = 8080
    /// A SQLite file, or a `postgres://user@host:port/database` URL for the PostgreSQL backend.
    public var databasePath = "./shoptalk.sqlite"
    /// Most connections this instance opens to PostgreSQL.
    public var databasePoolSize = 20
    /// How old an AI-credits hold must be, at start-up, to count as left by a process that died mid-call
    /// and be released. nil: the backend's default (0 on SQLite, where one process owns the file; 600 s on
    /// PostgreSQL, where a younger hold may belong to another live instance).
    public var staleHoldAge: TimeInterval?
    /// This instance's name in `/health`, `/metrics` and its logs, so that the instances behind one load
    /// balancer can be told apart: letters, digits, '.', '_' and '-', at most 64.
    public var instanceID = ServerConfiguration.defaultInstanceID
    public var publicDirectory = "./Public"
    public var intentsDirectory = "./Intents"
    /// Where trained intent models are kept between starts (see `IntentModelCache`); nil trains every
    /// start. The default is the user's cache folder: `$XDG_CACHE_HOME/shoptalk`, else `~/.cache/shoptalk`.
    public var nluCacheDirectory: String? = IntentModelCache.userFolder
    /// Pins the server's today; nil uses the real clock.
    public var today: Date?
    public var logLevel: Logger.Level = .info
    /// Sessions idle longer than this expire.
    public var sessionTTL: TimeInterval = 30 * 60
    /// Messages per second a session may send, sustained.
    public var messagesPerSecond: Double = 30
    /// Messages a session may send in a burst.
    public var messageBurst: Double = 60
    /// Consecutive invalid frames after which a connection is closed with 1008.
    public var maxBadFrames = 20
    /// Longest message text in characters.
    public var maxTextLength = 4_000
    /// Largest accepted frame in bytes; larger frames get `too_large`.
    public var maxFrameBytes = 16 * 1024
    /// Frames larger than this are refused by the WebSocket layer itself (close 1009).
    public var maxWireFrameBytes = 2 * 1024 * 1024
    /// Below this probability an intent is not trusted and the message is out of scope.
    public var intentThreshold = 0.35
    /// When the top two intents are closer than this, the message is out of scope.
    public var intentMargin = 0.05
    /// Failed order lookups (per session and per address, within 10 minutes) before a 10-minute lockout.
    public var maxFailedLookups = 5
    /// Base URL of an OpenAI-compatible endpoint; nil keeps the assistant offline.
    public var llmURL: String?
    public var llmModel = "gpt-4o-mini"
    /// Sent as a Bearer token; never logged or echoed.
    public var llmAPIKey: String?
    /// Seconds to wait for the model to start answering, and for the whole answer.
    public var llmConnectTimeout: TimeInterval = 10
    public var llmTotalTimeout: TimeInterval = 60
    /// When shoppers may cancel, change the delivery address, and start a return.
    public var orderActions = OrderActionPolicy()
    /// Prices, caps and alert threshold of AI credits.
    public var credits = CreditLedger.Policy()
    /// An SMTP relay for alert emails (no TLS or login: a relay on this host or network); nil sends none.
    public var smtpHost: String?
    public var smtpPort = 25
    public var smtpFrom = "shoptalk@localhost"
    /// Seconds between rounds of the alert service (digests due, deliveries to retry).
    public var alertInterval: Double = 30
    /// Seed the demo store into an empty database on start.
    public var seedDemoStore = true
    /// Origins (`https://shop.example`) whose pages may open chat connections besides the server's own;
    /// "*" allows all. Requests without an Origin header (scripts) are always allowed.
    public var allowedOrigins: [String] = []
    /// Proxies (load balancers) whose `X-Forwarded-For` names the client, by IP address.
    public var trustedProxies: [String] = []

    /// Whether `text` is an IPv4 or IPv6 address (a trusted proxy is named by one).
    public static func isIPAddress(_ text: String) -> Bool { ClientAddressResolver.canonical(text) != nil }
    /// Host names the server is reached by, besides `host` itself and the loopback names; a page served
    /// from one of them may open chat connections.
    public var serverNames: [String] = []

    /// Every name the server answers to as its own origin.
    public var ownNames: [String] { [host, "localhost", "127.0.0.1", "[::1]"] + serverNames }
    /// Open TCP connections (HTTP and WebSocket alike) allowed in total and per client address.
    public var maxConnections = 20_000
    public var maxConnectionsPerAddress = 256
    /// Seconds a new connection has to send a whole request head before it is answered 408 and closed.
    public var headTimeout: TimeInterval = 10
    /// Seconds a keep-alive HTTP connection may sit idle between requests before it is closed.
    public var idleTimeout: TimeInterval = 60
    /// REST requests (`/api/…`) per second, and their burst, that one client address may make; 0 turns it off.
    public var httpRequestsPerSecond: Double = 50
    public var httpRequestBurst: Double = 100
    /// New chat sessions one client address may start per minute (resuming one is free); 0 turns it off.
    public var newSessionsPerMinute: Double = 120
    /// Days after its last message that a conversation is deleted from the database.
    public var sessionRetentionDays: Double = 30
    /// How often old conversations are deleted.
    public var sessionPurgeInterval: TimeInterval = 3600
    /// Messages per second (and burst) one client address may send across all its sessions; 0 turns it off.
    public var addressMessagesPerSecond: Double = 200
    public var addressMessageBurst: Double = 400
    /// How long a write may wait for a client that does not read before the connection is closed.
    public var writeTimeout: TimeInterval = 10
    /// How long shutdown waits for connections to finish their replies.
    public var shutdownGrace: TimeInterval = 10
    /// Serves `/bench/echo` (a WebSocket echo) for `shoptalk bench ws`; off in production.
    public var benchEndpoints = false

    public init() {}

    /// The clock the configuration asks for.
    public var clock: ShopClock {
        today.map { ShopClock(today: $0) } ?? .system
    }
}

extension ServerConfiguration {
    /// The host's name and the process id, e.g. `shop-1-4242`, cut to what an instance id may hold.
    public static var defaultInstanceID: String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "shoptalk"
        let name = "\(host)-\(ProcessInfo.processInfo.processIdentifier)"
        return String(name.unicodeScalars.filter(isInstanceIDCharacter).map(Character.init).suffix(64))
    }

    /// Whether `id` can name an instance: 1 to 64 letters, digits, '.', '_' or '-' (it is a metrics label).
    public static func isValidInstanceID(_ id: String) -> Bool {
        (1...64).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy(isInstanceIDCharacter)
    }

    static func isInstanceIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }
}
