import Foundation

extension QuestionParser {
    /// The figure a question asks for, from its words ("how many orders", "takings", "avg basket"); nil
    /// when the words leave it to the shape of the question.
    static func metric(words: Set<String>, has: (String) -> Bool) -> SalesQuery.Metric? {
        if !words.isDisjoint(with: ["margin", "margins", "profit", "profits", "profitability"]) { return .margin }
        // "how many times did someone check out", "how many separate times did they buy from us": orders.
        let shareAsked = !words.isDisjoint(with: ["percent", "percentage", "share", "proportion", "rate", "fraction"])
        if (has("how many times") || has("how many separate times") || has("how many different times") || has("how often") && !shareAsked)
            && !words.isDisjoint(with: ["buy", "bought", "order", "ordered", "check", "checked", "purchased", "shopped", "placed"]) { return .orders }
        if has("check out") || has("checked out") { return .orders }
        if has("repeat customer") || has("repeat customers") || has("repeat rate") || has("repeat purchase") || has("repeat buyers")
            || has("repeat-customer rate") || (has("came back") || has("come back")) && !has("what came back") && !has("whatever came back")
                && !has("that came back") && !has("what comes back") || has("more than once") || has("ordered again")
            || has("bought again") || has("order again") || has("buy again") || words.contains("retention") || has("more than one order")
            || has("more than 1 order") || has("multiple orders") || has("two or more orders") || has("2 or more orders")
            || has("more than one time") || has("more of one time") || has("more than 1 time") || has("several times")
            || has("two or more times") || has("2 or more times") || has("at least twice") || has("twice or more") { return .repeatRate }
        if has("new customers") || has("new buyers") || has("first-time customers") || has("first time customers") || has("first-time buyers")
            || has("first time buyers") || !words.isDisjoint(with: ["newcomers", "first-timers", "acquisitions"]) || has("first timers")
            || has("new accounts") || has("new faces") || has("customers acquired") || has("customers did we acquire") || has("customers did we win")
            || has("customer acquisition") || has("first-time purchasers") || has("first-time shoppers")
            // "people buying from us for the very first time", "brand new people who had never bought before".
            || has("brand new people") || has("new people")
            || ((has("first time") || has("first-time") || has("never bought") || has("never ordered") || has("brand new customers"))
                && !words.isDisjoint(with: ["customers", "customer", "buyers", "who", "buying", "bought", "ordered", "ordering"])) {
            return .newCustomers
        }
        if has("basket size") || has("items per order") || has("units per order") || has("items per basket") || has("items in an order")
            || has("items in each order") || has("items per invoice") || has("items does an order") || has("items do orders")
            || has("items in a basket") || has("size of an order") || has("size of the average order") || has("order size")
            || ((has("per order") || has("per basket") || has("per invoice") || has("in each order") || has("in an order"))
                && !words.isDisjoint(with: ["items", "item", "units", "pieces", "products"]))
            // "how many things does the average order have": items, one order, and an average.
            || (!words.isDisjoint(with: ["items", "things", "pieces", "products", "units"]) && words.contains("order")
                && !words.isDisjoint(with: ["average", "typical", "usual", "normal", "mean"])
                && words.isDisjoint(with: ["value", "revenue", "spend", "money", "worth"])) { return .basketSize }
        // Returns and cancellations: a rate when a share is asked for, else a count ("how many returns last month").
        let asShare = shareAsked || words.contains("often")
        let sentBack = has("send back") || has("sent back") || has("send items back") || has("sent items back") || has("send them back")
            || has("sent them back") || has("brought back") || has("gave back")
        if has("return rate") || has("returns rate") || has("cancellation rate") || has("refund rate") || has("rate of returns")
            || has("rate of cancellations")
            || (asShare && (sentBack || !words.isDisjoint(with: ["returned", "returns", "cancelled", "canceled", "cancel", "refunded", "refunds", "cancellations"]))) {
            return .returnRate
        }
        if words.contains("cancellations") || has("how many returns") || has("orders were cancelled") || has("orders were returned")
            || has("orders got cancelled") || has("orders get cancelled") || has("number of returns") || has("orders cancelled") { return .returns }
        // "on a typical order from there, how much does a customer spend": what one order comes to, before the customer.
        // "… counting all their purchases together" sums a customer's orders: their orders, not one of them.
        let oneOfTheirOrders = has("their orders") && !has("all their orders") && !has("all of their orders")
        if (has("typical order") || has("each order") || has("an order") || has("one order") || has("every order") || oneOfTheirOrders)
            && !words.isDisjoint(with: ["spend", "spends", "spent", "come", "comes", "came", "cost", "costs", "worth", "value", "money"])
            && words.isDisjoint(with: ["items", "item", "units", "pieces", "products", "things"]) { return .aov }
        if has("per customer") || has("average customer spend") || has("customer lifetime value") || has("per person")
            || ((has("average person") || has("each person") || has("every person")) && !words.isDisjoint(with: ["spend", "spends", "spent", "worth", "money"]))
            || has("each customer spend") || has("average customer value")
            // "how much money does each customer bring us", "what is every customer worth on average".
            || ((has("each customer") || has("every customer") || has("the average customer") || has("an average customer")
                 || ((has("one customer") || has("a customer") || has("a single customer")) && (words.contains("average") || has("on average"))))
                && !words.isDisjoint(with: ["money", "spend", "spends", "spent", "bring", "brings", "worth", "revenue", "value", "pay", "pays"])) {
            return .revenuePerCustomer
        }
        if words.contains("aov") || has("average order") || has("average basket") || has("basket value") || has("order value")
            || has("average bill") || has("average ticket") || has("average receipt") || has("bill amount")
            || has("average value") || has("average spend") || has("average sale") || has("invoice value") || has("average invoice")
            || ((has("per order") || has("for one order") || has("for an order")) && !words.isDisjoint(with: ["spend", "spent", "value", "revenue", "money", "worth"]))
            // "on a typical order, how much does a customer spend", "how much did one of their orders come to on average".
            || ((has("each order") || has("typical order") || has("one order") || has("an order") || has("each time") || oneOfTheirOrders
                 || has("a typical purchase") || has("each purchase") || has("every order"))
                && !words.isDisjoint(with: ["spend", "spends", "spent", "come", "comes", "came", "cost", "costs", "worth", "value", "money"])
                && (has("how much") || !words.isDisjoint(with: ["average", "typical", "usually", "typically", "spend", "spends"]))) {
            return .aov
        }

        // A count named outright decides before the verbs of money ("how many orders make the customer 14911").
        if has("how many orders") || has("number of orders") || has("how many invoices") || has("order count") { return .orders }
        if has("how many customers") || has("number of customers") || has("how many buyers") || has("how many shoppers") || has("customer numbers")
            || has("customer count") || has("customer base") || words.contains("headcount") || has("head count")
            || has("customer accounts") { return .customers }
        // A spreadsheet's count names what it counts next: "count of distinct customer id", "count(orders)".
        if !words.isDisjoint(with: ["count", "distinct"]) {
            for lead in ["count of distinct", "count distinct", "count of unique", "count unique", "count of", "count", "distinct"] {
                if ["customer", "customers", "buyer", "buyers", "client", "clients"].contains(where: { has("\(lead) \($0)") }) { return .customers }
                if ["order", "orders", "invoice", "invoices"].contains(where: { has("\(lead) \($0)") }) { return .orders }
            }
        }
        if !words.isDisjoint(with: ["revenue", "revenues", "turnover", "takings", "income", "money", "earn", "earned", "made", "make", "spent", "spend",
                                    "grossing", "highest-grossing", "top-grossing", "paid", "given"])
            || has("take in") || has("took in") || has("taken in") || has("bring in") || has("brings in") || has("brought in")
            || has("take on") || has("took on") { return .revenue }
        if has("how many customers") || has("number of customers") || has("unique customers") || has("new customers")
            || has("how many buyers") || has("customers ordered") || has("customer count") || has("different customers")
            || has("distinct customers") || has("unique buyers") || has("different buyers") || has("individual customers")
            || has("how many shoppers") || has("how many clients") || has("how many people") { return .customers }
        if has("how many orders") || has("number of orders") || has("orders did") || has("order count") || has("how many invoices") || words.contains("cancellations") { return .orders }
        // "How many" counts units unless it names orders or customers; so do "did we move", "went out", "shifted".
        let countsSomething = has("how many") && !has("how many percent") && !has("how many times") && !has("how many per")
        if countsSomething {
            // "how many separate orders", "how many distinct paying customers".
            // "how many French customers bought …": a demonym between them too.
            func named(_ nouns: [String]) -> Bool {
                nouns.contains { noun in
                    has("how many \(noun)") || Self.countAdjectives.contains { has("how many \($0) \(noun)") }
                        || Self.demonyms.keys.contains { has("how many \($0) \(noun)") }
                }
            }
            if named(["orders", "invoices"]) { return .orders }
            if named(["customers", "buyers", "shoppers", "clients", "people"]) { return .customers }
            // "customers from Belgium this year, how many": the people counted, when nothing else is.
            let goods: Set<String> = ["units", "unit", "items", "item", "pieces", "quantity", "quantities", "products", "product",
                                      "buy", "bought", "purchase", "purchased", "sold", "sell", "ordered", "move", "moved", "shifted"]
            if words.isDisjoint(with: goods.union(["orders", "invoices"])), !words.isDisjoint(with: ["customers", "buyers", "shoppers", "clients", "people"]) { return .customers }
            // "we've had heaps of orders lately, how many did we get in …": the orders, when no goods are named.
            if words.isDisjoint(with: goods.union(["customers", "buyers", "shoppers", "clients"])), !words.isDisjoint(with: ["orders", "invoices"]) { return .orders }
        }
        // "how much did sales move": a verb of moving said of money is its change, not goods moved.
        let moneyMoved = !words.isDisjoint(with: ["sales", "takings"]) && !countsSomething
            && words.intersection(unitWords).isSubset(of: ["move", "moved", "shift", "shifted", "shifting"])
        if !words.isDisjoint(with: unitWords) && !moneyMoved
            || has("items sold") || has("items did we sell") || has("items we sold") || has("items went out")
            || countsSomething || has("went out") || has("go out") || has("gone out") || has("sent out") || has("send out")
            || has("shipped out") || ((has("fewer items") || has("more items")) && !words.isDisjoint(with: ["sent", "send", "sold", "shipped"])) { return .units }
        if !words.isDisjoint(with: ["sales", "sale"]) || (has("how much") && !words.isDisjoint(with: ["sold", "sell", "sells", "selling"])) { return .revenue }
        // "orders from customer 17841 in 2011": the orders themselves.
        if !words.isDisjoint(with: ["orders", "invoices"]) { return .orders }
        if !words.isDisjoint(with: ["returns", "refunds"]) { return .returns }  // "returns by month this year"
        // "sold" alone is left to the question's shape: a total is revenue, a product ranking is units.
        return nil
    }
}
