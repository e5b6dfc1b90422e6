/// Short social formulae: "hey man", "cheers mate", "have a lovely day", "whatever, bye". They are a
/// closed class that people fill with endless vocatives and slang ("fam", "love", "quick one"), which
/// the intent model, never having seen those words, sends out of scope. A message of at most four
/// words that carries one of these cues is small talk when the model could not place it.
enum SocialFormula {
    static let farewells: Set<String> = [
        "bye", "byee", "byeee", "goodbye", "bye-bye", "cya", "seeya", "later", "laters", "farewell", "ttyl", "goodnight",
        "adios", "tata", "ciao",
    ]
    static let thanks: Set<String> = [
        "thanks", "thank", "thx", "thnx", "tnx", "ty", "tysm", "cheers", "ta", "appreciate", "appreciated", "grateful",
        "merci", "gracias", "danke", "grazie", "obrigado", "obrigada", "thankyou", "thanku",
    ]
    static let greetings: Set<String> = [
        "hi", "hii", "hiii", "hiya", "hey", "heya", "heyy", "hello", "helo", "hallo", "howdy", "hola", "ola", "bonjour",
        "salut", "namaste", "salaam", "yo", "sup", "wassup", "greetings", "morning", "evening", "afternoon", "g'day",
    ]
    /// Every word of the three sets: greetings such as "hola" or "ciao" are never read as misspelt brands.
    static let words: Set<String> = farewells.union(thanks).union(greetings)
    /// "have a good day", "have a lovely weekend", "see you", "take care", "good night".
    static let farewellPhrases = ["see you", "see ya", "take care", "good night", "catch you", "speak soon", "talk soon"]

    /// The long formula words ("goodbye", "thanks", "cheers", "greetings"), which a slip of one letter
    /// ("goodbey", "thnaks", "cheeers") cannot turn into another word people write to a shop.
    static let mendable: [[UInt8]] = words.filter { $0.count >= 6 }.sorted().map { Array($0.utf8) }

    /// `word`, or the long formula word it is one slip away from.
    static func mended(_ word: String) -> String {
        guard word.count >= 6, !words.contains(word), !EntityTables.commonWords.contains(word) else { return word }
        let typed = Array(word.utf8)
        guard let match = mendable.first(where: { $0.first == typed.first && EditDistance.distance(typed, $0, limit: 1) != nil }) else { return word }
        return String(decoding: match, as: UTF8.self)
    }

    /// The small-talk intent of `text`, if it is a short social formula.
    static func intent(of text: String) -> String? {
        let tokens = Tokenizer.tokenize(text).filter { $0.kind != .symbol }
        guard !tokens.isEmpty, tokens.count <= 4 else { return nil }
        let words = tokens.map { mended($0.text) }
        let joined = " " + words.joined(separator: " ") + " "
        let wishesWell = words.first == "have" && ["day", "evening", "weekend", "one", "night"].contains(words.last ?? "")
        if !farewells.isDisjoint(with: words) || wishesWell || farewellPhrases.contains(where: { joined.contains(" \($0) ") }) {
            return Intent.Name.goodbye
        }
        if !thanks.isDisjoint(with: words) { return Intent.Name.thanks }
        if !greetings.isDisjoint(with: words) { return Intent.Name.greeting }
        return nil
    }
}
