import Foundation
import Hummingbird
import ShopTalkCore

/// An owner's alert history and preferences: `GET /api/stores/{store}/alerts?status=open|all&limit=`,
/// `POST /api/stores/{store}/alerts/{id}/resolve`, and `GET|PUT /api/stores/{store}/alerts/preferences`.
struct AlertsController: Sendable {
    let auth: OwnerAuth
    let center: AlertCenter

    struct History: Encodable {
        let alerts: [AlertEntry]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store/alerts")
        group.get { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let parameters = request.uri.queryParameters
            let status = parameters.get("status") ?? "all"
            guard status == "open" || status == "all" else { throw ChatError(.invalid, "Bad status.", fields: ["status": "must be open or all"]) }
            let limit = min(500, max(1, parameters.get("limit").flatMap { Int($0) } ?? 100))
            return try jsonResponse(History(alerts: try await center.alerts(storeID: store.id, openOnly: status == "open", limit: limit)))
        }
        group.post("/:id/resolve") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            guard let id = Int64(try context.parameters.require("id")), id > 0 else { throw ChatError(.invalid, "An alert id is a positive whole number.") }
            guard try await center.resolve(alertID: id, storeID: store.id, at: center.clock.now()) else {
                throw ChatError(.notFound, "This store has no open alert \(id).")
            }
            return try jsonResponse(["resolved": id])
        }
        group.get("/preferences") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let preferences = try await center.rows.preferences(storeID: store.id)
            return try jsonResponse(preferences.view(emailAvailable: center.mailer != nil))
        }
        group.put("/preferences") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let body = try await jsonObject(request, context: context)
            var preferences = try await center.rows.preferences(storeID: store.id)
            try Self.apply(body, to: &preferences, emailAvailable: center.mailer != nil)
            let saved = preferences
            try await center.rows.save(saved, storeID: store.id)
            return try jsonResponse(saved.view(emailAvailable: center.mailer != nil))
        }
    }

    /// Applies the fields present in `body`; null or "" clears an optional one. Every bad field is
    /// reported at once.
    static func apply(_ body: [String: JSONValue], to preferences: inout AlertPreferences, emailAvailable: Bool) throws {
        var fields = FieldReader(body)
        func clears(_ key: String) -> Bool { body[key] == .null || body[key] == .string("") }
        if let enabled = fields.bool("enabled") { preferences.enabled = enabled }
        if clears("lowStockThreshold") { preferences.lowStockThreshold = nil } else if let threshold = fields.int("lowStockThreshold", range: 0...1_000_000) { preferences.lowStockThreshold = threshold }
        if clears("email") { preferences.email = nil } else if let email = fields.string("email", maxLength: 254) {
            if !(email.contains("@") && email.contains(".")) || email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) {
                fields.fail("email", "must be an email address")
            } else if !emailAvailable {
                fields.fail("email", "this server sends no email: start it with --smtp-host")
            } else {
                preferences.email = email
            }
        }
        if clears("webhookSecret") { preferences.webhookSecret = nil } else if let secret = fields.string("webhookSecret", maxLength: 200) {
            if secret.count < 16 { fields.fail("webhookSecret", "must be at least 16 characters") } else { preferences.webhookSecret = secret }
        }
        if clears("webhookUrl") { preferences.webhookURL = nil } else if let address = fields.string("webhookUrl", maxLength: 2_000) {
            if let url = URL(string: address), url.scheme == "https" || url.scheme == "http", url.host != nil {
                preferences.webhookURL = address
                if preferences.webhookSecret == nil { fields.fail("webhookSecret", "is required with a webhook, to sign its calls") }
            } else {
                fields.fail("webhookUrl", "must be an http(s) URL")
            }
        }
        if clears("quietHours") {
            preferences.quietStart = nil
            preferences.quietEnd = nil
        } else if let quiet = body["quietHours"] {
            guard case .object(let hours) = quiet else { fields.fail("quietHours", "must be {\"start\": 22, \"end\": 7} (UTC hours) or null"); try fields.finish(); return }
            var reader = FieldReader(hours)
            let start = reader.int("start", required: true, range: 0...23)
            let end = reader.int("end", required: true, range: 0...23)
            for (key, message) in reader.errors { fields.fail("quietHours.\(key)", message) }
            if let start, let end { (preferences.quietStart, preferences.quietEnd) = (start, end) }
        }
        if let hour = fields.int("digestHour", range: 0...23) { preferences.digestHour = hour }
        try fields.finish()
    }
}
