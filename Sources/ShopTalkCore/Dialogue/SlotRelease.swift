/// Phrases that let go of a search filter: "forget the colour", "any price", "never mind the brand",
/// "size doesn't matter", "no budget", "ignore the price limit".
public enum SlotRelease: Sendable, Hashable {
    case price, color, size, brand

    static let slotWords: [String: SlotRelease] = [
        "price": .price, "prices": .price, "budget": .price, "limit": .price, "cost": .price,
        "colour": .color, "color": .color, "colours": .color, "colors": .color,
        "size": .size, "sizes": .size, "brand": .brand, "brands": .brand, "make": .brand,
    ]
    static let releasing: Set<String> = ["any", "forget", "ignore", "drop", "remove", "whatever", "clear", "scrap", "lose"]

    /// The filters `words` let go of.
    public static func released(by words: [String]) -> [SlotRelease] {
        var found: [SlotRelease] = []
        let joined = " " + words.joined(separator: " ") + " "
        let negated = joined.contains(" never mind ") || joined.contains(" nevermind ") || joined.contains(" doesn't matter ")
            || joined.contains(" does not matter ") || joined.contains(" don't care ") || joined.contains(" dont care ")
            || joined.contains(" no preference ") || joined.contains(" not bothered ")
        for (index, word) in words.enumerated() {
            guard let slot = slotWords[word] else { continue }
            // "any price", "forget the colour", "drop the brand", "price doesn't matter", "no budget".
            let window = words[max(0, index - 3)..<index]
            if negated || !releasing.isDisjoint(with: window) || window.last == "no" {
                if !found.contains(slot) { found.append(slot) }
            }
        }
        return found
    }
}
