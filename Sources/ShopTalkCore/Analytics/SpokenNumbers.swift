/// Owners who dictate say numbers as words: "twenty eleven", "two thousand and ten", "the twenty first
/// of November", "customer one two six eight zero", "three thousand pounds". Before an owner's message is
/// understood, such numbers are written as digits, so that the period parser and the entity extractor
/// read them as they read typed ones. A lone "one" stays a word ("which one", "more than one order"),
/// and a plain ordinal stays a word unless it names a day of a month ("the third of May").
public enum SpokenNumbers {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// `text` with spoken numbers written as digits.
    public static func write(_ text: String) -> String {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Each piece split into the word and the punctuation around it ("eleven?" → "eleven", "?").
        let cores = pieces.map { piece -> (lead: String, word: String, trail: String) in
            let lead = piece.prefix { !$0.isLetter && !$0.isNumber }
            let rest = piece.dropFirst(lead.count)
            let word = rest.prefix { $0.isLetter || $0 == "-" }
            return (String(lead), String(word), String(rest.dropFirst(word.count)))
        }
        let words = cores.map { $0.word.lowercased() }
        var output: [String] = []
        var index = 0
        while index < pieces.count {
            if let (value, length, ordinal) = number(at: index, words, cores: cores) {
                let last = index + length - 1
                let digits = ordinal ? "\(value)\(suffix(value))" : "\(value)"
                output.append(cores[index].lead + digits + cores[last].trail)
                index += length
            } else {
                output.append(pieces[index])
                index += 1
            }
        }
        return output.joined(separator: " ")
    }

    /// The number spoken at `index`: its value, how many words it takes, and whether it is an ordinal.
    static func number(at index: Int, _ words: [String], cores: [(lead: String, word: String, trail: String)]) -> (Int, Int, Bool)? {
        func word(_ offset: Int) -> String? {
            let at = index + offset
            // Punctuation inside a run ends it ("two, three").
            guard at < words.count, offset == 0 || cores[at - 1].trail.isEmpty, cores[at].lead.isEmpty || offset == 0 else { return nil }
            return words[at]
        }
        let parts = words[index].split(separator: "-").map(String.init)  // "twenty-first", "twenty-eleven"
        // "one-two-four-one-five": an id read digit by digit, joined up.
        // At most 18 digits, so that the number always fits.
        if (3...18).contains(parts.count), parts.allSatisfy({ (units[$0] ?? 10) < 10 }) {
            return (parts.reduce(0) { $0 * 10 + (units[$1] ?? 0) }, 1, false)
        }
        if parts.count == 2, let ten = tens[parts[0]] {
            if let unit = units[parts[1]], unit < 10 { return (ten + unit, 1, false) }
            if let ordinal = ordinals[parts[1]], ordinal < 10 { return (ten + ordinal, 1, true) }
            if let teen = units[parts[1]], ten == 20 { return (2000 + teen, 1, false) }
        }
        guard let first = word(0) else { return nil }
        // Years: "twenty eleven", "twenty twenty six", "nineteen ninety nine", "two thousand (and) eleven".
        if first == "twenty" || first == "nineteen", let second = word(1) {
            let century = first == "twenty" ? 2000 : 1900
            if let teen = units[second], teen >= 10 { return (century + teen, 2, false) }
            let pair = second.split(separator: "-").map(String.init)
            if pair.count == 2, let ten = tens[pair[0]], let unit = units[pair[1]], unit < 10 { return (century + ten + unit, 2, false) }
            if let ten = tens[second] {
                if let unit = word(2).flatMap({ units[$0] }), unit > 0, unit < 10 { return (century + ten + unit, 3, false) }
                return (century + ten, 2, false)
            }
        }
        // Days: "twenty first", "thirty first", and a plain ordinal that names a day of a month.
        if let ten = tens[first], ten <= 30, let ordinal = word(1).flatMap({ ordinals[$0] }), ordinal < 10 {
            return (ten + ordinal, 2, true)
        }
        if let ordinal = ordinals[first] {
            let ofMonth = word(1) == "of" && (word(2).map(months.contains) ?? false)
            let afterMonth = index > 0 && (months.contains(words[index - 1]) || (words[index - 1] == "the" && index > 1 && months.contains(words[index - 2])))
            // "the first and the fifteenth of November", "from the fourteenth to the twentieth of November".
            let connectors: Set<String> = ["to", "and", "till", "until", "through", "thru"]
            let before = index > 1 && words[index - 1] == "the" ? index - 2 : index - 1
            let rangeEnd = before > 0 && connectors.contains(words[before]) && (word(1) == "of" || word(1).map(months.contains) == true)
            let endAt = word(2) == "the" ? 3 : 2
            let rangeStart = word(1).map(connectors.contains) == true
                && (word(endAt).map { ordinals[$0] != nil || tens[$0] != nil } ?? false)
                && (endAt + 1...endAt + 3).contains { word($0).map(months.contains) == true }
            return ofMonth || afterMonth || rangeEnd || rangeStart ? (ordinal, 1, true) : nil
        }
        // Digit by digit: "one two six eight zero" (three digits or more).
        var digits = ""
        var length = 0
        while let spoken = word(length), let digit = units[spoken] ?? (spoken == "oh" && length > 0 ? 0 : nil), digit < 10 {
            digits += "\(digit)"
            length += 1
        }
        if length >= 3, let value = Int(digits) { return (value, length, false) }
        if let grouped = groups(word: word) { return grouped }
        // Cardinals: "three thousand", "twelve thousand six hundred and eighty", "forty two".
        return cardinal(at: index, word: word)
    }

    /// An id read out in groups of digits: "seventeen five eleven" is 17511, "twelve six eighty" 12680.
    /// Spoken sums put a ten before a unit ("forty two"), so two groups side by side are digits written
    /// one after another; four digits or more, so that "five ten" stays as it was said.
    static func groups(word: (Int) -> String?) -> (Int, Int, Bool)? {
        var digits = ""
        var length = 0
        var count = 0
        while let spoken = word(length), digits.count <= 18 {
            var value: Int
            var used = 1
            if let ten = tens[spoken] {
                value = ten
                if let unit = word(length + 1).flatMap({ units[$0] }), unit > 0, unit < 10 { value += unit; used = 2 }
            } else if let unit = units[spoken] {
                value = unit
            } else {
                break
            }
            digits += "\(value)"
            length += used
            count += 1
        }
        guard count >= 2, digits.count >= 4, digits.count <= 18, let value = Int(digits) else { return nil }
        return (value, length, false)
    }

    static func cardinal(at index: Int, word: (Int) -> String?) -> (Int, Int, Bool)? {
        var total = 0
        var current = 0
        var length = 0
        var sawNumber = false
        // Numbers end at a trillion: "hundred hundred hundred…" stops growing instead of overflowing.
        while let spoken = word(length), total < 1_000_000_000_000, current < 1_000_000_000_000 {
            let pair = spoken.split(separator: "-").map(String.init)
            if let unit = units[spoken] {
                current += unit
            } else if let ten = tens[spoken] {
                current += ten
            } else if sawNumber, pair.count == 2, let ten = tens[pair[0]], let unit = units[pair[1]], unit > 0, unit < 10 {
                // "… seven hundred and forty-eight".
                current += ten + unit
            } else if spoken == "hundred", sawNumber {
                current = max(current, 1) * 100
            } else if spoken == "thousand", sawNumber {
                total += max(current, 1) * 1000
                current = 0
            } else if spoken == "and", sawNumber, let next = word(length + 1),
                      units[next] != nil || tens[next] != nil || tens[String(next.prefix { $0 != "-" })] != nil {
                length += 1
                continue
            } else {
                break
            }
            sawNumber = true
            length += 1
        }
        guard sawNumber, let first = word(0) else { return nil }
        // A lone "one" is a word ("which one"); small numbers alone are left to the parsers that read them.
        if length == 1, first == "one" { return nil }
        return (total + current, length, false)
    }

    static func suffix(_ value: Int) -> String {
        if (11...13).contains(value % 100) { return "th" }
        switch value % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
