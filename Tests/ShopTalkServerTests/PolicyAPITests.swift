import Foundation
import HTTPTypes
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Store policies over REST and the socket")
struct PolicyAPITests {
    func ownerToken(_ database: TestDatabase, store: String = "demo") async throws -> String {
        try await database.ownerToken(store: store)
    }

    @Test func theDemoStoreAnswersFromItsOwnPoliciesAndNamesTheSection() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            let (status, list) = try await call(client, .get, "/api/stores/demo/policies")
            #expect(status == .ok)
            guard case .array(let sections)? = list["policies"] else { Issue.record("no policies list"); return }
            #expect(sections.count >= 10)
            try await chat(client) { chat in
                let returns = try await chat.say("what's your return policy?")
                #expect(returns.intentName == "store_policy")
                #expect(returns.string("text")?.hasPrefix("From our Returns and refunds policy:") == true)
                #expect(returns.string("text")?.contains("30 days") == true)
                let hours = try await chat.say("are you open on sundays?")
                #expect(hours.string("text")?.contains("Opening hours") == true, "\(hours.string("text") ?? "")")
            }
        }
    }

    @Test func anOwnersSectionAnswersShoppersAtOnceAndOnlyTheOwnerWrites() async throws {
        let database = try await TestDatabase.demoStore()
        try await database.seedStore("other")
        let token = try await ownerToken(database)
        let otherToken = try await ownerToken(database, store: "other")
        let section = #"{"title":"Gift wrapping","body":"We gift wrap any order for $3.50, with a handwritten card if you like."}"#
        try await withLiveServer(testConfiguration(database)) { client in
            #expect(try await call(client, .put, "/api/stores/demo/policies/gift-wrap", body: section).0 == .unauthorized)
            #expect(try await call(client, .put, "/api/stores/demo/policies/gift-wrap", token: otherToken, body: section).0 == .forbidden)
            let (created, saved) = try await call(client, .put, "/api/stores/demo/policies/gift-wrap", token: token, body: section)
            #expect(created == .created)
            #expect(saved["slug"] == .string("gift-wrap"))
            // The same request again changes nothing and says so.
            #expect(try await call(client, .put, "/api/stores/demo/policies/gift-wrap", token: token, body: section).0 == .ok)
            try await chat(client) { chat in
                let wrap = try await chat.say("what are your store policies on gift wrapping?")
                #expect(wrap.string("text")?.contains("$3.50") == true, "\(wrap.string("text") ?? "")")
            }
            let (_, tried) = try await call(client, .get, "/api/stores/demo/policies/search?q=do%20you%20gift%20wrap%3F")
            #expect(tried["matches"]?[0]?["slug"] == .string("gift-wrap"))
            #expect(tried["reply"]?.stringValue?.hasPrefix("From our Gift wrapping policy") == true)
            // The other store never sees it.
            #expect(try await call(client, .get, "/api/stores/other/policies/gift-wrap").0 == .notFound)
            #expect(try await call(client, .delete, "/api/stores/demo/policies/gift-wrap", token: otherToken).0 == .forbidden)
            #expect(try await call(client, .delete, "/api/stores/demo/policies/gift-wrap", token: token).0 == .noContent)
            #expect(try await call(client, .delete, "/api/stores/demo/policies/gift-wrap", token: token).0 == .notFound)
            #expect(try await call(client, .get, "/api/stores/demo/policies/gift-wrap").0 == .notFound)
        }
    }

    @Test func aBadSectionIsRefusedFieldByFieldAndNothingStoredIsLost() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await ownerToken(database)
        try await withLiveServer(testConfiguration(database)) { client in
            let (_, before) = try await call(client, .get, "/api/stores/demo/policies/returns")
            let (badSlug, refused) = try await call(client, .put, "/api/stores/demo/policies/Bad%20Slug", token: token, body: #"{"title":"T","body":"B"}"#)
            #expect(badSlug == .unprocessableContent)
            #expect(refused["error"]?["fields"]?["slug"] != nil)
            let (empty, fields) = try await call(client, .put, "/api/stores/demo/policies/returns", token: token, body: #"{"title":"","body":42}"#)
            #expect(empty == .unprocessableContent)
            #expect(fields["error"]?["fields"]?["title"] != nil && fields["error"]?["fields"]?["body"] != nil)
            let huge = String(repeating: "x", count: PolicySection.Limits.bodyLength + 1)
            #expect(try await call(client, .put, "/api/stores/demo/policies/returns", token: token, body: #"{"title":"Returns","body":"\#(huge)"}"#).0 == .unprocessableContent)
            #expect(try await call(client, .put, "/api/stores/demo/policies/returns", token: token, body: "not json").0 == .badRequest)
            #expect(try await call(client, .get, "/api/stores/demo/policies/search?q=").0 == .unprocessableContent)
            let after = try await call(client, .get, "/api/stores/demo/policies/returns").1
            #expect(after == before, "the stored section is unchanged")
        }
    }

    @Test func aStoreKeepsAtMostItsLimitOfSections() async throws {
        let database = try await TestDatabase.demoStore()
        let storeID = try await database.storeID()
        let existing = try await database.withPolicies { policies in
            let existing = try await policies.policies(storeID: storeID).count
            for index in existing..<PolicySection.Limits.sectionsPerStore {
                try await policies.savePolicy(PolicySection(slug: "extra-\(index)", title: "Extra \(index)", body: "Text \(index).", updatedAt: Date()), storeID: storeID)
            }
            return existing
        }
        let token = try await ownerToken(database)
        try await withLiveServer(testConfiguration(database)) { client in
            let (full, _) = try await call(client, .put, "/api/stores/demo/policies/one-more", token: token, body: #"{"title":"One more","body":"No room."}"#)
            #expect(full == .conflict)
            let (replaced, _) = try await call(client, .put, "/api/stores/demo/policies/extra-\(existing)", token: token, body: #"{"title":"Replaced","body":"Still fits."}"#)
            #expect(replaced == .ok)
        }
    }

    @Test func aQuestionThePoliciesDoNotAnswerOffersAPerson() async throws {
        let database = try await TestDatabase.demoStore()
        let storeID = try await database.storeID()
        try await database.withPolicies { policies in
            for section in try await policies.policies(storeID: storeID) {
                _ = try await policies.deletePolicy(slug: section.slug, storeID: storeID)
            }
        }
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let reply = try await chat.say("do you ship to canada?")
                #expect(reply.intentName == "store_policy")
                #expect(reply.string("text")?.contains("hasn't published its policies") == true)
                guard case .array(let suggestions)? = reply["suggestions"] else { Issue.record("no suggestions"); return }
                #expect(suggestions.contains(JSONValue.string("Talk to a person")))
            }
        }
    }
}
