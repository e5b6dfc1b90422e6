import Foundation

/// Owners who live in spreadsheets and databases write their questions the way they would type them into
/// a query tool: "select count(distinct customer_id) where country = 'Netherlands' and year = 2011",
/// "orders | country: France | 2011-Q3", "top products by revenue, n=5", "date >= '2011-06-01'". Before
/// such a message is understood, its syntax is written out in the words the rest of the pipeline reads
/// ("count of distinct customer id in Netherlands in 2011", "orders, in France, Q3 2011", "top 5 products
/// by revenue", "since 2011-06-01"). A message without query syntax is returned as it was.
public enum OwnerQuerySyntax {
    /// The patterns are literals below; one that did not compile would be left out, and the tests would show it.
    private static func pattern(_ text: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: text, options: [.caseInsensitive])
    }

    private static let day = #"\d{4}-\d{2}-\d{2}"#
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                     "October", "November", "December"]

    /// Rewrites applied in order, each a pattern and its template.
    private static let rules: [(NSRegularExpression, String)] = [(NSRegularExpression?, String)]([
        // Quoted values lose their quotes: "country = 'Germany'", "between '2011-04-01' and …".
        (pattern(#"(^|[\s=(,:<>])'([^']*)'(?=$|[\s),;|])"#), "$1$2"),
        (pattern(#"(^|[\s=(,:<>])"([^"]*)"(?=$|[\s),;|])"#), "$1$2"),
        // Quarters and halves written as codes: "2011-Q3", "2011Q3", "Q3-2011", "2011-H1".
        (pattern(#"\b(\d{4})[-/ ]?([qh])([1-4])\b"#), "$2$3 $1"),
        (pattern(#"\b([qh])([1-4])[-/](\d{4})\b"#), "$1$2 $3"),
        // Identifiers: "customer_id", "return_rate", "unit_price", "CustomerID".
        (pattern(#"\b([a-z]+)_([a-z]+)_([a-z]+)\b"#), "$1 $2 $3"),
        (pattern(#"\b([a-z]+)_([a-z]+)\b"#), "$1 $2"),
        (pattern(#"\bcustomerid\b"#), "customer id"),
        // Aggregates: "sum(revenue)", "count(distinct customer id)", "avg(order value)".
        (pattern(#"\b(sum|count|avg|average|total|max|min)\s*\(\s*([^()]*?)\s*\)"#), "$1 of $2"),
        // "where" starts a condition, as a "|" does: "revenue where date >= …".
        (pattern(#"\s*\bwhere\s+(?=[a-z ]{1,30}?\s*(?:[=<>:]|\bbetween\b))"#), " | "),
        // Date conditions: ">= '2011-08-08' and <= '2011-08-14'", "date between … and …", "date >= …".
        (pattern(#"\b(?:order |invoice )?(?:date|day)?\s*>=?\s*(\#(day))\s+and\s+(?:order |invoice )?(?:date|day)?\s*<=?\s*(\#(day))"#), "from $1 to $2"),
        (pattern(#"\b(?:order |invoice )?(?:date|day)\s+between\b"#), "between"),
        (pattern(#"\b(?:(?:order |invoice )?(?:date|day)\s*)?>=?\s*(\#(day))"#), "since $1"),
        // "select" first: "select aov where customer id = 14646".
        (pattern(#"^\s*select\s+"#), ""),
        // Fields set to values, at the start of a condition: "year = 2011", "country: France", "n=5".
        (pattern(#"(^|[,;(]\s*|\|\s*|\band\s+|\s)year\s*[=:]\s*(\d{4})\b"#), "$1in $2"),
        (pattern(#"\bcustomer(?: id| number| no)?\s*[=:]\s*(\d+)"#), "customer $1"),
        (pattern(#"(^|[,;(]\s*|\|\s*|\band\s+)(?:country|market|region)\s*[=:]\s*"#), "$1in "),
        (pattern(#"(^|[,;(]\s*|\|\s*|\band\s+)(?:product|description|item|stock code)\s*[=:]\s*"#), "$1of "),
        (pattern(#"(^|[,;(]\s*|\|\s*|\band\s+|\s)(?:n|limit|top)\s*[=:]\s*(\d+)"#), "$1top $2"),
        (pattern(#"\blimit\s+(\d+)"#), "top $1"),
        (pattern(#"(^|[,;(]\s*|\|\s*|\band\s+)(?:period|quarter|month|date|day|week|time|metric|measure|kpi)\s*[=:]\s*"#), "$1"),
        // "group by", "order by … desc", "top 5 rows".
        (pattern(#"\bgroup\s+by\b"#), "by"),
        (pattern(#"\border\s+by\s+(?:sum of |total of |count of )?([a-z ]+?)\s+desc(?:ending)?\b"#), "by $1"),
        (pattern(#"\b(top \d+) rows\b"#), "$1"),
        (pattern(#"\s*\|\s*"#), ", "),
        (pattern(#"[ \t]{2,}"#), " "),
    ]).compactMap { rule in rule.0.map { ($0, rule.1) } }

    private static let monthCode = pattern(#"\bmonth\s*[=:]\s*'?(\d{4})-(\d{2})\b'?|\b(\d{4})-(0[1-9]|1[0-2])\b(?!-)"#)

    /// Whether `text` may hold query syntax; most owners' messages have none and are left alone.
    static func mayHoldSyntax(_ text: String) -> Bool {
        if text.contains(where: { "=_|(<>:".contains($0) }) { return true }
        guard let gate else { return true }
        return gate.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Quarter and half codes, SQL words and month codes: compiled once, not for every owner message. A
    /// pattern that did not compile lets every message through to the rules (slower, never wrong).
    private static let gate = try? NSRegularExpression(
        pattern: #"\d{4}[-/ ]?[qQhH][1-4]|[qQhH][1-4][-/]\d{4}|\b(select|where|limit|group by|order by|rows)\b|\d{4}-\d{2}\b"#,
        options: [.caseInsensitive]
    )

    /// `text` with its query syntax written out in words.
    public static func rewrite(_ text: String) -> String {
        guard mayHoldSyntax(text) else { return text }
        var result = months(in: text)
        for (rule, template) in rules {
            result = rule.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// "month = '2011-09'" and a bare "2011-09" are "September 2011".
    static func months(in text: String) -> String {
        var result = text
        guard let monthCode else { return text }
        let matches = monthCode.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            guard let whole = Range(match.range, in: result) else { continue }
            let yearGroup = match.range(at: 1).location != NSNotFound ? 1 : 3
            guard let yearRange = Range(match.range(at: yearGroup), in: result), let monthRange = Range(match.range(at: yearGroup + 1), in: result),
                  let month = Int(result[monthRange]), (1...12).contains(month) else { continue }
            let year = String(result[yearRange])
            // "month = …" keeps its field, so that a "where" before it still starts a condition.
            result.replaceSubrange(whole, with: (yearGroup == 1 ? "month = " : "") + "\(monthNames[month - 1]) \(year)")
        }
        return result
    }
}
