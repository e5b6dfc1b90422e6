/// The words that answer a yes-or-no question, for every rule and handler that asks one (a search offer,
/// an order action's confirmation, a points redemption), so that they all hear "yes" alike.
public enum YesNo {
    static let yes: Set<String> = ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "confirm", "confirmed", "go"]
    static let no: Set<String> = ["no", "nope", "nah", "don't", "dont", "keep"]
    /// Either: the message answers the question rather than changing the subject.
    static let either = yes.union(no)

    /// "yes", "ok go ahead": a yes and no no.
    static func isYes(_ turn: Turn) -> Bool {
        let words = Set(turn.words)
        return !words.isDisjoint(with: yes) && words.isDisjoint(with: no.subtracting(["keep"]))
    }

    /// "no", "keep it": a no and no yes.
    static func isNo(_ turn: Turn) -> Bool {
        let words = Set(turn.words)
        return !words.isDisjoint(with: no) && words.isDisjoint(with: yes)
    }

    /// Whether the message answers a yes-or-no question at all.
    static func answers(_ turn: Turn) -> Bool {
        !Set(turn.words).isDisjoint(with: either)
    }
}
