/// Owners type in shorthand and trade slang ("rev last mth", "custs this yr", "what did we flog",
/// "how many punters"). Before an owner's message is understood, each such word is written out, so
/// that the period parser, the classifier and the question parser all read the plain word. Only whole
/// words change; punctuation, numbers and every other word stay as typed.
public enum OwnerShorthand {
    static let words: [String: String] = [
        "rev": "revenue", "revs": "revenue", "mth": "month", "mths": "months", "mnth": "month", "mnths": "months",
        "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "qtr": "quarter", "qtrs": "quarters",
        "cust": "customer", "custs": "customers", "prod": "product", "prods": "products", "sku": "product", "skus": "products",
        "qty": "quantity", "qtys": "quantities", "avg": "average", "amt": "amount", "ords": "orders", "num": "number",
        "txn": "order", "txns": "orders", "transaction": "order", "transactions": "orders",
        "client": "customer", "clients": "customers", "punter": "customer", "punters": "customers",
        // A bookkeeper's "accounts" are the customers on the sales ledger ("our biggest accounts", "account 14646").
        "account": "customer", "accounts": "customers",
        "article": "item", "articles": "items",
        // Everyday words of owners new to the trade: "which things sold best", "how many separate purchases"
        // (people are customers in the parser's rules, since "person" is also in product names).
        "things": "items", "stuff": "items", "purchases": "orders", "checkouts": "orders",
        "flog": "sell", "flogs": "sells", "flogged": "sold", "flogging": "selling", "yday": "yesterday",
        "pct": "percent", "percents": "percent", "v": "vs", "mom": "compared", "yoy": "compared year on year",
        "qoq": "compared", "trimester": "quarter", "trimesters": "quarters", "trimestre": "quarter", "semester": "half",
        "semestre": "half",
        // Texting: "how many ppl bought stuff rn", "who spent the most w us".
        "ppl": "people", "w": "with", "u": "you", "ur": "your", "plz": "please", "pls": "please", "thx": "thanks",
        "abt": "about", "b4": "before", "wat": "what", "wot": "what", "bc": "because", "cuz": "because", "coz": "because",
        "rn": "now", "tbh": "", "ngl": "", "idk": "", "lol": "", "btw": "", "tho": "", "asap": "",
        // Typed on a phone without the space: "rev lastmonth".
        "lastmonth": "last month", "thismonth": "this month", "lastyear": "last year", "thisyear": "this year",
        "lastweek": "last week", "thisweek": "this week", "lastquarter": "last quarter", "thisquarter": "this quarter",
        // Spoken fillers go: "how many uh orders" asks for orders.
        "uh": "", "uhh": "", "um": "", "umm": "", "uhm": "", "er": "", "erm": "", "hmm": "",
    ]

    /// The words owners' questions turn on, long enough that one slip of the finger ("revenu",
    /// "custmers", "novmber") cannot be another word; a typo of one of them is corrected.
    static let terms: [String] = [
        "revenue", "revenues", "customers", "customer", "orders", "average", "quarter", "quarters", "january", "february",
        "august", "september", "october", "november", "december", "returning", "products", "product", "countries",
        "country", "compared", "compare", "percentage", "percent", "turnover", "takings", "basket", "yesterday",
        "between", "through", "forecast", "categories", "category", "returns", "fortnight", "weekly", "monthly",
        "return", "repeat", "number", "second", "germany", "france", "switzerland", "netherlands", "belgium", "portugal",
        "australia", "finland", "norway", "denmark", "austria", "sweden", "ireland", "kingdom",
    ]

    /// Short words whose letters a fast typist swaps ("frist", "jnue", "itmes", "fro") or drops ("unts",
    /// "ordr"): corrected only when the typed word has the same letters with two neighbours swapped, or all
    /// but one of them in order (four letters or more).
    static let swappable: [String] = ["first", "third", "items", "units", "june", "july", "from", "for", "month", "order", "sales", "spain", "march", "april"]

    /// Phrases of owners writing in a second language, as an English speaker would put them: "actual"
    /// for current, "medium" for average, "the sells" for the sales.
    static let phrases: [(String, String)] = [
        ("actual month", "this month"), ("actual year", "this year"), ("actual week", "this week"), ("actual quarter", "this quarter"),
        ("the sells", "the sales"), ("medium value", "average value"), ("medium ticket", "average ticket"), ("medium order", "average order"),
        ("medium spend", "average spend"), ("medium bill", "average bill"), ("in average", "on average"),
        ("customer number", "customer"), ("customer no.", "customer"), ("account number", "customer"),
        ("customer accounts", "customers"), ("customer account", "customer"),
        // The accounts a bookkeeper draws up are no customers; a sales invoice is an invoice, and figures "net of
        // returns" are the usual net ones, not a question about returns.
        ("management accounts", "management figures"), ("annual accounts", "annual figures"), ("year-end accounts", "year-end figures"),
        ("accounts department", "finance team"), ("sales invoices", "invoices"), ("sales invoice", "invoice"),
        ("net of returns", "net"), ("net of refunds", "net"), ("net of credit notes", "net"), ("net of cancellations", "net"),
        // A clerk's "w/c" is the week commencing, not "with c".
        ("w/c", "week commencing"),
    ]

    /// `text` with each of `phrases` replaced where it stands as whole words.
    static func rewritePhrases(_ text: String) -> String {
        var result = text
        for (phrase, replacement) in phrases {
            var from = result.startIndex
            while let range = result.range(of: phrase, options: .caseInsensitive, range: from..<result.endIndex) {
                let before = range.lowerBound == result.startIndex || !result[result.index(before: range.lowerBound)].isLetter
                let after = range.upperBound == result.endIndex || !result[range.upperBound].isLetter
                guard before && after else {
                    from = range.upperBound
                    continue
                }
                let offset = result.distance(from: result.startIndex, to: range.lowerBound) + replacement.count
                result.replaceSubrange(range, with: replacement)
                from = result.index(result.startIndex, offsetBy: offset)
            }
        }
        return result
    }

    /// `text` with shorthand written out ("rev last mth" → "revenue last month", "# of cust" → "number
    /// of customers", "rev/cust" → "revenue per customer"). "cust" before an id is one customer
    /// ("cust 12583"), elsewhere customers.
    public static func expand(_ text: String) -> String {
        let characters = Array(rewritePhrases(text))
        var output = ""
        output.reserveCapacity(text.count + 16)
        var word = ""
        /// The next word or number after `index`, past spaces and a "#".
        func next(after index: Int) -> String {
            var at = index
            while at < characters.count, characters[at] == " " || characters[at] == "#" { at += 1 }
            var found = ""
            while at < characters.count, characters[at].isLetter || characters[at].isNumber { found.append(characters[at]); at += 1 }
            return found
        }
        func flush(at index: Int) {
            if !word.isEmpty {
                var full = words[word.lowercased()] ?? corrected(word.lowercased())
                let following = next(after: index)
                let id = following.count >= 3 && following.allSatisfy(\.isNumber) && !(1990...2100).contains(Int(following) ?? 0)
                if word.lowercased() == "cust", !output.hasSuffix(" per "), !id {
                    full = "customers"
                }
                if let full {
                    output += word.first?.isUppercase == true ? full.prefix(1).uppercased() + full.dropFirst() : full
                } else {
                    output += word
                }
                word = ""
            }
        }
        for (index, character) in characters.enumerated() {
            if character.isLetter || (character == "'" && !word.isEmpty) {
                word.append(character)
            } else {
                // "top10" → "top 10".
                let spaced = character.isNumber && ["top", "bottom", "best", "worst"].contains(word.lowercased())
                let previous = word
                flush(at: index)
                if spaced { output.append(" ") }
                let following = next(after: index + 1).lowercased()
                if character == "#", !(following.first?.isNumber ?? true) {
                    // "# of orders", "# new cust": a count; "#1234" stays an order number.
                    output += following == "of" ? "number" : "number of"
                    if index + 1 < characters.count, characters[index + 1] != " " { output += " " }  // "#orders"
                } else if character == "/", !previous.isEmpty, ["cust", "customer", "order", "ord", "txn", "day", "wk", "week"].contains(following) {
                    output += " per "
                } else {
                    output.append(character)
                }
            }
        }
        flush(at: characters.count)
        return output
    }

    /// The term `word` is a typo of, if it is one: words of five letters or more, one edit (two from
    /// nine letters), and never a word the question parser knows ("order" stays "order").
    static func corrected(_ word: String) -> String? {
        guard word.count >= 3, !terms.contains(word), !swappable.contains(word), !["reorder", "recent", "counter", "counters"].contains(word),
              !QuestionParser.questionWords.contains(word), !QuestionParser.ordinaryWords.contains(word),
              !QuestionParser.businessWords.contains(word), QuestionParser.demonyms[word] == nil,
              // A country is never another country misspelt ("iceland" is not "ireland").
              EntityTables.countries[word] == nil
        else { return nil }
        if let swapped = swappable.first(where: { isSwap(word, $0) || (word.count >= 4 && isDrop(word, $0)) }) { return swapped }
        guard word.count >= 5 else { return nil }
        let typed = Array(word.utf8)
        let allowance = EditDistance.allowance(forLength: word.count)
        return terms.first { term in
            term.count >= 6 && term.first == word.first && EditDistance.distance(typed, Array(term.utf8), limit: allowance) != nil
        }
    }

    /// Whether `typed` is `term` with one letter left out ("unts", "ordr", "mnth").
    static func isDrop(_ typed: String, _ term: String) -> Bool {
        let a = Array(typed), b = Array(term)
        guard a.count + 1 == b.count else { return false }
        let at = a.indices.first(where: { a[$0] != b[$0] }) ?? a.count
        return a[at...] == b[(at + 1)...]
    }

    /// Whether `typed` is `term` with two neighbouring letters swapped.
    static func isSwap(_ typed: String, _ term: String) -> Bool {
        let a = Array(typed), b = Array(term)
        guard a.count == b.count, a != b, let at = a.indices.first(where: { a[$0] != b[$0] }), at + 1 < a.count else { return false }
        return a[at] == b[at + 1] && a[at + 1] == b[at] && a[(at + 2)...] == b[(at + 2)...]
    }
}
