/// Word lists the owner question parser reads, kept apart from its logic.
extension QuestionParser {
    /// Demonyms name countries in owners' questions ("how much did the Germans spend with us", "our Dutch
    /// customers"). They are read here, not by the entity extractor, because in a shopper's message
    /// "french press" or "swiss army knife" names a product, not a market.
    static let demonyms: [String: String] = [
        "german": "Germany", "germans": "Germany", "french": "France", "dutch": "Netherlands", "british": "United Kingdom",
        "brits": "United Kingdom", "english": "United Kingdom", "scottish": "United Kingdom", "welsh": "United Kingdom",
        "belgian": "Belgium", "belgians": "Belgium", "spanish": "Spain", "spaniards": "Spain", "portuguese": "Portugal",
        "italian": "Italy", "italians": "Italy", "swiss": "Switzerland", "austrian": "Austria", "austrians": "Austria",
        "irish": "EIRE", "norwegian": "Norway", "norwegians": "Norway", "swedish": "Sweden", "swedes": "Sweden",
        "danish": "Denmark", "danes": "Denmark", "finnish": "Finland", "finns": "Finland", "australian": "Australia",
        "australians": "Australia", "american": "United States", "americans": "United States", "canadian": "Canada",
        "canadians": "Canada", "japanese": "Japan", "singaporean": "Singapore", "singaporeans": "Singapore",
        "israeli": "Israel", "israelis": "Israel", "cypriot": "Cyprus", "cypriots": "Cyprus", "greek": "Greece",
        "greeks": "Greece", "icelandic": "Iceland", "icelanders": "Iceland", "brazilian": "Brazil", "brazilians": "Brazil",
        "lebanese": "Lebanon", "lithuanian": "Lithuania", "lithuanians": "Lithuania", "maltese": "Malta", "czech": "Czech Republic",
        "czechs": "Czech Republic", "bahraini": "Bahrain", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
    ]

    /// Those an owner wants a figure for ("q2 revenue for the bank"), which name no product after "for the".
    static let audiences: Set<String> = [
        "bank", "banks", "accountant", "accountants", "board", "investors", "investor", "auditor", "auditors", "lender",
        "landlord", "boss", "partner", "partners", "meeting", "presentation", "report", "newsletter", "taxman", "insurers",
        "insurance", "mortgage", "loan", "return", "forms", "spreadsheet", "minutes",
    ]

    /// Words that name units sold.
    static let unitWords: Set<String> = ["units", "unit", "quantity", "quantities", "pieces", "move", "moved", "shift", "shifted", "shifting"]

    /// Words that weigh one period against another.
    static let comparingWords: Set<String> = changeWords.union([
        "compare", "compared", "comparison", "vs", "versus", "against", "than", "difference", "percent", "percentage", "%", "up", "down",
        "better", "worse", "higher", "lower", "more", "less", "each", "respectively", "separately", "apiece",
    ])

    /// Words of a change, which with "percent" ask for a comparison.
    static let changeWords: Set<String> = [
        "change", "changed", "changes", "grow", "grown", "grew", "growth", "increase", "increased", "decrease", "decreased",
        "drop", "dropped", "rise", "rose", "risen", "fell", "fall", "fallen", "vary", "varied", "variation", "evolve", "evolved", "evolution",
    ]

    /// Words between "how many" and what is counted ("how many separate orders").
    static let countAdjectives: Set<String> = [
        "separate", "different", "distinct", "unique", "individual", "actual", "total", "single", "paying", "real", "repeat", "online",
    ]

    /// Ordinary English words that never name a product on their own: verbs of selling and moving
    /// goods, quantities, time words and function words. A product needs at least one word outside
    /// this list ("bring" is not LETTER "A" BLING KEY RING, "placed" is not a PLACE SETTING), and these
    /// words are never corrected to a product word by edit distance.
    static let ordinaryWords: Set<String> = [
        // A stock "line" is a product in general ("best-selling lines"), not PHOTO CLIP LINE.
        "line", "lines",
        "times", "once", "twice", "bring", "brings", "brought", "place", "placed", "places", "placing", "set", "sets", "take", "takes", "took",
        "taken", "taking", "move", "moved", "moves", "moving", "shift", "shifted", "shifting", "went", "go", "goes",
        "going", "gone", "out", "get", "got", "getting", "put", "come", "came", "coming", "give", "gave", "given",
        "keep", "kept", "want", "wanted", "like", "liked", "need", "needed", "know", "tell", "told", "say", "said",
        "see", "seen", "saw", "look", "looked", "find", "found", "think", "thought", "make", "makes", "making",
        "best", "top", "good", "great", "big", "bigger", "small", "smaller", "new", "old", "more", "less", "fewer",
        "different", "distinct", "unique", "separate", "individual", "other", "others", "same", "several", "few",
        "lot", "lots", "thing", "things", "stuff", "people", "folks", "guys", "everyone", "anyone", "someone",
        "somebody", "everybody", "anybody", "person", "persons", "send", "sent", "sending", "flew", "fly", "flying", "shelves", "shelf",
        "put", "piece", "given", "giving", "ever", "learning", "typically",
        "quarter", "quarters", "season", "seasons", "summer", "winter", "spring", "autumn", "fall", "half", "first",
        "second", "third", "fourth", "during", "within", "across", "around", "into", "onto", "off", "than", "then",
        "when", "why", "whom", "whose", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "not", "no", "yes", "ok", "okay", "just", "only", "even", "really", "very", "quite", "roughly", "approximately",
        "exactly", "about", "approx", "percent", "percentage", "per", "cent", "%", "rate", "ratio", "share", "proportion",
        "compare", "comparison", "difference", "differ", "changed", "change", "rise", "rose", "fell", "drop", "dropped",
        "increase", "increased", "decrease", "decreased", "up", "down", "vs", "between", "among", "out", "shifted",
        "spend", "spent", "spending", "pay", "paid", "paying", "earn", "earned", "bring", "generate", "generated",
        "bring in", "worth", "value", "valued", "total", "totals", "sum", "overall", "combined", "together", "alone",
        "happen", "happened", "happening", "doing", "done", "did", "does", "do", "us", "we", "our", "ours", "they",
        "them", "their", "these", "those", "this", "that", "it", "its", "he", "she", "his", "her", "i", "me", "my",
        "you", "your", "with", "without", "from", "for", "of", "to", "in", "on", "at", "by", "as", "the", "a", "an",
        "and", "or", "but", "if", "so", "what", "which", "who", "how", "where", "there", "here", "all", "any", "some",
        "each", "every", "many", "much", "most", "least", "number", "numbers", "amount", "amounts", "count", "counts",
        "buyer", "buyers", "shopper", "shoppers", "client", "clients", "customer", "customers", "order", "orders",
        "invoice", "invoices", "placed", "sell", "sold", "selling", "sells", "ship", "shipped", "buy", "bought",
        "week", "weeks", "month", "months", "year", "years", "day", "days", "today", "yesterday", "ago", "since",
        "until", "through", "thru", "till", "far", "now", "recently", "lately", "last", "next", "previous", "past",
        "whole", "entire", "full", "partial", "so-far", "running", "average", "mean", "typical", "usually",
        "list", "show", "give", "name", "biggest", "largest", "highest", "markets", "market", "break", "breakdown", "clientele", "penny", "pence", "line",
        // The form of the answer: "just the number, no chart".
        "chart", "charts", "graph", "graphs", "diagram", "plot",
        "headcount", "head",
        // Requests and courtesies: "kindly state", "could you report", "remind me", "cheers".
        "kindly", "state", "states", "stated", "provide", "report", "reports", "indicate", "confirm", "calculate", "compute",
        "work", "check", "quote", "advise", "let", "remind", "wondering", "wonder", "curious", "please", "thanks", "thank",
        "cheers", "hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "quick", "question", "calendar", "again",
        "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "you're", "it's", "that's", "there's", "let's",
        "don't", "didn't", "doesn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't",
        // Imperatives of a request ("pull the figures", "grab me", "dig out"), fillers, money and thresholds
        // ("did we clear 50k quid"), what an order holds ("orders containing …"), and how a change is tracked.
        "pull", "fetch", "grab", "send", "run", "dig", "need", "needed", "um", "uh", "er", "erm", "hmm", "basically",
        "actually", "right", "anyway", "quid", "pounds", "pound", "gbp", "sterling", "bucks", "dollars", "euros",
        "clear", "cleared", "hit", "exceed", "exceeded", "pass", "passed", "cross", "crossed", "reach", "reached",
        "beat", "above", "below", "over", "under", "grand", "thousand", "million", "k", "containing", "contain",
        "contained", "contains", "include", "included", "including", "includes", "featuring", "had", "tracking",
        "track", "trending", "pacing", "percentage-wise", "percentagewise", "wise", "window", "stretch", "span",
        "timeframe", "spell", "figures", "stats", "breakdown", "stack", "stacks", "stacked", "measure", "measures", "shape",
        "bill", "bills", "ticket", "tickets", "receipt", "receipts", "medium", "already", "giving", "gives", "grown", "evolution",
        // Hedges and courtesies ("I'd love to know, roughly if possible", "no rush"), and adverbs of time
        // and return ("customers coming back", "bought before").
        "possible", "possibly", "mind", "reckon", "guess", "suppose", "believe", "sort", "kind", "rough", "ballpark",
        "estimate", "estimated", "guesstimate", "trouble", "rush", "chance", "love", "able", "sure", "makes", "sense",
        "ish", "thereabouts", "round", "idea", "bother", "bothered", "grateful", "appreciate", "appreciated", "lovely",
        "perhaps", "maybe", "probably", "think", "mean", "meant", "whatever", "something", "anything", "kinda", "sorta",
        "gonna", "wanna", "honestly", "frankly", "simply", "literally", "bit", "back", "before", "previously", "already",
        "earlier", "prior", "interested", "interesting", "glad", "happy", "fine", "nice", "wondered", "asking", "ask",
        // The work behind a sale and the places goods leave by ("picked and packed", "went out the door",
        // "off the shelves"), and the paperwork an accountant names ("invoices raised, not counting credit notes").
        "pick", "picked", "picking", "pack", "packed", "packing", "dispatch", "dispatched", "despatched", "process",
        "processed", "handle", "handled", "fulfil", "fulfill", "fulfilled", "deliver", "delivered", "door", "doors",
        "shelf", "shelves", "tills", "floor", "raise", "raised", "issue", "issued", "credit", "note", "notes",
        "counting", "excluding", "excl", "incl", "accounts", "account", "accountant", "books", "vat", "fastest", "quickest",
        "altogether", "am", "being", "keeps", "way", "single", "figure", "answer", "exact", "precise", "decimal", "rounded",
        // Corrections ("in May, sorry I mean June", "Germany — no wait, France").
        "sorry", "wait", "correction", "scratch", "rather", "oops", "asks", "asked", "wants", "needs", "says", "tells", "thinks", "seems", "looks", "goes", "comes",
    ]

    /// The country a demonym names. Plural forms always do ("the Belgians"), and so does one said to be
    /// where people are based ("German-based clients"); adjectives that also name goods ("french", "polish",
    /// "english") only before a word for people or after "the".
    static func demonym(in words: [String]) -> String? {
        let people: Set<String> = ["customers", "customer", "buyers", "shoppers", "clients", "clientele", "people", "market", "markets", "orders", "folks",
                                   "sales", "revenue", "turnover", "takings", "spend", "spending", "business", "trade", "accounts",
                                   "aov", "units", "basket", "returns", "average", "growth", "share", "market", "qty", "quantity",
                                   "quantities", "rev", "volume", "volumes", "figures", "numbers", "total", "totals", "purchases"]
        for (index, word) in words.enumerated() {
            if word.hasSuffix("-based"), let country = demonyms[String(word.dropLast(6))] { return country }
            if let country = demonyms[word], word.hasSuffix("s") && !["swiss", "portuguese", "japanese", "lebanese", "maltese"].contains(word) {
                return country
            }
            let country = demonyms[word] ?? (word == "polish" ? "Poland" : nil)
            guard let country else { continue }
            if index + 1 < words.count, people.contains(words[index + 1]) { return country }
            if index > 0, words[index - 1] == "the", word != "polish" { return country }
        }
        return nil
    }

    /// Whether an owner's message reads like a question about the business.
    public static func looksAnalytic(_ words: [String]) -> Bool {
        let set = Set(words)
        let text = " " + words.joined(separator: " ") + " "
        let cues: Set<String> = ["revenue", "sales", "sold", "units", "orders", "customers", "margin", "profit", "restock", "restocking",
                                 "reorder", "trend", "aov", "turnover", "churn", "bestsellers", "movers", "monthly", "weekly", "daily",
                                 "cancellations", "returns", "takings", "inventory", "markets", "spend", "spent", "shifted",
                                 "best-selling", "bestselling", "buyers", "basket", "weekday", "retention", "money", "spenders", "aov",
                                 "quantity", "quantities", "invoices", "invoiced", "spends", "bought", "purchased", "repeat-customer",
                                 "headcount"]
        let phrases = [" went out ", " go out ", " take on ", " took on ", " take in ", " took in ", " bring in ", " brought in ",
                       " how many items ", " how many units ", " best selling ", " repeat customer", " returning customers ",
                       " bought together ", " bought with ", " day of the week ", " hour of the day ", " time of day ",
                       " return rate ", " cancellation rate ", " per customer ", " new customers ", " repeat rate ", " per order ",
                       " how many customers ", " how many orders ", " average value ", " sell the most ", " sold the most ",
                       " order value ", " average order ", " best month ", " worst month ", " best week ", " worst week ",
                       " best day ", " worst day ", " best year ", " busiest month ", " quietest month ", " new vs returning ", " new versus returning ", " new and returning ", " new or returning ", " stack up against ",
                       " make us ", " made us ", " earn us ", " earned us ", " bring us ", " brought us ",
                       " peak month ", " relegation month ", " low point ", " high point ", " rock bottom "]
        return !set.isDisjoint(with: cues) || text.contains(" how many ") && text.contains(" sell") || phrases.contains { text.contains($0) }
            || text.contains(" how much ") && !set.isDisjoint(with: ["made", "make", "earn", "earned", "taken", "took", "pulled", "brought"])
            || insightKind(words: set, has: { text.contains(" \($0) ") }) != nil || asksBoughtTogether({ text.contains(" \($0) ") })
            || text.contains(" top ") && !set.isDisjoint(with: ["products", "customers", "countries", "categories", "items"])
    }
}
