import Foundation

/// Encodes frames and REST bodies as compact JSON, and decodes client frames.
enum FrameCoder {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Encodes a value whose encoding cannot fail (plain structs of strings and numbers).
    static func encodeToString(_ value: some Encodable) -> String {
        (try? encode(value)) ?? #"{"type":"error","replyTo":null,"code":"internal","message":"Could not encode the answer."}"#
    }
}
