/// A question the assistant asked and is waiting for an answer to: one case per question, each with
/// what it has gathered so far. It is stored with the conversation, so it is `Codable`; states written
/// before this type existed (a bag of strings: `expecting`, `intent`, `collected`) still decode.
public enum PendingQuestion: Sendable, Hashable {
    /// "What's the order number?", for an order lookup or a return. An email given first is kept.
    case orderNumber(for: String, email: String? = nil)
    /// "What's the email on order …?", for an order lookup.
    case email(orderNumber: String)
    /// "… match from any brand — want to see them?" after a search found nothing: yes drops `slot`.
    case searchWithout(slot: String)
    /// An owner was shown a drafted product description: yes saves it.
    case saveDescription(productID: Int64, draft: String)
    /// An owner's question named several products: which one was meant, then answer `question`.
    case productChoice(options: [String], question: String)
    /// An order action being gathered: cancel, a new address, a return.
    case orderAction(OrderActionDraft)
    /// A points question waiting for proof or a yes.
    case loyalty(PointsDraft)

    /// The intent an answer to this question belongs to.
    public var intent: String {
        switch self {
        case .orderNumber(let intent, _): intent
        case .email: Intent.Name.orderStatus
        case .searchWithout: Intent.Name.findProducts
        case .saveDescription: Intent.Name.productDetails
        case .productChoice: Intent.Name.businessQuery
        case .orderAction: Intent.Name.orderAction
        case .loyalty: Intent.Name.loyalty
        }
    }

    /// Whether a plain "yes" answers it.
    public var isYesNo: Bool {
        switch self {
        case .searchWithout, .saveDescription: true
        case .orderAction(let draft): draft.step == .confirm
        case .loyalty(let draft): draft.step == .confirm
        case .orderNumber, .email, .productChoice: false
        }
    }

    /// Whether `turn` carries what this question asked for.
    func isAnswered(by turn: Turn) -> Bool {
        switch self {
        case .orderNumber: turn.entity(Entity.Kind.orderNumber) != nil
        case .email: turn.entity(Entity.Kind.email) != nil
        case .searchWithout, .saveDescription, .productChoice: false
        case .orderAction(let draft):
            switch draft.step {
            case .number?: turn.entity(Entity.Kind.orderNumber) != nil
            case .email?: turn.entity(Entity.Kind.email) != nil
            case .address?, .items?, .reason?, .confirm?, nil: true
            }
        case .loyalty: turn.entity(Entity.Kind.email) != nil || turn.entity(Entity.Kind.orderNumber) != nil
        }
    }
}

extension PendingQuestion: Codable {
    /// The stored form: a `kind` and the fields of that case. The legacy fields are read, never written.
    private struct Stored: Codable {
        var kind: String?
        var intent: String?
        var email: String?
        var orderNumber: String?
        var slot: String?
        var productID: Int64?
        var draft: String?
        var options: [String]?
        var question: String?
        var action: OrderActionDraft?
        var points: PointsDraft?
        var expecting: String?
        var collected: [String: String]?
    }

    public func encode(to encoder: any Encoder) throws {
        var stored = Stored()
        switch self {
        case .orderNumber(let intent, let email):
            stored.kind = "order_number"; stored.intent = intent; stored.email = email
        case .email(let orderNumber):
            stored.kind = "email"; stored.orderNumber = orderNumber
        case .searchWithout(let slot):
            stored.kind = "search_without"; stored.slot = slot
        case .saveDescription(let productID, let draft):
            stored.kind = "save_description"; stored.productID = productID; stored.draft = draft
        case .productChoice(let options, let question):
            stored.kind = "product_choice"; stored.options = options; stored.question = question
        case .orderAction(let draft):
            stored.kind = "order_action"; stored.action = draft
        case .loyalty(let draft):
            stored.kind = "loyalty"; stored.points = draft
        }
        try stored.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        let stored = try Stored(from: decoder)
        let legacy = stored.collected ?? [:]
        func missing(_ field: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "A pending question lacks its \(field)."))
        }
        switch stored.kind ?? Self.legacyKind(stored.expecting) {
        case "order_number":
            self = .orderNumber(for: stored.intent ?? Intent.Name.orderStatus, email: stored.email ?? legacy["email"])
        case "email":
            guard let number = stored.orderNumber ?? legacy["order_number"] else { throw missing("order number") }
            self = .email(orderNumber: number)
        case "search_without":
            guard let slot = stored.slot ?? legacy["drop"] else { throw missing("slot") }
            self = .searchWithout(slot: slot)
        case "save_description":
            guard let id = stored.productID ?? legacy["product"].flatMap(Int64.init), let draft = stored.draft ?? legacy["draft"] else {
                throw missing("draft")
            }
            self = .saveDescription(productID: id, draft: draft)
        case "product_choice":
            let options = stored.options ?? legacy["options"]?.components(separatedBy: "\n")
            guard let options, let question = stored.question ?? legacy["question"] else { throw missing("options") }
            self = .productChoice(options: options, question: question)
        case "order_action":
            guard let draft = stored.action else { throw missing("action") }
            self = .orderAction(draft)
        case "loyalty":
            guard let draft = stored.points else { throw missing("points") }
            self = .loyalty(draft)
        case let other:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown pending question \(other ?? "nil")."))
        }
    }

    /// The first stored form named the question by what it expected.
    private static func legacyKind(_ expecting: String?) -> String? {
        switch expecting {
        case "order_number": "order_number"
        case "email": "email"
        case "confirm": "search_without"
        case "confirm_description": "save_description"
        case "product_choice": "product_choice"
        default: expecting
        }
    }
}
