/// A transparent keyword classifier: each intent has cue words and phrases, and the intent with the most
/// matching cues wins. It is the baseline the trained classifier is measured against
/// (`shoptalk eval intents --baseline`); it is not meant to be accurate.
public struct KeywordIntentClassifier: IntentClassifying {
    private let cues: [(intent: String, phrases: [[String]])]

    public init() {
        let table: [(String, [String])] = [
            (Intent.Name.greeting, ["hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "yo"]),
            (Intent.Name.goodbye, ["bye", "goodbye", "see you", "see ya", "later", "cya"]),
            (Intent.Name.thanks, ["thanks", "thank you", "thx", "cheers", "ty", "appreciate"]),
            (Intent.Name.help, ["help", "what can you do", "how does this work", "options", "menu"]),
            (Intent.Name.findProducts, [
                "show", "find", "looking for", "look for", "search", "need", "want", "buy", "have any",
                "do you sell", "do you have", "more", "cheaper", "browse",
            ]),
            (Intent.Name.businessQuery, ["revenue", "sales", "sold", "top customers", "best sellers", "margin", "restock"]),
        ]
        self.cues = table.map { intent, phrases in
            (intent, phrases.map { $0.split(separator: " ").map(String.init) })
        }
    }

    public func classify(_ text: String, entities: [Entity]) -> Intent {
        let words = Tokenizer.tokenize(text).filter { $0.kind != .symbol }.map(\.text)
        var best = (name: Intent.Name.outOfScope, score: 0)
        for (intent, phrases) in cues {
            var score = 0
            for phrase in phrases where contains(words, phrase) {
                score += phrase.count
            }
            if score > best.score {
                best = (intent, score)
            }
        }
        let confidence = best.score == 0 ? 0.3 : min(0.95, 0.6 + 0.1 * Double(best.score))
        return Intent(name: best.name, confidence: confidence)
    }

    private func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
