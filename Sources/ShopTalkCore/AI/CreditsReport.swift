import Foundation

/// What owners are told about their AI credits.
public protocol CreditsReport: Sendable {
    /// The balance in thousandths of a credit, after expiry.
    func balance(storeID: Int64) async throws -> Int
    /// Credits charged per feature and per day between two days (inclusive), with call counts.
    func usage(storeID: Int64, from: String, to: String) async throws -> CreditUsage
}

/// AI usage over a period.
public struct CreditUsage: Sendable, Codable, Hashable {
    public struct Feature: Sendable, Codable, Hashable {
        public var feature: String
        public var calls: Int
        public var failedCalls: Int
        public var credits: Double
        public var providerCost: Double

        public init(feature: String, calls: Int, failedCalls: Int, credits: Double, providerCost: Double) {
            self.feature = feature
            self.calls = calls
            self.failedCalls = failedCalls
            self.credits = credits
            self.providerCost = providerCost
        }
    }

    public struct Day: Sendable, Codable, Hashable {
        public var day: String
        public var credits: Double

        public init(day: String, credits: Double) {
            self.day = day
            self.credits = credits
        }
    }

    public var from: String
    public var to: String
    public var features: [Feature]
    public var days: [Day]

    public init(from: String, to: String, features: [Feature], days: [Day]) {
        self.from = from
        self.to = to
        self.features = features
        self.days = days
    }

    public var totalCredits: Double { features.reduce(0) { $0 + $1.credits } }
}

/// "How many AI credits do I have left?", "What did AI cost me this month?".
public struct CreditsHandler: ChatHandler {
    let report: any CreditsReport
    let clock: ShopClock

    public init(report: any CreditsReport, clock: ShopClock) {
        self.report = report
        self.clock = clock
    }

    /// Whether an owner's message is about AI credits.
    public static func wants(_ turn: Turn) -> Bool {
        let words = Set(turn.tokens.map(\.text))
        return words.contains("credits") || words.contains("credit") && words.contains("ai")
            || words.contains("ai") && !words.isDisjoint(with: ["cost", "costs", "spend", "spent", "usage", "used"])
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let intent = Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence)
        let balance = Double(try await report.balance(storeID: storeID)) / 1000
        let words = Set(turn.tokens.map(\.text))
        let asksCost = !words.isDisjoint(with: ["cost", "costs", "spend", "spent", "usage", "used"])
        guard asksCost else {
            let off = balance <= 0 ? " AI features (product descriptions, free-form answers) are off until you add credits: shoptalk credits grant --store \(turn.context.store.slug) --credits 100." : ""
            return Reply(text: "You have \(Self.format(balance)) AI credits left.\(off)", intent: intent,
                         suggestions: ["What did AI cost me this month?", "Top 5 products this month"],
                         result: .scalar("ai_credits", balance, unit: "credits", from: nil, to: ShopClock.dayString(clock.today())))
        }
        let period = turn.entities.first { $0.type == Entity.Kind.date }
        let parser = PeriodParser(today: clock.today())
        let thisMonth = parser.matches(Tokenizer.tokenize("this month"))[0]
        let from = period.map { $0.value["from"]?.stringValue ?? PeriodParser.openStartDay } ?? ShopClock.dayString(thisMonth.from)
        let to = period?.value["to"]?.stringValue ?? ShopClock.dayString(thisMonth.to)
        let usage = try await report.usage(storeID: storeID, from: from, to: to)
        guard usage.totalCredits > 0 || usage.features.contains(where: { $0.calls > 0 }) else {
            // An empty table explains nothing: say why nothing was spent.
            let why = balance <= 0 ? "the balance is 0, so AI features are off until you add credits (shoptalk credits grant --store \(turn.context.store.slug) --credits 100)"
                : "nobody used an AI feature (product descriptions, free-form answers) in that time; \(Self.format(balance)) credits are left"
            return Reply(text: "AI cost you nothing \(AnalyticsPhrases.period(from, to)): \(why).", intent: intent,
                         suggestions: ["How many AI credits do I have left?", "Top 5 products this month"],
                         result: .scalar("ai_credits", 0, unit: "credits", from: from, to: to))
        }
        let parts = usage.features.filter { $0.calls > 0 }.map { "\($0.feature.replacingOccurrences(of: "_", with: " ")): \(Self.format($0.credits)) credits over \($0.calls) calls" }
        let text = "AI cost you \(Self.format(usage.totalCredits)) credits \(AnalyticsPhrases.period(from, to))" + (parts.isEmpty ? "." : " (" + parts.joined(separator: "; ") + ").")
            + " Failed calls cost nothing. \(Self.format(balance)) credits left."
        var result = AnalyticsResult.table("ai_credits", columns: ["feature", "credits", "calls"],
                                           rows: usage.features.map { [.string($0.feature), .number($0.credits), .number(Double($0.calls))] }, from: from, to: to)
        result.points = usage.days.map { .init(period: $0.day, value: $0.credits) }
        return Reply(text: text, intent: intent, suggestions: ["How many AI credits do I have left?", "Top 5 products this month"], result: result)
    }

    public static func format(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? String(format: "%.1f", value)
    }
}
