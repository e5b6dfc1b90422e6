import Foundation
import HTTPTypes
import Hummingbird
import ShopTalkCore

/// The live-chat queue over REST, under `/api/stores/{store}/handoffs`, for owner and staff tokens:
/// the open handoffs, one with its transcript, and claim, messages (with `Idempotency-Key`), typing,
/// suggest and end. The settings (`…/handoffs/settings`) are the owner's alone.
struct HandoffController: Sendable {
    let auth: OwnerAuth
    let service: HandoffService

    struct List: Encodable { let handoffs: [Handoff] }
    struct One: Encodable { let handoff: Handoff }
    struct Detail: Encodable {
        let handoff: Handoff
        let transcript: [TranscriptLine]
        let messages: [HandoffMessage]
    }
    struct Said: Encodable {
        let message: HandoffMessage
        let repeated: Bool
    }
    struct Suggestion: Encodable { let text: String }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store/handoffs")
        group.get { request, context in
            let member = try await member(request, context)
            return try jsonResponse(List(handoffs: try await service.open(storeID: member.store.id)))
        }
        group.get("/settings") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            return try jsonResponse(try await service.rows.settings(storeID: store.id))
        }
        group.put("/settings") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let body = try await jsonObject(request, context: context)
            let settings = try Self.settings(body, current: try await service.rows.settings(storeID: store.id))
            try await service.rows.saveSettings(settings, storeID: store.id)
            return try jsonResponse(settings)
        }
        group.get("/:id") { request, context in
            let member = try await member(request, context)
            let (handoff, transcript, messages) = try await service.detail(try Self.id(context), storeID: member.store.id)
            return try jsonResponse(Detail(handoff: handoff, transcript: transcript, messages: messages))
        }
        group.post("/:id/claim") { request, context in
            let member = try await member(request, context)
            return try jsonResponse(One(handoff: try await service.claim(try Self.id(context), by: member)))
        }
        group.post("/:id/messages") { request, context in
            let member = try await member(request, context)
            let key = try OrderActionsController.idempotencyKey(request)
            var fields = FieldReader(try await jsonObject(request, context: context))
            let text = fields.string("text", required: true, maxLength: 4_000)
            if let text, text.allSatisfy(\.isWhitespace) { fields.fail("text", "is empty") }
            try fields.finish()
            let (message, repeated) = try await service.say(try Self.id(context), text: text ?? "", key: key, by: member)
            return try jsonResponse(Said(message: message, repeated: repeated), status: repeated ? .ok : .created)
        }
        group.post("/:id/typing") { request, context in
            let member = try await member(request, context)
            try await service.typing(try Self.id(context), by: member)
            return Response(status: .noContent)
        }
        group.post("/:id/suggest") { request, context in
            let member = try await member(request, context)
            return try jsonResponse(Suggestion(text: try await service.suggest(try Self.id(context), by: member)))
        }
        group.post("/:id/end") { request, context in
            let member = try await member(request, context)
            return try jsonResponse(One(handoff: try await service.end(try Self.id(context), by: member)))
        }
    }

    private func member(_ request: Request, _ context: AppRequestContext) async throws -> HandoffService.Member {
        try await auth.member(request, slug: try context.parameters.require("store"))
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw ChatError(.notFound, "There is no handoff \"\(text.prefix(20))\" in this store.") }
        return id
    }

    /// The settings in a PUT body: fields left out keep their current values; bad ones are a 400 each.
    static func settings(_ body: [String: JSONValue], current: HandoffSettings) throws -> HandoffSettings {
        var fields = FieldReader(body)
        var settings = current
        if fields.has("days") {
            if case .array(let values) = body["days"] ?? .null {
                let days = values.compactMap { $0.numberValue.flatMap { Int(exactly: $0) } }
                if days.count == values.count { settings.days = Array(Set(days)).sorted() } else { fields.fail("days", "must be whole numbers 1–7") }
            } else {
                fields.fail("days", "must be a list of whole numbers 1–7")
            }
        }
        if let value = fields.int("openHour", range: 0...23) { settings.openHour = value }
        if let value = fields.int("closeHour", range: 1...24) { settings.closeHour = value }
        if let value = fields.int("utcOffsetMinutes", range: -840...840) { settings.utcOffsetMinutes = value }
        if let value = fields.int("claimMinutes", range: 1...1440) { settings.claimMinutes = value }
        if let value = fields.strings("personCategories") { settings.personCategories = value }
        if let value = fields.double("confidenceFloor", range: 0...1) { settings.confidenceFloor = value }
        for problem in settings.problems { fields.fail("settings", problem) }
        try fields.finish()
        return settings
    }
}
