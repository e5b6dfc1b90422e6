import Foundation

/// The product an owner's question is about, from the words left once the metric, the period and the
/// filters are accounted for. A product needs positive evidence:
/// - words of talk around the question ("quick one before my meeting —") never name one, unless they
///   hold a product's whole name ("how's the red retrospot cake stand doing, how many units this year?");
/// - a phrase most of whose words are in no product's name, and none a kind of goods ("teapot"), is
///   talk too ("the card machine total looks off"), answered without a product filter instead of
///   "I don't know a product called …";
/// - a purpose said last ("…, need it for the bank") is talk;
/// - a ranking of products ranks them all: only a product named in full narrows it.
extension QuestionParser {
    /// Sets the product filter of `query`, or returns the question to ask back.
    static func product(in turn: Turn, query: inout SalesQuery, asides: [Set<Int>], correction: (start: Int, end: Int)?,
                        matcher: ProductNameMatcher) -> Outcome? {
        // What is left may name a product (an `item` such as "teapot" is part of a product's name here).
        // Colours stay: they are part of product names ("red kitchen scales").
        let covered = turn.entities.filter { $0.type != Entity.Kind.item && $0.type != Entity.Kind.color }.map { $0.start..<$0.end }
        func content(_ words: [String]) -> [String] {
            words.filter { !Self.questionWords.contains($0) && !Self.ordinaryWords.contains($0) && Self.demonyms[$0] == nil }
        }
        let retracted = Self.retractedProductWords(turn, at: correction, matcher: matcher)
        let freeTokens = turn.tokens.filter { token in
            token.kind != .symbol && !covered.contains { $0.contains(token.start) } && !(Int(token.text) != nil) && !retracted.contains(token.start)
        }
        let free = freeTokens.map(\.text)
        // Words that name no goods: which market ("our home market", "the domestic market"), idioms, the
        // answer's form, someone who asks.
        let words = turn.tokens.filter { $0.kind != .symbol }
        let notGoods = Set(zip(words, words.dropFirst()).filter { ["market", "markets"].contains($1.text) }.map(\.0.start))
            .union(Self.idiomWords(words))
            // "one number with a % sign": the form of the answer.
            .union(zip(turn.tokens, turn.tokens.dropFirst()).filter { ["%", "£", "$", "€"].contains($0.text) && $1.text == "sign" }.map(\.1.start))
            // "The bank asked for…", "my accountant wants…": someone who asks names no goods.
            .union(zip(words, words.dropFirst()).filter { Self.audiences.contains($0.text) && Self.asking.contains($1.text) }.map(\.0.start))
        let phraseTokens = freeTokens.filter { token in
            !asides.contains { $0.contains(token.start) } && !content([token.text]).isEmpty && !notGoods.contains(token.start)
        }
        let phrase = phraseTokens.map(\.text)
        var named = phrase
        // A product the extractor recognised counts only when the words typed for it say more than a
        // question does ("if you can…" is not IF YOU CAN'T STAND THE HEAT MUG) and are not talk.
        // Each recognised part counts: "the hot water bottle with the scottie dog" is two parts of one name.
        let recognised = turn.entities.filter { entity in
            entity.type == Entity.Kind.product && entity.value.stringValue != nil
                && !content(Tokenizer.tokenize(entity.text).filter { $0.kind == .word }.map(\.text)).isEmpty
                && !asides.contains(where: { $0.contains(entity.start) })
        }
        if !recognised.isEmpty {
            named = recognised.flatMap { Tokenizer.tokenize($0.value.stringValue ?? "").filter { $0.kind != .symbol }.map(\.text) } + phrase
        }
        // An aside that holds a product's whole name names it ("I'm deciding whether to reorder the jam making
        // set with jars. How many of them did we sell …?"); the longest such name wins.
        func wholeNameInAsides() -> Outcome? {
            // "Squaring the books for the lunch bag spaceboy - what were its takings?": a question that points back
            // with "its" takes the one product the talk names most of (two of its words or more), unless an
            // aside names a product whole.
            let pointsBack = turn.tokens.contains { token in token.text == "its" && !asides.contains { $0.contains(token.start) } }
            var pointedAt: ProductNameMatcher.Candidate?
            for aside in asides {
                let words = turn.tokens.filter { $0.kind != .symbol && aside.contains($0.start) }.map(\.text)
                let whole = matcher.candidates(for: words, limit: 64).filter { $0.coverage >= 0.999 }
                if let longest = whole.max(by: { ProductNameMatcher.words($0.name).count < ProductNameMatcher.words($1.name).count }),
                   ProductNameMatcher.words(longest.name).count >= 2 {
                    pointedAt = longest
                    break
                }
                guard pointsBack, pointedAt == nil else { continue }
                let candidates = matcher.candidates(for: content(words), limit: 16).filter { candidate in
                    candidate.coverage >= 0.6 && candidate.coverage * Double(ProductNameMatcher.words(candidate.name).count) >= 2
                }
                if let best = candidates.max(by: { $0.coverage < $1.coverage }), candidates.filter({ $0.coverage == best.coverage }).count == 1 {
                    pointedAt = best
                }
            }
            if let product = pointedAt {
                query.filter.productIDs = [product.id]
                query.filter.productLabel = product.name
            }
            return nil
        }
        if named.isEmpty { return wholeNameInAsides() }
        // Words of one or two letters ("am", "ok") are no evidence of a product on their own.
        if named.allSatisfy({ $0.count <= 2 }) { return nil }
        var candidates = matcher.candidates(for: named)
        var complete = candidates.filter { $0.precision >= 0.999 }
        // Words found as typed beat the same words one typo away ("skipping rope" is not "SKIPPPING ROPE").
        if complete.contains(where: { $0.fuzzy == 0 }) { complete.removeAll { $0.fuzzy > 0 } }
        if Set(complete.map(\.name)).count > 1 {
            // Ordinary words set aside may tell the names apart ("small chinese style scissor", "tea time").
            let names = complete.map { ProductNameMatcher.words($0.name) }
            let telling = free.filter { word in !phrase.contains(word) && names.contains { $0.contains(ProductNameMatcher.normalise(word)) } }
            let refined = matcher.candidates(for: named + telling).filter { $0.precision >= 0.999 }
            if !telling.isEmpty, !refined.isEmpty, Set(refined.map(\.name)).count < Set(complete.map(\.name)).count {
                named += telling
                candidates = matcher.candidates(for: named)
                complete = refined
            }
        }
        let label = named.joined(separator: " ")
        let exact = complete.first { $0.coverage >= 0.999 }
        // Words mostly unknown to the catalog are talk, unless one names a kind of goods ("the zebra
        // teapot"); a product ranking is narrowed only by a whole name.
        let unknown = named.filter { !matcher.knowsLoosely($0) }.count
        let goods = turn.entities.contains { entity in entity.type == Entity.Kind.item && !asides.contains { $0.contains(entity.start) } }
        if exact == nil, !goods, unknown * 2 >= named.count { return wholeNameInAsides() }
        // "…, need it for the bank": a purpose said last names no product. After a metric word it does
        // ("revenue for the retrospot"), unless what follows is someone a figure is wanted for ("q2 rev for the bank").
        if exact == nil, !goods, named == phrase, let purpose = turn.tokens.lastIndex(where: { $0.text == "for" }),
           purpose > 0, purpose + 1 < turn.tokens.count, ["the", "my", "our", "a", "an", "this"].contains(turn.tokens[purpose + 1].text),
           !Self.businessWords.contains(turn.tokens[purpose - 1].text) || phraseTokens.allSatisfy({ Self.audiences.contains($0.text) }),
           phraseTokens.allSatisfy({ $0.start > turn.tokens[purpose].start }) { return nil }
        if exact == nil, case .ranking(.product, _, _) = query.kind { return nil }
        // Every asked-for word in several names, none of them exactly what was asked: ask which.
        if exact == nil && Set(complete.map(\.name)).count > 1 {
            return .ambiguousProduct(phrase: label, candidates: complete.prefix(5).map(\.name))
        }
        if let best = exact ?? complete.first ?? candidates.first, best.score >= 0.55 {
            query.filter.productIDs = [best.id]
            query.filter.productLabel = best.name
        } else if named.count >= 2 {
            return .unknownProduct(phrase: label, closest: candidates.prefix(3).map(\.name))
        }
        return nil
    }

    /// Idioms of sport and charts whose words are in product names ("rack up", "on the board", "low point").
    static let idioms: [[String]] = [
        "rack up", "racked up", "racking up", "racks up", "on the board", "on the scoreboard", "low point", "high point",
        "personal best", "lead the way", "top of the table", "pole position", "score best", "scores best", "scored best",
        "heavy hitters", "bottom of the table", "percent sign", "pound sign",
        "peak month", "rock bottom", "wooden spoon",
    ].map { $0.split(separator: " ").map(String.init) }

    static let asking: Set<String> = ["asked", "asks", "wants", "wanted", "needs", "needed", "says", "said", "thinks", "thought",
                                      "reckons", "requested", "requires", "expects", "told"]

    /// The starts of the words of `words` inside an idiom.
    static func idiomWords(_ words: [Token]) -> Set<Int> {
        var found = Set<Int>()
        for idiom in idioms where words.count >= idiom.count {
            for at in 0...(words.count - idiom.count) where (0..<idiom.count).allSatisfy({ words[at + $0].text == idiom[$0] }) {
                found.formUnion(words[at..<(at + idiom.count)].map(\.start))
            }
        }
        return found
    }

    /// "How many regency cakestands — sorry, I meant the chocolate hot water bottle — did we sell": the
    /// words before a correction are taken back when the words after it name goods too.
    static func retractedProductWords(_ turn: Turn, at correction: (start: Int, end: Int)?, matcher: ProductNameMatcher) -> Set<Int> {
        guard let marker = correction else { return [] }
        let breaks = turn.tokens.filter { $0.kind == .symbol && partBreaks.contains($0.text) }.map(\.start)
        let opening = breaks.last { $0 < marker.start }.map { edge in breaks.last { $0 < edge } ?? -1 } ?? -1
        // The correction runs to the next break after its first word ("sorry, I meant the … —").
        let firstWord = turn.tokens.first { $0.start > marker.end && $0.kind != .symbol }?.start ?? Int.max
        let closing = breaks.first { $0 > firstWord } ?? Int.max
        let goods = { (token: Token) in
            token.kind == .word && !questionWords.contains(token.text) && !ordinaryWords.contains(token.text) && matcher.knows(token.text)
        }
        guard turn.tokens.contains(where: { $0.start > marker.end && $0.start < closing && goods($0) }) else { return [] }
        return Set(turn.tokens.filter { $0.start > opening && $0.end <= marker.start && $0.kind == .word }.map(\.start))
    }
}
