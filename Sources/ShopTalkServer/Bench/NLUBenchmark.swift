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

    public func run() throws {
        var trainings = LatencySample()
        var model: LanguageModel?
        for _ in 0..<5 {
            let started = ContinuousClock.now
            model = try LanguageModel.train(directory: intents)
            trainings.record(ContinuousClock.now - started)
        }
        guard let model else { return }
        let data = try RasaNLUReader.load(directory: intents)
        let demo = DemoStore.generate(today: ShopClock.parseDay("2026-11-21")!)
        let vocabulary = CatalogVocabulary(
            brands: Array(Set(demo.products.map(\.brand))).sorted(), categories: Array(Set(demo.products.map(\.category))).sorted(),
            colors: Array(Set(demo.products.flatMap(\.colors))).sorted(), products: demo.products.map(\.name),
            discountCodes: demo.discounts.map(\.code)
        )
        var random = SeededGenerator(seed: 11)
        let extras = ["please", "asap", "thanks", "lol", "for my mum", "today", "under $80", "in black", "size 10", "last month"]
        let texts: [String] = (0..<messages).map { index in
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
        let today = ShopClock.parseDay("2026-11-21")!
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
        print("nlu: \(model.exampleCount) training examples, \(texts.count) messages (checksum \(checksum))")
        printTable(["figure", "value"], [
            ["start-up training, median of 5", String(format: "%.0f ms", trainings.percentile(50) / 1000)],
            ["classify + extract p50", String(format: "%.1f µs", sample.percentile(50))],
            ["classify + extract p99", String(format: "%.1f µs", sample.percentile(99))],
            ["messages per second (one core)", String(format: "%.0f", Double(texts.count) / seconds)],
        ])
    }
}
