import ShopTalkCore

extension JSONStreamWriter {
    /// A product card written member by member, in key order, without the `Encoder` containers: cards are
    /// most of a search reply, and their Codable path was 2.7 % of the server's CPU under `bench ws`.
    /// The text is what `JSONEncoder` writes for the card (tests hold the two together); optional members
    /// are left out when nil, as the synthesised `encode(to:)` leaves them out.
    func writeCard(_ card: ProductCard) throws {
        bytes.append(0x7B)
        member("brand", first: true)
        writeString(card.brand)
        member("category")
        writeString(card.category)
        member("colors")
        writeStrings(card.colors)
        member("currency")
        writeString(card.currency)
        if let notes = card.discountNotes {
            member("discountNotes")
            bytes.append(0x7B)
            for (offset, code) in notes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                member(code, first: offset == 0)
                writeString(notes[code] ?? "")
            }
            bytes.append(0x7D)
        }
        member("discounts")
        writeStrings(card.discounts)
        member("id")
        writeInteger(card.id)
        if let url = card.imageUrl {
            member("imageUrl")
            writeString(url)
        }
        member("name")
        writeString(card.name)
        if let original = card.originalPrice {
            member("originalPrice")
            try writeDouble(original)
        }
        member("price")
        try writeDouble(card.price)
        if let rating = card.rating {
            member("rating")
            try writeDouble(rating)
        }
        if let reason = card.reason {
            member("reason")
            writeString(reason)
        }
        member("sizes")
        writeStrings(card.sizes)
        member("stock")
        bytes.append(0x7B)
        member("count", first: true)
        writeInteger(card.stock.count)
        member("state")
        writeString(card.stock.state)
        bytes.append(0x7D)
        bytes.append(0x7D)
    }

    private func member(_ key: String, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        writeString(key)
        bytes.append(0x3A)
    }

    private func writeStrings(_ strings: [String]) {
        bytes.append(0x5B)
        for (offset, text) in strings.enumerated() {
            if offset > 0 { bytes.append(0x2C) }
            writeString(text)
        }
        bytes.append(0x5D)
    }
}
