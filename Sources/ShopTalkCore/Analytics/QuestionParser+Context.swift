import Foundation

/// Owners wrap a question in sentences about their lives: "We opened in 2009 and moved in March 2010. How
/// many customers ordered in September 2011?", "I'm off to Spain next week. Who were our top 3 customers
/// in November?", "Our rent went up 12% this spring. By what percentage did revenue change …?". Those
/// sentences hold years, countries, numbers and goods that are not the question's. When a message has a
/// sentence about the business, a sentence about people with nothing of the business in it is set aside
/// whole, its entities with it, before the question is parsed.
extension QuestionParser {
    /// Words that put a sentence about people: its subject or its owner.
    static let contextSpeakers: Set<String> = speakers.union(["we'll", "our", "us", "their", "them", "his", "her", "him", "your", "let's", "it's"])

    /// Words that tie a sentence to the figures asked for ("I need the figures for Germany.").
    static let figureWords: Set<String> = [
        "figure", "figures", "numbers", "number", "stats", "statistics", "data", "results", "performance", "sales", "report", "breakdown",
        "percentage", "percent", "total", "amount", "answer", "change", "difference",
    ]

    /// Words that open a correction, kept when the sentence names what replaces ("Sorry, I mean June.").
    static let correctionOpeners: Set<String> = ["sorry", "no", "oops", "correction", "actually", "mean", "meant", "make", "scratch", "rather"]

    /// Words that say a sentence replaces something said before.
    static let correctionCues: Set<String> = ["mean", "meant", "make", "rather", "instead", "wait", "correction", "scratch", "not"]

    /// `turn` without its sentences of context, or unchanged when it has one sentence or none about the business.
    static func withoutContext(_ turn: Turn) -> Turn {
        var sentences: [[Token]] = [[]]
        for token in turn.tokens {
            sentences[sentences.count - 1].append(token)
            if token.kind == .symbol, [".", "!", "?"].contains(token.text) { sentences.append([]) }
        }
        let words = sentences.map { $0.filter { $0.kind != .symbol }.map(\.text) }
        let spoken = words.indices.filter { !words[$0].isEmpty }
        guard spoken.count > 1 else { return turn }
        let analytic = Set(spoken.filter { looksAnalytic(words[$0]) })
        guard !analytic.isEmpty else { return turn }
        let context = spoken.filter { index in
            let said = Set(words[index])
            // "Give me the top 3.": the size of a ranking asked for is part of the question.
            let sizesRanking = zip(words[index], words[index].dropFirst()).contains { ["top", "bottom", "first"].contains($0) && Int($1) != nil }
            // A question of its own ("How'd we go last month?") is part of what is asked.
            guard !analytic.contains(index), sentences[index].last?.text != "?", said.isDisjoint(with: figureWords), !sizesRanking,
                  !said.isDisjoint(with: contextSpeakers) else { return false }
            // "Sorry, I mean June.": a correction that names something is part of the question.
            // An opener alone does not make one: "Sorry, I'm still learning the words for things." is talk.
            let corrects = words[index].count <= 5 || !said.isDisjoint(with: correctionCues)
            if let first = words[index].first, corrects, correctionOpeners.contains(first) || words[index].starts(with: ["i", "mean"]) {
                let span = sentenceSpan(sentences[index])
                let names = turn.entities.contains { span.contains($0.start) }
                return !names && said.isDisjoint(with: businessWords)
            }
            return true
        }
        // "We keep running short of the regency cakestand. How many of those did we sell?": goods pointed back to
        // are named in the context, which then stays.
        let pointsAtGoods = spoken.contains { index in
            !context.contains(index) && !Set(words[index]).isDisjoint(with: ["those", "these", "them", "ones"])
        }
        guard !context.isEmpty, !pointsAtGoods else { return turn }
        let spans = context.map { sentenceSpan(sentences[$0]) }
        let outside = { (start: Int) in !spans.contains { $0.contains(start) } }
        // "September 2011 was our campaign month. How many customers bought that month?": a question with no
        // period of its own that points back to one keeps the period of the context.
        let keptWords = turn.tokens.filter { $0.kind != .symbol && outside($0.start) }.map(\.text)
        let pointsBack = zip(keptWords, keptWords.dropFirst()).contains { ["that", "the", "same"].contains($0) && pointedPeriods.contains($1) }
            || keptWords.contains("then")
        let keepDates = pointsBack && !turn.entities.contains { $0.type == Entity.Kind.date && outside($0.start) }
        // "… their customer number is 14911. How much have they spent?": a customer pointed back to.
        let pointsAtCustomer = !Set(keptWords).isDisjoint(with: ["they", "them", "their", "he", "she", "him", "her"])
        let keepCustomer = pointsAtCustomer && !turn.entities.contains { $0.type == Entity.Kind.customerID && outside($0.start) }
        let entities = turn.entities.filter { entity in
            outside(entity.start) || (keepDates && entity.type == Entity.Kind.date) || (keepCustomer && entity.type == Entity.Kind.customerID)
        }
        var kept = turn
        kept.tokens = turn.tokens.filter { token in outside(token.start) || entities.contains { $0.start <= token.start && token.start < $0.end } }
        kept.entities = entities
        return kept
    }

    /// Periods a question points back to: "that month", "the same quarter".
    static let pointedPeriods: Set<String> = ["month", "year", "quarter", "week", "day", "period", "time", "season", "fortnight"]

    private static func sentenceSpan(_ tokens: [Token]) -> Range<Int> {
        guard let first = tokens.first, let last = tokens.last, first.start < last.end else { return 0..<0 }
        return first.start..<last.end
    }
}
