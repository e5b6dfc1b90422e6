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
        "article": "item", "articles": "items",
        "flog": "sell", "flogs": "sells", "flogged": "sold", "flogging": "selling", "yday": "yesterday",
        "pct": "percent", "percents": "percent",
    ]

    /// `text` with shorthand written out ("rev last mth" → "revenue last month").
    public static func expand(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count + 16)
        var word = ""
        func flush() {
            if !word.isEmpty {
                if let full = words[word.lowercased()] {
                    output += word.first?.isUppercase == true ? full.prefix(1).uppercased() + full.dropFirst() : full
                } else {
                    output += word
                }
                word = ""
            }
        }
        for character in text {
            if character.isLetter || (character == "'" && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}
