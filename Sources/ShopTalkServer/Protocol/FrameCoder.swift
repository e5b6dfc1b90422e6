import Foundation
import ShopTalkCore

/// Encodes frames and REST bodies as compact JSON, and decodes client frames.
enum FrameCoder {
    static func encode(_ value: some Encodable) throws -> String {
        try JSONStreamWriter.string(value)
    }

    /// The library's encoder with the same settings: the reference `JSONStreamWriter` is held to in tests.
    static func encodeWithFoundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // The same text as `.iso8601`, which made a date formatter for every date (7 % of the pipeline's CPU).
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ShopClock.iso8601(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Encodes a value whose encoding cannot fail (plain structs of strings and numbers).
    static func encodeToString(_ value: some Encodable) -> String {
        (try? encode(value)) ?? #"{"type":"error","replyTo":null,"code":"internal","message":"Could not encode the answer."}"#
    }
}
