import Foundation
import Hummingbird
import ShopTalkCore

/// `GET /health` and `GET /metrics`.
struct HealthController: Sendable {
    let isHealthy: @Sendable () async -> Bool
    /// "sqlite" or "postgresql".
    let backend: String
    /// How far this instance has followed the other instances' events (PostgreSQL).
    let events: (@Sendable () -> EventFollower.Position)?
    let metrics: ShopMetrics
    let instance: String
    let startedAt: ContinuousClock.Instant

    struct Health: ResponseEncodable {
        let status: String
        let version: String
        /// Which instance answered (`--instance-id`).
        let instance: String
        let database: String
        let backend: String
        /// The event stream as this instance sees it: the newest event, the last one handled, and the lag.
        let events: Events?
        let uptimeSeconds: Double
    }

    struct Events: Encodable {
        let head: Int64
        let delivered: Int64
        let lag: Int64
        let listening: Bool
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/health") { _, _ -> EditedResponse<Health> in
            let healthy = await isHealthy()
            let position = events?()
            let uptime = ContinuousClock.now - startedAt
            let health = Health(
                status: healthy ? "ok" : "degraded", version: ShopTalkVersion.string, instance: instance,
                database: healthy ? "ok" : "unavailable", backend: backend,
                events: position.map { Events(head: $0.head, delivered: $0.delivered, lag: $0.lag, listening: $0.listening) },
                uptimeSeconds: (uptime.inSeconds * 1000).rounded() / 1000
            )
            return EditedResponse(status: healthy ? .ok : .serviceUnavailable, response: health)
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(string: metrics.exposition())))
        }
    }
}
