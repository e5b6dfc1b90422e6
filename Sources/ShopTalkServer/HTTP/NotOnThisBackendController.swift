import Hummingbird
import ShopTalkCore

/// The owner REST routes that run on SQLite only so far (insights and inventory settings, which read
/// the sales data). On PostgreSQL each answers 503 with a JSON body that says so,
/// rather than a 404 that would suggest the route does not exist.
struct NotOnThisBackendController: Sendable {
    let backend: String

    static let routes: [(HTTPRequest.Method, String)] = [
        (.get, "/insights/:name"), (.get, "/settings/inventory"), (.put, "/settings/inventory"),
    ]

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store")
        let message = "This route runs on the SQLite backend only for now; this server uses \(backend == "postgresql" ? "PostgreSQL" : backend)."
        for (method, path) in Self.routes {
            group.on(RouterPath(path), method: method) { _, _ -> Response in
                throw ChatError(.unavailable, message)
            }
        }
    }
}
