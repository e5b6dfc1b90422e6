import Foundation

/// Words for analytics answers: periods, amounts and scopes.
enum AnalyticsPhrases {
    static func day(_ text: String, withYear: Bool = true) -> String {
        guard let date = ShopClock.parseDay(text) else { return text }
        return ShopClock.english(date, withYear ? "d MMM yyyy" : "d MMM")
    }

    /// "between 1 Jan and 31 Mar 2026", "on 5 Mar 2026", "to date" (no period: all the data there is).
    static func period(_ from: String?, _ to: String?) -> String {
        guard let to else { return "to date" }
        // Open at its start ("until March"): everything up to its last day.
        guard let from, from != PeriodParser.openStartDay else { return "up to and including \(day(to))" }
        if from == to { return "on \(day(from))" }
        let sameYear = from.prefix(4) == to.prefix(4)
        return "between \(day(from, withYear: !sameYear)) and \(day(to))"
    }

    /// "Nov 2011", "week of 25 Apr 2011", "5 Mar 2011" for series labels.
    static func label(_ period: String, _ granularity: SalesQuery.Granularity) -> String {
        switch granularity {
        case .month:
            guard let date = ShopClock.parseDay(period + "-01") else { return period }
            return ShopClock.english(date, "MMM yyyy")
        case .week: return "the week of \(day(period))"
        case .day: return day(period)
        }
    }

    static func money(_ value: Double, currency: String) -> String {
        Money(major: value).formattedWithCents(currency: currency)
    }

    static func number(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = value == value.rounded() ? 0 : 2
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }

    static func value(_ value: Double, metric: SalesQuery.Metric, currency: String) -> String {
        switch metric {
        case .revenue, .aov, .revenuePerCustomer: return money(value, currency: currency)
        case .margin, .repeatRate, .returnRate: return String(format: "%.1f%%", value * 100)
        case .basketSize: return number((value * 100).rounded() / 100)
        default: return number(value)
        }
    }

    static func unit(_ metric: SalesQuery.Metric, currency: String) -> String {
        switch metric {
        case .revenue, .aov, .revenuePerCustomer: return currency
        case .units: return "units"
        case .orders: return "orders"
        case .customers, .newCustomers: return "customers"
        case .margin, .repeatRate, .returnRate: return "%"
        case .basketSize: return "items per order"
        case .returns: return "invoices"
        }
    }

    /// A value as a result carries it: shares as percentages with one decimal, others to the cent.
    static func rounded(_ value: Double, metric: SalesQuery.Metric) -> Double {
        metric.isShare ? (value * 1000).rounded() / 10 : (value * 100).rounded() / 100
    }

    /// "were" after a plural figure's name ("orders were 53"), else "was".
    static func verb(for name: String) -> String {
        ["units sold", "orders", "customers", "new customers"].contains(name) ? "were" : "was"
    }

    /// "revenue", "average order value", "repeat-customer rate".
    static func metricName(_ metric: SalesQuery.Metric) -> String {
        switch metric {
        case .aov: return "average order value"
        case .repeatRate: return "repeat-customer rate"
        case .newCustomers: return "new customers"
        case .basketSize: return "items per order"
        case .returnRate: return "return and cancellation rate"
        case .returns: return "returns and cancellations"
        case .revenuePerCustomer: return "revenue per customer"
        case .units: return "units sold"
        default: return metric.rawValue
        }
    }

    /// "1 order", "3 orders", "1,204 customers".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(number(Double(value))) \(value == 1 ? noun : noun + "s")"
    }

    /// "Samsung TVs", "WHITE HANGING HEART T-LIGHT HOLDER", "all products", with " in Germany", " for customer 12345".
    static func scope(_ filter: SalesFilter) -> String {
        var text: String
        if let label = filter.productLabel {
            text = label
        } else if filter.brand != nil || filter.category != nil {
            text = [filter.brand, filter.category.map { CatalogPhrases.categoryNoun($0) }].compactMap { $0 }.joined(separator: " ")
            if filter.category == nil { text += " products" }
        } else {
            text = "all products"
        }
        if let country = filter.country { text += " in \(country)" }
        if let customer = filter.customer {
            let who = filter.customerLabel.map { "\($0) (\(customer))" } ?? "customer \(customer)"
            text = text == "all products" ? who : text + " for \(who)"
        }
        return text
    }
}
