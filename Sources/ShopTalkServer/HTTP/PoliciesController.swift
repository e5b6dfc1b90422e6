import Foundation
import Hummingbird
import ShopTalkCore

/// A shop's policies over REST, under `/api/stores/{store}/policies`: anyone may read them (they are
/// what the shop tells every shopper) and try a question against them; only the owner writes.
/// `PUT` creates or replaces a section, so a retried request leaves the same text.
struct PoliciesController: Sendable {
    let auth: OwnerAuth
    let book: PolicyBook
    let clock: ShopClock

    struct SectionJSON: Encodable {
        let slug: String
        let title: String
        let body: String
        let updatedAt: Date

        init(_ section: PolicySection) {
            slug = section.slug
            title = section.title
            body = section.body
            updatedAt = section.updatedAt
        }
    }

    struct SectionList: Encodable {
        let policies: [SectionJSON]
    }

    struct Answer: Encodable {
        struct Found: Encodable {
            let slug: String
            let title: String
            let score: Double
            let passages: [String]
        }

        let question: String
        /// What a shopper asking this in the chat would read.
        let reply: String
        let matches: [Found]
    }

    /// Questions tried from the console are as long as a chat message may be.
    static let maxQuestionLength = 1_000

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/api/stores/:store/policies")
        group.get { request, context in
            let (store, _) = try await auth.reader(request, slug: try context.parameters.require("store"))
            return try jsonResponse(SectionList(policies: try await book.store.policies(storeID: store.id).map(SectionJSON.init)))
        }
        group.get("/search") { request, context in
            let (store, _) = try await auth.reader(request, slug: try context.parameters.require("store"))
            // A form's "+" is a space; a real plus sign arrives as %2B.
            guard let question = request.uri.queryParameters.get("q")?.replacingOccurrences(of: "+", with: " ")
                .trimmingCharacters(in: .whitespacesAndNewlines), !question.isEmpty,
                  question.count <= Self.maxQuestionLength
            else {
                throw ChatError(.invalid, "Give the question as q, 1 to \(Self.maxQuestionLength) characters.", fields: ["q": "is required"])
            }
            let found = try await book.matches(question, storeID: store.id)
            let reply = StorePolicyHandler.answer(found)
            return try jsonResponse(Answer(question: question, reply: reply.text, matches: (found.quoted + found.related).map {
                Answer.Found(slug: $0.section.slug, title: $0.section.title, score: ($0.score * 1000).rounded() / 1000, passages: $0.passages)
            }))
        }
        group.get("/:slug") { request, context in
            let (store, _) = try await auth.reader(request, slug: try context.parameters.require("store"))
            let slug = try context.parameters.require("slug")
            guard let section = try await book.store.policies(storeID: store.id).first(where: { $0.slug == slug }) else {
                throw ChatError(.notFound, "This store has no policy section \"\(slug.prefix(64))\".")
            }
            return try jsonResponse(SectionJSON(section))
        }
        group.put("/:slug") { request, context in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let slug = try context.parameters.require("slug")
            var fields = FieldReader(try await jsonObject(request, context: context))
            let title = fields.string("title", required: true, maxLength: PolicySection.Limits.titleLength)
            let body = fields.string("body", required: true, maxLength: PolicySection.Limits.bodyLength)
            if let problems = PolicySection.problems(slug: slug, title: title ?? "-", body: body ?? "-") {
                for (field, problem) in problems where fields.errors[field] == nil { fields.fail(field, problem) }
            }
            try fields.finish()
            guard let title, let body else { throw ChatError(.invalid, "A section needs a title and a body.") }
            let section = PolicySection(slug: slug, title: title.trimmingCharacters(in: .whitespaces), body: body, updatedAt: clock.now())
            let created: Bool
            do {
                created = try await book.store.savePolicy(section, storeID: store.id)
            } catch let error as TooManyPolicySections {
                throw ChatError(.conflict, error.description)
            }
            return try jsonResponse(SectionJSON(section), status: created ? .created : .ok)
        }
        group.delete("/:slug") { request, context -> Response in
            let store = try await auth.owner(request, slug: try context.parameters.require("store"))
            let slug = try context.parameters.require("slug")
            guard try await book.store.deletePolicy(slug: slug, storeID: store.id) else {
                throw ChatError(.notFound, "This store has no policy section \"\(slug.prefix(64))\".")
            }
            return Response(status: .noContent)
        }
    }
}
