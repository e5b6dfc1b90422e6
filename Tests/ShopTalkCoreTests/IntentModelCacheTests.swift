import Foundation
@testable import ShopTalkCore
import Testing

/// A restarted server loads the model it trained before on the same data, and never a stale one.
@Suite("Intent model cache")
struct IntentModelCacheTests {
    /// The hand-written examples: enough for a real model at a twentieth of the cost.
    static func handWritten() throws -> NLUTrainingData {
        var folder = try RasaNLUReader.load(directory: "Intents")
        folder.examples = folder.examples.filter { $0.template == nil }
        return folder
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("shoptalk-nlu-cache-\(UUID().uuidString)").path
    }

    @Test func aSecondStartLoadsTheSameModelAndChangedDataTrainsAgain() async throws {
        let data = try Self.handWritten()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = IntentModelCache(directory: folder)
        let first = LanguageModel.train(data, cache: cache)
        #expect(first.cacheOutcome?.hasPrefix("trained and stored") == true)
        let second = LanguageModel.train(data, cache: cache)
        #expect(second.cacheOutcome?.hasPrefix("loaded") == true)
        for text in ["where is my order", "show me cheap headphones", "what's the weather in Paris", "can I talk to a person"] {
            #expect(first.classifier.model.scores(text) == second.classifier.model.scores(text))
        }
        // One example more is other data: a new model, filed beside the first.
        var more = data
        more.examples.append(more.examples[0])
        more.examples[more.examples.count - 1].text = "could a human being help me please"
        let third = LanguageModel.train(more, cache: cache)
        #expect(third.cacheOutcome?.hasPrefix("trained and stored") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
    }

    @Test func aDamagedFileIsTrainedOverNeverTrusted() async throws {
        let data = try Self.handWritten()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = IntentModelCache(directory: folder)
        _ = LanguageModel.train(data, cache: cache)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let path = (folder as NSString).appendingPathComponent(file)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        for cut in [bytes.count - 3, 30, 5] {
            bytes = bytes.prefix(cut)
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(LanguageModel.train(data, cache: cache).cacheOutcome?.hasPrefix("trained and stored") == true)
        }
        #expect(LanguageModel.train(data, cache: cache).cacheOutcome?.hasPrefix("loaded") == true)
    }
}
