import Foundation

/// The intent classifier of the chat pipeline: an `IntentModel` trained from NLU data, with a
/// confidence threshold and a margin below which a message is `out_of_scope`.
public struct TrainedIntentClassifier: IntentClassifying {
    public let model: IntentModel
    /// Below this probability the top intent is not trusted.
    public var threshold: Double
    /// When the top two intents are closer than this, neither is trusted.
    public var margin: Double

    public init(model: IntentModel, threshold: Double = 0.35, margin: Double = 0.05) {
        self.model = model
        self.threshold = threshold
        self.margin = margin
    }

    /// Trains on `data`'s intent examples. Entity types found by `extractor` (with a vocabulary built from
    /// the data's lookups and annotations) become features, exactly as they will at run time.
    public static func train(
        _ data: NLUTrainingData, extractor: EntityExtractor, trainer: IntentTrainer = IntentTrainer(),
        threshold: Double = 0.35, margin: Double = 0.05, cache: IntentModelCache? = nil
    ) -> TrainedIntentClassifier {
        trainReporting(data, extractor: extractor, trainer: trainer, threshold: threshold, margin: margin, cache: cache).classifier
    }

    /// As `train`, saying whether the model came from `cache`, was trained and filed there, or could not
    /// be filed (and why); nil without a cache.
    static func trainReporting(
        _ data: NLUTrainingData, extractor: EntityExtractor, trainer: IntentTrainer = IntentTrainer(),
        threshold: Double = 0.35, margin: Double = 0.05, cache: IntentModelCache?
    ) -> (classifier: TrainedIntentClassifier, cache: String?) {
        let vocabulary = CatalogVocabulary(training: data)
        let today = ShopClock.parseDay("2026-06-15")!
        let samples = data.examples.map { example in
            let found = extractor.extract(example.text, vocabulary: vocabulary, currency: "USD", today: today)
            let annotated = example.spans.map {
                Entity(type: $0.entity, value: .string($0.value), text: "", start: $0.start, end: $0.end)
            }
            let spans = annotated + found.filter { entity in
                !annotated.contains { $0.start < entity.end && entity.start < $0.end }
            }
            return IntentTrainer.Sample(
                text: delexicalize(example.text, spans), raw: example.text, entityTypes: Array(Set(spans.map(\.type))).sorted(),
                intent: example.intent
            )
        }
        guard let cache else {
            return (TrainedIntentClassifier(model: trainer.train(samples, encoder: data.encoder), threshold: threshold, margin: margin), nil)
        }
        let fingerprint = IntentModelCache.fingerprint(samples, trainer: trainer, encoder: data.encoder)
        if let cached = cache.load(fingerprint, encoder: data.encoder) {
            return (TrainedIntentClassifier(model: cached, threshold: threshold, margin: margin), "loaded \(cache.path(fingerprint))")
        }
        let model = trainer.train(samples, encoder: data.encoder)
        let outcome: String
        do {
            try cache.store(model, fingerprint: fingerprint)
            outcome = "trained and stored \(cache.path(fingerprint))"
        } catch {
            outcome = "trained; not stored (\(error.localizedDescription))"
        }
        return (TrainedIntentClassifier(model: model, threshold: threshold, margin: margin), outcome)
    }

    /// The message with each entity span replaced by its type ("show me Sony tvs under $500" →
    /// "show me xbrandx xcategoryx xpricex"), so that the classifier learns how people ask rather than
    /// which brands, prices or dates they happen to name.
    static func delexicalize(_ text: String, _ entities: [Entity]) -> String {
        guard !entities.isEmpty else { return text }
        // Entity offsets count Unicode scalars. The text between entities is copied as whole slices (appending
        // it scalar by scalar was most of this function's time), walking the scalars once.
        let scalars = text.unicodeScalars
        let count = scalars.count
        var result = ""
        result.reserveCapacity(text.utf8.count + 16 * entities.count)
        var position = 0
        var index = scalars.startIndex
        for entity in entities.sorted(by: { $0.start < $1.start }) where entity.start >= position && entity.end <= count {
            let start = scalars.index(index, offsetBy: entity.start - position)
            result += Substring(scalars[index..<start])
            result += " x\(entity.type.filter { $0 != "_" })x "
            index = scalars.index(start, offsetBy: entity.end - entity.start)
            position = entity.end
        }
        result += Substring(scalars[index...])
        return result
    }

    /// Entity types that name what a shop sells.
    static let catalogTypes: Set<String> = [
        Entity.Kind.category, Entity.Kind.brand, Entity.Kind.product, Entity.Kind.item,
    ]

    public func classify(_ text: String, entities: [Entity]) -> Intent {
        let scores = model.scores(Self.delexicalize(text, entities), raw: text, entityTypes: Array(Set(entities.map(\.type))).sorted())
        guard let top = scores.first else { return Intent(name: Intent.Name.outOfScope, confidence: 1) }
        let second = scores.count > 1 ? scores[1].probability : 0
        var intent = Intent(name: top.intent, confidence: Self.rounded(top.probability))
        if top.intent != Intent.Name.outOfScope && (top.probability < threshold || top.probability - second < margin) {
            intent = Intent(name: Intent.Name.outOfScope, confidence: Self.rounded(1 - top.probability))
        }
        // A short message that names things the shop sells ("yoga mats", "sony headphones?") is a search
        // unless the model is sure it is not; a longer one only when the model leaned that way.
        let unplaced: Set<String> = [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.greeting]
        // A greeting or a question about the assistant the model is sure of stays one ("hi there, long time
        // Samsung fan, just saying hello").
        let sure = intent.name != Intent.Name.outOfScope && intent.confidence >= 0.8
        if unplaced.contains(intent.name), !sure, entities.contains(where: { Self.catalogTypes.contains($0.type) }) {
            let words = text.split { $0 == " " }.count
            let outOfScope = top.intent == Intent.Name.outOfScope ? top.probability : 0
            if words <= 4 ? outOfScope < 0.9 : outOfScope < 0.5 {
                return Intent(name: Intent.Name.findProducts, confidence: max(0.6, intent.confidence))
            }
        }
        if intent.name == Intent.Name.outOfScope, let social = SocialFormula.intent(of: text) {
            return Intent(name: social, confidence: 0.6)
        }
        if intent.name == Intent.Name.outOfScope, let sentence = confidentSentence(text, entities: entities) { return sentence }
        return intent
    }

    /// A long message the model cannot place as a whole ("My son needs football boots for the club. He is a
    /// size 5. Can you show me what you have?") is placed by the one of its sentences the model is sure of.
    func confidentSentence(_ text: String, entities: [Entity]) -> Intent? {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where ".!?".unicodeScalars.contains(scalar) {
            if index + 1 == scalars.count || scalars[index + 1] == " " {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < scalars.count { sentences.append(start..<scalars.count) }
        guard sentences.count > 1 else { return nil }
        var best: Intent?
        for range in sentences {
            let sentence = String(String.UnicodeScalarView(scalars[range]))
            guard sentence.split(separator: " ").count >= 3 else { continue }
            let inside = entities.filter { range.contains($0.start) && $0.end <= range.upperBound }.map { entity -> Entity in
                var shifted = entity
                shifted.start -= range.lowerBound
                shifted.end -= range.lowerBound
                return shifted
            }
            let scores = model.scores(Self.delexicalize(sentence, inside), raw: sentence, entityTypes: Array(Set(inside.map(\.type))).sorted())
            guard let top = scores.first, top.intent != Intent.Name.outOfScope else { continue }
            let second = scores.count > 1 ? scores[1].probability : 0
            if top.probability >= sentenceConfidence, top.probability - second >= 2 * margin, top.probability > best?.confidence ?? 0 {
                best = Intent(name: top.intent, confidence: Self.rounded(top.probability))
            }
        }
        return best
    }

    /// How sure the model must be of one sentence to place a whole message by it.
    var sentenceConfidence: Double { 0.75 }

    static func rounded(_ value: Double) -> Double {
        (min(1, max(0, value)) * 1000).rounded() / 1000
    }
}

extension CatalogVocabulary {
    /// A vocabulary from training data: lookup tables and annotated values stand in for a catalog.
    public init(training data: NLUTrainingData) {
        var brands = Set<String>()
        var products = Set<String>()
        for example in data.examples {
            for span in example.spans {
                switch span.entity {
                case Entity.Kind.brand: brands.insert(span.value.lowercased())
                case Entity.Kind.product: products.insert(span.value.lowercased())
                default: break
                }
            }
        }
        self.init(
            brands: brands.sorted(),
            categories: (data.lookups["category"] ?? []).map { $0.lowercased() },
            colors: (data.lookups["color"] ?? []).map { $0.lowercased() },
            products: products.sorted()
        )
    }
}
