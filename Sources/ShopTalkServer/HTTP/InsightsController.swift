import Foundation
import Hummingbird
import ShopTalkCore

/// Owner insights over REST, computed as the chat computes them and answered with the same `text`,
/// `result` and plan: `GET /api/stores/{store}/insights/{name}?from=&to=&horizon=&by=week|month`, and the
/// reorder settings at `GET|PUT /api/stores/{store}/settings/inventory`. Owner token only.
struct InsightsController: Sendable {
    let auth: OwnerAuth
    let analytics: any OwnerAnalytics
    let clock: ShopClock

    struct Answer: Encodable {
        let insight: String
        let text: String
        let result: AnalyticsResult?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store")
        group.get("/insights/:name") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let name = try context.parameters.require("name")
            let parameters = request.uri.queryParameters
            let from = try Self.day(parameters.get("from"), field: "from")
            let to = try Self.day(parameters.get("to"), field: "to")
            if let from, let to, from > to { throw ChatError(.invalid, "The period ends before it starts.", fields: ["to": "must not be before from"]) }
            var horizon: Int?
            if let text = parameters.get("horizon") {
                guard let value = Int(text), (1...26).contains(value) else {
                    throw ChatError(.invalid, "Bad horizon.", fields: ["horizon": "must be a whole number from 1 to 26"])
                }
                horizon = value
            }
            let by = parameters.get("by") ?? "week"
            guard by == "week" || by == "month" else { throw ChatError(.invalid, "Bad grouping.", fields: ["by": "must be week or month"]) }
            guard let query = QuestionParser.insightQuery(name: name, from: from, to: to, horizon: horizon, monthly: by == "month", today: clock.today()) else {
                throw ChatError(.notFound, "No insight called \(name.prefix(40)). Known: \(QuestionParser.insightNames.joined(separator: ", ")).")
            }
            let handler = AnalyticsHandler(analytics: analytics, clock: clock)
            let reply = try await handler.answer(query, context: ChatContext(store: store, role: .owner, sessionID: "rest"))
            return try jsonResponse(Answer(insight: name, text: reply.text, result: reply.result))
        }
        group.get("/settings/inventory") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            return try jsonResponse(try await analytics.inventorySettings(storeID: store.id))
        }
        group.put("/settings/inventory") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            var fields = FieldReader(try await jsonObject(request, context: context))
            var settings = try await analytics.inventorySettings(storeID: store.id)
            if let days = fields.int("leadTimeDays", range: 0...365) { settings.leadTimeDays = days }
            if let cost = fields.double("orderCost", range: 0...1_000_000) { settings.orderCost = cost }
            if let rate = fields.double("holdingRate", range: 0.01...5) { settings.holdingRate = rate }
            if let level = fields.double("serviceLevel", range: 0.8...0.999) { settings.serviceLevel = level }
            try fields.finish()
            try await analytics.saveInventorySettings(settings, storeID: store.id)
            return try jsonResponse(settings)
        }
    }

    /// A `YYYY-MM-DD` day between 1990 and 2100, or a 422 naming the field.
    static func day(_ text: String?, field: String) throws -> String? {
        guard let text else { return nil }
        guard text.count == 10, let date = ShopClock.parseDay(text), ShopClock.dayString(date) == text, text >= "1990-01-01", text <= "2100-12-31" else {
            throw ChatError(.invalid, "Bad \(field) date.", fields: [field: "must be a day as YYYY-MM-DD between 1990 and 2100"])
        }
        return text
    }
}
