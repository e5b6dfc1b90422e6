/// Turns search slots into the words of a reply: "black Sony headphones under $150".
public enum CatalogPhrases {
    /// How one product of a category reads: "1 black headphone set", not "1 black headphones".
    public static func singularNoun(_ category: String?) -> String {
        switch category {
        case nil: return "product"
        case "tvs": return "TV"
        case "headphones": return "headphone set"
        case "home & kitchen": return "home & kitchen product"
        case "gaming": return "gaming product"
        case "clothing": return "clothing item"
        case "accessories": return "accessory"
        case "shoes": return "pair of shoes"
        case let name?: return name.hasSuffix("ies") ? String(name.dropLast(3)) + "y" : name.hasSuffix("es") && name.hasSuffix("ches") ? String(name.dropLast(2)) : name.hasSuffix("s") ? String(name.dropLast()) : name
        }
    }

    /// "1 order", "3 orders".
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// How a category reads in a sentence.
    public static func categoryNoun(_ category: String?) -> String {
        switch category {
        case nil: return "products"
        case "tvs": return "TVs"
        case "home & kitchen": return "home & kitchen products"
        case "gaming": return "gaming products"
        case "clothing": return "clothing items"
        case let name?: return name
        }
    }

    public static func describe(_ slots: ConversationState.Slots, text: String?, currency: String, one: Bool = false) -> String {
        var words: [String] = []
        if let color = slots.color { words.append(color) }
        if let brand = slots.brand { words.append(brand) }
        if let text, slots.category == nil { words.append(text) }
        words.append(one ? singularNoun(slots.category) : categoryNoun(slots.category))
        if let text, slots.category != nil { words.append("matching \"\(text)\"") }
        if let size = slots.size { words.append("in size \(size)") }
        switch (slots.minPrice, slots.maxPrice) {
        case let (min?, max?): words.append("between \(min.formatted(currency: currency)) and \(max.formatted(currency: currency))")
        case let (nil, max?): words.append("under \(max.formatted(currency: currency))")
        case let (min?, nil): words.append("over \(min.formatted(currency: currency))")
        case (nil, nil): break
        }
        return words.joined(separator: " ")
    }
}
