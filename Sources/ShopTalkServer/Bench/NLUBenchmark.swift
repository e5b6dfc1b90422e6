import Foundation
import ShopTalkCore

/// `shoptalk bench nlu`: start-up training time, then entity extraction and intent classification of
/// varied messages (the training data's texts, re-cased, with typos and extra words) against the demo
/// store's vocabulary.
public struct NLUBenchmark: Sendable {
    let messages: Int
    let intents: String

    public init(messages: Int, intents: String) {
        self.messages = messages
        self.intents = intents
    }

    /// One model's figures.
    struct Figures {
        var name: String
        var training: Double
        var p50: Double
        var p99: Double
        var perSecond: Double
    }

    public func run() throws {
        let data = try RasaNLUReader.load(directory: intents)
        let texts = messages(from: data)
        var ngrams = data
        ngrams.encoder = nil
        var models: [(String, NLUTrainingData)] = [("n-gram (before)", ngrams)]
        if let encoder = data.encoder {
            models.append(("n-gram + MiniLM static \(encoder.dimensions)-d (now)", data))
        }
        let results = models.map { name, training in measure(name, training, texts) }
        print("nlu: \(data.examples.count) training examples, \(texts.count) messages, both models in this run")
        printTable(["model", "training (median of 3)", "p50", "p99", "messages/s (one core)"], results.map { figures in
            [figures.name, String(format: "%.0f ms", figures.training), String(format: "%.1f µs", figures.p50),
             String(format: "%.1f µs", figures.p99), String(format: "%.0f", figures.perSecond)]
        })
        if results.count == 2 {
            print(String(format: "now against before: p50 %.2f×, p99 %.2f×, throughput %.2f×",
                         results[1].p50 / results[0].p50, results[1].p99 / results[0].p99, results[1].perSecond / results[0].perSecond))
        }
    }

    /// The training data's texts, re-cased, with typos and extra words.
    func messages(from data: NLUTrainingData) -> [String] {
        var random = SeededGenerator(seed: 11)
        let extras = ["please", "asap", "thanks", "lol", "for my mum", "today", "under $80", "in black", "size 10", "last month"]
        return (0..<messages).map { index in
            var text = data.examples[index % data.examples.count].text
            if random.chance(0.3) { text += " " + random.pick(extras) }
            if random.chance(0.2) { text = text.uppercased() }
            if random.chance(0.2), text.count > 6 {
                var characters = Array(text)
                let at = Int.random(in: 1..<(characters.count - 1), using: &random)
                characters.swapAt(at, at + 1)
                text = String(characters)
            }
            return text
        }
    }

    func measure(_ name: String, _ data: NLUTrainingData, _ texts: [String]) -> Figures {
        var trainings = LatencySample()
        var trained: LanguageModel?
        for _ in 0..<3 {
            let started = ContinuousClock.now
            trained = LanguageModel.train(data)
            trainings.record(ContinuousClock.now - started)
        }
        guard let model = trained else { return Figures(name: name, training: 0, p50: 0, p99: 0, perSecond: 0) }
        let demo = DemoStore.generate(today: ShopClock.parseDay("2026-11-21") ?? Date())
        let vocabulary = CatalogVocabulary(
            brands: Array(Set(demo.products.map(\.brand))).sorted(), categories: Array(Set(demo.products.map(\.category))).sorted(),
            colors: Array(Set(demo.products.flatMap(\.colors))).sorted(), products: demo.products.map(\.name),
            discountCodes: demo.discounts.map(\.code)
        )
        let today = ShopClock.parseDay("2026-11-21") ?? Date()
        var sample = LatencySample()
        var checksum = 0
        let wall = ContinuousClock.now
        for text in texts {
            let started = ContinuousClock.now
            let entities = model.extractor.extract(text, vocabulary: vocabulary, currency: "USD", today: today)
            let intent = model.classifier.classify(text, entities: entities)
            sample.record(ContinuousClock.now - started)
            checksum &+= intent.name.count + entities.count
        }
        let seconds = (ContinuousClock.now - wall).inSeconds
        return Figures(
            name: name + " (checksum \(checksum))", training: trainings.percentile(50) / 1000, p50: sample.percentile(50),
            p99: sample.percentile(99), perSecond: Double(texts.count) / max(seconds, 1e-9)
        )
    }
}
