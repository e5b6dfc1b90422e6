import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Intent classifier and training data")
struct IntentClassifierTests {
    /// Written the way Rasa's own documentation writes nlu.yml, including features ShopTalk does not use.
    static let rasaStyle = """
        version: "3.1"

        nlu:
        - intent: greet
          examples: |
            - hey
            - hello
            - hi
            - hello there
            - good morning
            - good evening
            - hey there

        - intent: check_balance
          metadata:
            sentiment: neutral
          examples: |
            - how much money is in my [checking]{"entity": "account_type", "value": "checking"} account
            - what's my [savings](account_type) balance
            - how much do i have in [credit](account_type:credit card)
            - balance please
            - show me my balance

        - intent: inform
          examples:
          - text: |
              my account number is 123
          - text: |
              i live in [Berlin](city)
            metadata:
              sentiment: neutral

        - synonym: credit
          examples: |
            - credit card account
            - credit account

        - regex: account_number
          examples: |
            - \\d{10,12}

        - lookup: banks
          examples: |
            - JPMC
            - Bank of America

        responses:
          utter_greet:
          - text: "Hey there!"
        """

    @Test func aRasaProjectsNLUFileLoadsUnchanged() throws {
        let data = try RasaNLUReader.parse(Self.rasaStyle, file: "nlu.yml")
        #expect(data.intents == ["greet", "check_balance", "inform"])
        #expect(data.examples.count == 14)
        let checking = try #require(data.examples.first { $0.text.hasPrefix("how much money") })
        #expect(checking.text == "how much money is in my checking account")
        #expect(checking.spans == [.init(entity: "account_type", value: "checking", start: 24, end: 32)])
        let credit = try #require(data.examples.first { $0.text.contains("credit") })
        #expect(credit.spans.first?.value == "credit card")
        #expect(data.examples.contains { $0.text == "i live in Berlin" && $0.spans.first?.entity == "city" })
        #expect(data.synonyms["credit account"] == "credit")
        #expect(data.regexes["account_number"] == ["\\d{10,12}"])
        #expect(data.lookups["banks"] == ["JPMC", "Bank of America"])
    }

    @Test func aClassifierTrainedOnARasaFileClassifiesItsIntents() throws {
        let data = try RasaNLUReader.parse(Self.rasaStyle, file: "nlu.yml")
        let classifier = TrainedIntentClassifier.train(data, extractor: EntityExtractor(data: data), threshold: 0, margin: 0)
        #expect(classifier.classify("hello hello", entities: []).name == "greet")
        #expect(classifier.classify("what is my balance", entities: []).name == "check_balance")
    }

    @Test(arguments: [
        ("nlu:\n- intent: greet\n  examples: |\n    - hi\n    hello without a dash\n", 5, "must start with `- `"),
        ("nlu:\n- intent: greet\n", 2, "has no `examples`"),
        ("nlu:\n  - intent: greet\n    examples: [unclosed\n", 4, "invalid YAML"),
        ("nlu:\n- examples: |\n    - hi\n", 2, "exactly one of intent"),
        ("nlu:\n- intent: buy\n  examples: |\n    - i want [shoes(category)\n", 4, "unclosed `[`"),
        ("nlu: hello\n", 1, "must be a list"),
    ])
    func aMalformedFileNamesTheFileTheLineAndTheReason(yaml: String, line: Int, reason: String) {
        do {
            _ = try RasaNLUReader.parse(yaml, file: "Intents/bad.yml")
            Issue.record("expected an error")
        } catch let error as NLUDataError {
            #expect(error.file == "Intents/bad.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theIntentsFolderHasEveryIntentWithAtLeastFortyHandWrittenExamples() throws {
        let folder = "Intents"
        var handWritten = NLUTrainingData()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yml") && !name.hasPrefix("generated_") {
            handWritten.merge(try RasaNLUReader.load(file: "\(folder)/\(name)"))
        }
        let counts = Dictionary(grouping: handWritten.examples, by: \.intent).mapValues(\.count)
        #expect(Set(counts.keys) == Set(Intent.Name.all))
        for (intent, count) in counts {
            #expect(count >= 40, "\(intent) has \(count)")
        }
        #expect(handWritten.synonyms["telly"] == "tv")
        #expect(handWritten.synonyms["trainers"] == "sneakers")
        #expect(handWritten.synonyms["tee"] == "t-shirt")
        #expect(handWritten.lookups["country"]?.contains("Germany") == true)
    }

    @Test func trainingIsDeterministicAndTheModelIsCalibrated() async throws {
        // The hand-written examples are enough to show it, at a twentieth of the cost.
        var folder = try RasaNLUReader.load(directory: "Intents")
        folder.examples = folder.examples.filter { $0.template == nil }
        let data = folder
        let extractor = EntityExtractor(data: data)
        let first = try await offThePool { TrainedIntentClassifier.train(data, extractor: extractor) }
        let second = try await offThePool { TrainedIntentClassifier.train(data, extractor: extractor) }
        for text in ["where is my order", "show me cheap headphones", "what's the weather", "how much is it"] {
            #expect(first.model.scores(text) == second.model.scores(text))
            let probabilities = first.model.scores(text).map(\.probability)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-4)
            #expect(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
    }

    @Test(arguments: [
        ("hiya", "greeting"), ("cheers, bye", "goodbye"), ("thank you!", "thanks"), ("what can you do?", "help"),
        ("show me running shoes", "find_products"), ("what material is it", "product_details"),
        ("any gift ideas for my dad", "gift_ideas"), ("what would you recommend for a beginner runner", "product_recommendation"),
        ("can i speak to a real person", "human_handoff"), ("how do i return these shoes", "return_refund"), ("do you deliver to ireland", "store_policy"), ("how much is it", "price_inquiry"),
        ("is it in stock", "check_stock"), ("any deals today", "find_discounts"), ("apply code SAVE20", "apply_discount"),
        ("where is my parcel", "order_status"), ("my order arrived broken", "complaint"),
        ("what were my total sales this month", "business_query"), ("what's the weather in paris", "out_of_scope"),
        ("turn on the kitchen lights", "out_of_scope"), ("what is 12 times 12", "out_of_scope"),
        // A greeting the model is sure of stays one though it names a brand; one it is not sure of is a search.
        ("hi there, long time Samsung fan, just saying hello", "greeting"), ("hello, any sony headphones?", "find_products"),
        ("hola", "greeting"),
        // One slip in a long formula word is still the formula; a real word one letter away is not.
        ("goodbey", "goodbye"), ("thnaks a lot", "thanks"), ("she thinks so", "out_of_scope"),
    ])
    func everyIntentIsRecognised(text: String, intent: String) async throws {
        let model = try await TrainedModel.shared()
        let vocabulary = try await TrainedModel.vocabulary()
        let entities = model.extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: Date())
        #expect(model.classifier.classify(text, entities: entities).name == intent)
    }

    @Test func aMessageTheModelCannotPlaceIsPlacedByTheSentenceItIsSureOf() async throws {
        let model = try await TrainedModel.shared()
        let sure = model.classifier.confidentSentence(
            "We spent the whole weekend at my sister's and the weather was awful. Where is my parcel? It was due on Friday.", entities: [])
        #expect(sure?.name == "order_status")
        // One sentence, or sentences of three words or fewer, leave the message as the model placed it.
        #expect(model.classifier.confidentSentence("where is my parcel", entities: []) == nil)
        #expect(model.classifier.confidentSentence("Hi. Parcel? Now.", entities: []) == nil)
    }

    @Test func lowConfidenceIsOutOfScope() async throws {
        let model = try await TrainedModel.shared()
        var strict = model.classifier
        strict.threshold = 0.999
        #expect(strict.classify("show me a nice thing", entities: []).name == "out_of_scope")
    }
}

/// One model trained from Intents/ for the tests of this suite. Tests waiting for it suspend rather than
/// block a thread.
actor TrainedModel {
    private static let instance = TrainedModel()
    private var cached: LanguageModel?
    private var cachedVocabulary: CatalogVocabulary?

    static func shared() async throws -> LanguageModel {
        try await instance.model()
    }

    /// The vocabulary of the training folder, read once (the folder is 19,000 examples of YAML).
    static func vocabulary() async throws -> CatalogVocabulary {
        try await instance.loadVocabulary()
    }

    private func loadVocabulary() async throws -> CatalogVocabulary {
        if let cachedVocabulary { return cachedVocabulary }
        let vocabulary = try await offThePool { CatalogVocabulary(training: try RasaNLUReader.load(directory: "Intents")) }
        cachedVocabulary = vocabulary
        return vocabulary
    }

    private func model() async throws -> LanguageModel {
        if let cached { return cached }
        let model = try await offThePool { try LanguageModel.train(directory: "Intents", cache: .user) }
        cached = model
        return model
    }
}

/// Runs CPU-heavy test set-up on a dispatch queue, so that it never holds one of the few threads that
/// every other concurrently running test needs.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
