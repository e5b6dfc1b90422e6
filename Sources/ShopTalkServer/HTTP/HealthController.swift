import Foundation
import Hummingbird
import ShopTalkCore

/// `GET /health` and `GET /metrics`.
struct HealthController: Sendable {
    let database: AppDatabase
    let metrics: ShopMetrics
    let instance: String
    let startedAt: ContinuousClock.Instant

    struct Health: ResponseEncodable {
        let status: String
        let version: String
        /// Which instance answered (`--instance-id`).
        let instance: String
        let database: String
        let uptimeSeconds: Double
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/health") { _, _ -> EditedResponse<Health> in
            let healthy = await database.isHealthy()
            let uptime = ContinuousClock.now - startedAt
            let health = Health(
                status: healthy ? "ok" : "degraded", version: ShopTalkVersion.string, instance: instance,
                database: healthy ? "ok" : "unavailable",
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
