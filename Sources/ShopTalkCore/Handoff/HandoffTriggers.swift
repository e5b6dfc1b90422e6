import Foundation

/// What brings a person into a conversation, read from the shopper's words and the assistant's reply.
public enum HandoffTriggers {
    public enum Reason: String, Sendable {
        case asked, frustrated, misunderstood, complaint
        case lowConfidence = "low_confidence"
    }

    /// Asking for a person in so many words: "can I talk to a real person", "get me a human", "agent please".
    static let askPatterns: [NSRegularExpression] = [
        #"\b(real|actual|live|human|proper)\s+(person|human|being|agent|people|someone|somebody)\b"#,
        #"\b(talk|speak|chat)\s+(to|with)\s+(a |an |some |your |the )?(person|human|someone|somebody|agent|staff|manager|representative|rep|operator|customer service|customer care|support|team|people)\b"#,
        #"\b(humans?|representative|operator|live agent|live chat|a person|an agent)\s*(please|pls|plz|now)?[.!?]*$"#,
        #"^\W*(an?\s+)?(humans?|person|agent|representative|operator)\s*(please|pls|plz|now)?[.!?]*$"#,
        #"\b(get|put|connect|transfer|pass)\s+(me\s+)?(through\s+)?(to|with)\s+(a|an|some|your)?\s*(person|human|agent|someone|somebody|manager|representative)\b"#,
        #"\b(not|no|stop)\s+(a\s+|the\s+|this\s+)?(bot|robot|machine|ai)\b"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// Words of anger or exasperation.
    static let angerCues = [
        "ridiculous", "useless", "furious", "angry", "fed up", "unacceptable", "pathetic", "disgusting", "outrageous",
        "terrible service", "awful service", "worst", "scam", "rip off", "ripoff", "rip-off", "wtf", "fuming", "livid",
        "sick of", "sick and tired", "waste of time", "wasting my time", "annoyed", "frustrat", "infuriat", "absurd",
        "joke of a", "stupid bot", "dumb bot", "hopeless", "shambles", "appalling", "not good enough", "had enough",
    ]

    /// Words every asking pattern needs one of: most messages have none, and skip the patterns.
    static let askCues = ["person", "human", "agent", "someone", "somebody", "staff", "manager", "represent", "rep",
                          "operator", "service", "support", "care", "team", "people", "bot", "robot", "machine", "ai", "live"]

    /// Whether `text` asks for a person.
    public static func asksForPerson(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard askCues.contains(where: { lowered.contains($0) }) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return askPatterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Whether `text` sounds angry or frustrated: words of anger, or a shouted message.
    public static func isFrustrated(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if angerCues.contains(where: { lowered.contains($0) }) { return true }
        if text.contains("!!!") || text.contains("?!?") { return true }
        var letters = 0
        var upper = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // Most messages: no table lookups.
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A { letters += 1; upper += 1 } else if value >= 0x61 && value <= 0x7A { letters += 1 }
            } else if CharacterSet.letters.contains(scalar) {
                letters += 1
                if CharacterSet.uppercaseLetters.contains(scalar) { upper += 1 }
            }
        }
        return letters >= 12 && upper * 10 >= letters * 8
    }

    /// Why this turn should bring in a person, if it should. `misunderstood` counts the assistant's
    /// out-of-scope answers in a row, this one included.
    public static func reason(text: String, reply: Reply, misunderstood: Int, settings: HandoffSettings) -> Reason? {
        if asksForPerson(text) { return .asked }
        if isFrustrated(text) { return .frustrated }
        if misunderstood >= 2 { return .misunderstood }
        if let ticket = reply.ticket, settings.personCategories.contains(ticket.category) { return .complaint }
        if settings.confidenceFloor > 0, reply.intent.confidence < settings.confidenceFloor { return .lowConfidence }
        return nil
    }

    /// "never mind", "cancel", "I don't need a person any more".
    static func withdraws(_ text: String) -> Bool {
        let lowered = text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return ["never mind", "nevermind", "cancel", "forget it", "no need", "no thanks", "it's fine", "its fine", "not needed", "sorted it"].contains(lowered)
            || lowered.contains("don't need a person") || lowered.contains("dont need a person") || lowered.contains("cancel the handoff")
    }

    /// "no", "skip", "rather not" in answer to the email question.
    static func declines(_ text: String) -> Bool {
        let lowered = text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return ["no", "nope", "no thanks", "no thank you", "skip", "rather not", "i'd rather not", "not now", "don't", "dont", "never mind", "nevermind"].contains(lowered)
    }
}
