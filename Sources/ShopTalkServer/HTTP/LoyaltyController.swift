import Foundation
import Hummingbird
import ShopTalkCore

/// The owner's loyalty routes, on both backends, under `/api/stores/{store}/loyalty`: the settings, the
/// top holders, the points outstanding, one customer's history, and running the weekly bonus now
/// (paid once per week however often it runs).
struct LoyaltyController: Sendable {
    let auth: OwnerAuth
    let loyalty: any LoyaltyStore
    let clock: ShopClock

    struct Outstanding: Encodable {
        let points: Int
        let customers: Int
        let value: Double
    }

    struct Holders: Encodable {
        let holders: [PointsHolder]
    }

    struct Paid: Encodable {
        let paid: Int
        let week: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store/loyalty")
        group.get("/settings") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            return try jsonResponse(try await loyalty.settings(storeID: store.id))
        }
        group.put("/settings") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            // Fields left out keep their current values.
            let current = try await loyalty.settings(storeID: store.id)
            guard case .object(var fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)),
                  case .object(let old)? = try? JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(current)) else {
                throw ChatError(.badJSON, "The body must be a JSON object.")
            }
            let unknown = Set(fields.keys).subtracting(old.keys)
            guard unknown.isEmpty else {
                throw ChatError(.invalid, "Unknown settings: \(unknown.sorted().joined(separator: ", ")).", fields: Dictionary(uniqueKeysWithValues: unknown.map { ($0, "is not a setting") }))
            }
            for (key, value) in old where fields[key] == nil { fields[key] = value }
            guard let settings = try? JSONDecoder().decode(LoyaltySettings.self, from: try JSONEncoder().encode(JSONValue.object(fields))) else {
                throw ChatError(.invalid, "Each setting must be a number.", fields: ["settings": "must be numbers"])
            }
            if let problems = settings.problems() { throw ChatError(.invalid, "Some settings are not valid.", fields: problems) }
            try await loyalty.saveSettings(settings, storeID: store.id)
            return try jsonResponse(settings)
        }
        group.get("/top") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let limit = request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 10
            guard (1...100).contains(limit) else { throw ChatError(.invalid, "limit takes 1 to 100.", fields: ["limit": "must be 1 to 100"]) }
            return try jsonResponse(Holders(holders: try await loyalty.top(storeID: store.id, limit: limit)))
        }
        group.get("/outstanding") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let (points, customers) = try await loyalty.outstanding(storeID: store.id)
            let value = LoyaltyRules.value(of: points, try await loyalty.settings(storeID: store.id)).major
            return try jsonResponse(Outstanding(points: points, customers: customers, value: value))
        }
        group.get("/customers/:email") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let email = try context.parameters.require("email")
            guard email.count <= 254, email.contains("@") else { throw ChatError(.invalid, "Give a customer's email address.", fields: ["email": "must be an email address"]) }
            return try jsonResponse(try await loyalty.account(email: email, storeID: store.id, limit: 100))
        }
        group.post("/bonus") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let now = clock.now()
            let paid = try await loyalty.payWeeklyBonus(storeID: store.id, now: now)
            let week = try await loyalty.settings(storeID: store.id).lastBonus(before: now).weekStart
            return try jsonResponse(Paid(paid: paid, week: ShopClock.dayString(week)))
        }
    }
}
