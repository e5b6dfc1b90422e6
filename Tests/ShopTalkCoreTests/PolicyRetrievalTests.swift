import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Store policies: sections from Markdown, and the section that answers a question")
struct PolicyRetrievalTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let encoder = try? StaticEncoder.load(directory: "Intents/encoder")
    static var demo: PolicyIndex { PolicyIndex(sections: DemoPolicies.sections(now: now), encoder: encoder) }

    @Test func aFolderOfMarkdownBecomesSectionsAndEveryBadOneIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# Shipping\n\nWe ship to Norway.\n".write(to: folder.appendingPathComponent("shipping.md"), atomically: true, encoding: .utf8)
        try "# Hours\n\nOpen daily.\n\n# Returns & refunds\n\n60 days.\n".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "Wrapping costs $3.\n".write(to: folder.appendingPathComponent("gift_wrap.md"), atomically: true, encoding: .utf8)
        try "# Empty\n\n".write(to: folder.appendingPathComponent("empty.md"), atomically: true, encoding: .utf8)
        try "# Shipping\n\nAgain.\n\n# Hours\n\nClosed.\n".write(to: folder.appendingPathComponent("z.md"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("binary.md"))
        try "not markdown".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let (sections, problems) = try PolicyMarkdown.readFolder(folder.path, now: Self.now)
        #expect(sections.map(\.slug) == ["hours", "returns-refunds", "gift-wrap", "shipping"])
        #expect(sections.first { $0.slug == "returns-refunds" }?.title == "Returns & refunds")
        #expect(sections.first { $0.slug == "gift-wrap" }?.title == "Gift Wrap")
        #expect(sections.first { $0.slug == "shipping" }?.body == "We ship to Norway.")
        #expect(Set(problems.map(\.file)) == ["binary.md", "empty.md", "z.md"])
        #expect(problems.filter { $0.file == "z.md" }.count == 2, "both of z.md's sections came earlier")
    }

    @Test func slugsAreCheckedAndMadeFromTitles() {
        #expect(PolicySection.isSlug("returns-2"))
        #expect(!PolicySection.isSlug("Returns") && !PolicySection.isSlug("-x") && !PolicySection.isSlug("") && !PolicySection.isSlug("a b"))
        #expect(PolicySection.slug(from: "  Délivery & Returns!! ") == "delivery-returns")
        #expect(PolicySection.problems(slug: "ok", title: "Title", body: "text") == nil)
        let problems = PolicySection.problems(slug: "Bad Slug", title: "two\nlines", body: String(repeating: "x", count: 20_001))
        #expect(Set(problems?.keys.map { $0 } ?? []) == ["slug", "title", "body"])
    }

    @Test func commonQuestionsFindTheirDemoSection() throws {
        try #require(Self.encoder != nil, "the intents folder carries the encoder")
        let index = Self.demo
        let cases: [(String, String)] = [
            ("what is your return policy?", "returns"), ("do you ship to canada?", "shipping"),
            ("how long is the warranty on a tv", "warranty"), ("are you open on sundays", "opening-hours"),
            ("can I pay with klarna", "payment"), ("wat is ur retrun windw", "returns"),
        ]
        for (question, slug) in cases {
            #expect(index.search(question).first?.section.slug == slug, "\(question)")
        }
    }

    @Test func aQuestionThatNamesOnlyTheSectionGetsItsOpeningPassage() throws {
        try #require(Self.encoder != nil)
        let answer = try #require(Self.demo.search("what's your returns policy?").first)
        #expect(answer.passages.first?.contains("30 days") == true)
    }

    @Test func aQuestionInTwoPartsQuotesASectionForEach() throws {
        try #require(Self.encoder != nil)
        let quoted = Self.demo.answering("how long does delivery take and can I pay with paypal?").map(\.section.slug)
        #expect(Set(quoted) == ["delivery-times", "payment"])
        #expect(Self.demo.answering("do you ship to canada?").count == 1)
    }

    @Test func aQuestionThePoliciesDoNotAnswerGetsNone() {
        let sections = [
            PolicySection(slug: "shipping", title: "Shipping", body: "We ship to the US and Canada. Delivery is free over $50.", updatedAt: Self.now),
            PolicySection(slug: "returns", title: "Returns", body: "Return anything within 30 days for a refund.", updatedAt: Self.now),
        ]
        for encoder in [Self.encoder, nil] {
            let index = PolicyIndex(sections: sections, encoder: encoder)
            #expect(index.search("how do I bake sourdough bread at home").isEmpty)
            #expect(index.search("how do I get a refund?").first?.section.slug == "returns")
        }
        #expect(PolicyIndex(sections: [], encoder: Self.encoder).search("returns?").isEmpty)
    }

    @Test func anOwnersEditAnswersTheNextQuestion() async throws {
        let store = InMemoryPolicyStore()
        let book = PolicyBook(store: store, encoder: Self.encoder)
        #expect(try await book.matches("do you gift wrap?", storeID: 1).hasPolicies == false)
        try await store.savePolicy(PolicySection(slug: "gift-wrap", title: "Gift wrapping", body: "We gift wrap any order for $3.", updatedAt: Self.now), storeID: 1)
        try await store.savePolicy(PolicySection(slug: "shipping", title: "Shipping", body: "We ship to Norway only.", updatedAt: Self.now), storeID: 1)
        #expect(try await book.matches("can you gift wrap my order?", storeID: 1).quoted.first?.section.slug == "gift-wrap")
        #expect(try await book.matches("can you gift wrap my order?", storeID: 2).hasPolicies == false, "another store sees none of them")
        #expect(try await store.deletePolicy(slug: "gift-wrap", storeID: 1))
        #expect(try await book.matches("can you gift wrap my order?", storeID: 1).quoted.first?.section.slug != "gift-wrap")
    }

    /// The held-out questions were written by a separate session that never saw the policy text (see
    /// README). The floors sit a little under the figures measured when retrieval was last changed.
    @Test func heldOutPolicyQuestionsStayAboveTheirFloor() throws {
        try #require(Self.encoder != nil)
        let text = try String(contentsOfFile: "Scripts/policies/heldout_policy_questions.jsonl", encoding: .utf8)
        let evaluation = PolicyEvaluation(questions: try PolicyEvaluation.read(text, file: "heldout"), index: Self.demo)
        #expect(evaluation.answerableCount >= 100)
        #expect(evaluation.topOne >= 0.75, "\(evaluation.report())")
        #expect(evaluation.wrongAnswers <= 0.15)
        #expect(evaluation.declined >= 0.5)
    }

    @Test func aBadQuestionFileLineIsNamed() {
        #expect(throws: PolicyEvaluationError.self) { try PolicyEvaluation.read("{\"text\":\"ok\",\"section\":null}\nnot json\n", file: "q.jsonl") }
    }
}
