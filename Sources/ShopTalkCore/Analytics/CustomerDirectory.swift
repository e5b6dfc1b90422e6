/// The store's named customers, indexed by the first word of each name, so that an owner's question can name
/// a customer in full ("how much has Zoe Garcia spent with us?") without every name being read per question.
/// Built once per version of the customers table and kept by the analytics backend.
public struct CustomerDirectory: Sendable {
    struct Entry: Sendable {
        var id: String
        var name: String
        var words: [String]
    }

    /// Names of two words or more, by their first word.
    let byFirstWord: [String: [Entry]]

    public static let empty = CustomerDirectory(customers: [])

    public init(customers: [(id: String, name: String)]) {
        var index: [String: [Entry]] = [:]
        for (id, name) in customers {
            let words = Tokenizer.tokenize(name.lowercased()).filter { $0.kind != .symbol }.map(\.text)
            guard words.count >= 2 else { continue }
            index[words[0], default: []].append(Entry(id: id, name: name, words: words))
        }
        byFirstWord = index
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    /// The customer named in `turn` as a customer-id entity: the longest name found wins ("Zoe Garcia-Lopez"
    /// over "Zoe Garcia"), and the first of equal length; words inside another entity are left alone, and a
    /// question that already gives a customer's id names no other.
    public func customerNamed(in turn: Turn) -> Entity? {
        guard !isEmpty, !turn.entities.contains(where: { $0.type == Entity.Kind.customerID }) else { return nil }
        let tokens = turn.tokens.filter { $0.kind != .symbol }
        let texts = tokens.map { $0.text.hasSuffix("'s") ? String($0.text.dropLast(2)) : $0.text }
        var best: (entity: Entity, length: Int)?
        for (start, text) in texts.enumerated() {
            for entry in byFirstWord[text] ?? [] {
                let end = start + entry.words.count
                guard entry.words.count > best?.length ?? 0, end <= texts.count,
                      Array(texts[start..<end]) == entry.words else { continue }
                let first = tokens[start], last = tokens[end - 1]
                guard !turn.entities.contains(where: { $0.start < last.end && first.start < $0.end }) else { continue }
                best = (Entity(type: Entity.Kind.customerID, value: .string(entry.id), text: entry.name, start: first.start, end: last.end),
                        entry.words.count)
            }
        }
        return best?.entity
    }
}

extension SalesAnalytics {
    /// Built afresh from `namedCustomers`; the database backends keep theirs per version of the customers table.
    public func customerDirectory(storeID: Int64) async throws -> CustomerDirectory {
        CustomerDirectory(customers: try await namedCustomers(storeID: storeID))
    }
}
