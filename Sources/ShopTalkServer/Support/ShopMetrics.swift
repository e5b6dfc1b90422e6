import CoreMetrics
import Prometheus
import ShopTalkCore

/// The server's metrics, in a Prometheus registry of its own (so two servers in one test process never
/// share counters): open connections, messages by intent, reply latency and errors by code.
public struct ShopMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let connections: CoreMetrics.Meter
    let replyDuration: CoreMetrics.Timer
    private let messages: [String: CoreMetrics.Counter]
    private let errors: [String: CoreMetrics.Counter]

    /// `instance` names this server in `shoptalk_instance_info`, the series that tells the instances
    /// behind one load balancer apart.
    public init(instance: String = ServerConfiguration.defaultInstanceID) {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        self.registry = registry
        registry.makeGauge(name: "shoptalk_instance_info", labels: [("instance", instance), ("version", ShopTalkVersion.string)]).set(to: Double(1))
        self.connections = CoreMetrics.Meter(label: "shoptalk_open_connections", dimensions: [], factory: factory)
        self.replyDuration = CoreMetrics.Timer(label: "shoptalk_reply_duration_seconds", dimensions: [], factory: factory)
        self.messages = Dictionary(uniqueKeysWithValues: (Intent.Name.all + [Intent.Name.orderAction, Intent.Name.loyalty]).map { name in
            (name, CoreMetrics.Counter(label: "shoptalk_messages_total", dimensions: [("intent", name)], factory: factory))
        })
        let codes: [ChatError.Code] = [.badJSON, .unknownType, .missingField, .tooLarge, .rateLimited, .unauthorized, .notFound, .internal, .forbidden, .invalid, .conflict, .unavailable]
        self.errors = Dictionary(uniqueKeysWithValues: codes.map { code in
            (code.rawValue, CoreMetrics.Counter(label: "shoptalk_errors_total", dimensions: [("code", code.rawValue)], factory: factory))
        })
    }

    func recordMessage(intent: String, nanoseconds: Int64) {
        (messages[intent] ?? messages[Intent.Name.outOfScope])?.increment()
        replyDuration.recordNanoseconds(nanoseconds)
    }

    func recordError(_ code: ChatError.Code) {
        errors[code.rawValue]?.increment()
    }

    /// The Prometheus text exposition.
    public func exposition() -> String {
        registry.emitToString()
    }
}
