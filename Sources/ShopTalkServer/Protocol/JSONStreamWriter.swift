import Foundation
import ShopTalkCore

/// Writes any `Encodable` as the same text `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` and dates as ISO 8601, but straight into one byte buffer.
///
/// `JSONEncoder` builds a tree of boxed values and then serialises it; for the reply frame and the
/// stored state of every turn that was 19 % of the pipeline's CPU. Here an object's members are written
/// in the order they are encoded, and an object whose keys did not arrive in order has its members'
/// bytes reordered when it closes. `Encoder` never says when a container is finished, so open
/// containers are kept on a stack and closed when the encoding returns to a shallower level.
/// A key encoded twice in one object keeps its last value, as in `JSONEncoder`.
final class JSONStreamWriter {
    private struct Open {
        let isObject: Bool
        var count = 0
        let firstEntry: Int
        var sorted = true
    }

    private struct Entry {
        let key: String
        let start: Int
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    // One writer serves one encoding on one thread: the runtime's exclusivity checks on every append
    // (4 % of the pipeline's CPU) guard nothing here.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) private var open: [Open] = []
    @exclusivity(unchecked) private var entries: [Entry] = []

    init() {
        bytes.reserveCapacity(2048)
    }

    /// The JSON text of `value`.
    static func string(_ value: some Encodable) throws -> String {
        let writer = JSONStreamWriter()
        try writer.write(value, level: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: - Values

    /// Writes one value at the current slot; `level` is the depth of open containers it may leave open.
    func write<T: Encodable>(_ value: T, level: Int) throws {
        if try writePrimitive(value) { return }
        let before = bytes.count
        try value.encode(to: StreamEncoder(writer: self, level: level))
        close(downTo: level)
        if bytes.count == before { bytes.append(contentsOf: [0x7B, 0x7D]) }  // nothing encoded: {}
    }

    /// Values `JSONEncoder` writes itself rather than through their `encode(to:)`, and the common
    /// scalars, told apart by type identity (a failed dynamic cast per candidate type cost more).
    private func writePrimitive<T: Encodable>(_ value: T) throws -> Bool {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): writeString(unsafeBitCast(value, to: String.self))
        case ObjectIdentifier(Int.self): writeInteger(unsafeBitCast(value, to: Int.self))
        case ObjectIdentifier(Int64.self): writeInteger(unsafeBitCast(value, to: Int64.self))
        case ObjectIdentifier(Bool.self): writeBool(unsafeBitCast(value, to: Bool.self))
        case ObjectIdentifier(Double.self): try writeDouble(unsafeBitCast(value, to: Double.self))
        case ObjectIdentifier(Date.self): writeString(ShopClock.iso8601(unsafeBitCast(value, to: Date.self)))
        case ObjectIdentifier(URL.self): writeString((value as? URL)?.absoluteString ?? "")
        case ObjectIdentifier(Data.self): writeString((value as? Data)?.base64EncodedString() ?? "")
        case ObjectIdentifier(ProductCard.self): try writeCard(unsafeBitCast(value, to: ProductCard.self))
        case ObjectIdentifier(Decimal.self): bytes.append(contentsOf: ((value as? Decimal)?.description ?? "0").utf8)
        default: return false
        }
        return true
    }

    func writeNull() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    func writeBool(_ flag: Bool) {
        bytes.append(contentsOf: flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    func writeInteger(_ number: some FixedWidthInteger) {
        bytes.append(contentsOf: number.description.utf8)
    }

    /// Doubles as `JSONEncoder` writes them: the shortest text that reads back the same, without ".0".
    func writeDouble(_ number: Double, text: String? = nil) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        var text = text ?? number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func writeString(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
            case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20:
                let hex = Self.hexDigits
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    // MARK: - Containers

    /// Opens an object or array at the current slot; its index on the stack is returned.
    func openContainer(object: Bool) -> Int {
        bytes.append(object ? 0x7B : 0x5B)
        open.append(Open(isObject: object, firstEntry: entries.count))
        return open.count - 1
    }

    /// Starts the next element of the container at `index`, closing any deeper container first.
    func beginElement(in index: Int) {
        close(downTo: index + 1)
        if open[index].count > 0 { bytes.append(0x2C) }
        open[index].count += 1
    }

    /// Starts the member `key` of the object at `index`: the comma, the key and the colon.
    func beginMember(_ key: String, in index: Int) {
        beginElement(in: index)
        if open[index].sorted, entries.count > open[index].firstEntry,
           let previous = entries.last, !previous.key.utf8.lexicographicallyPrecedes(key.utf8) {
            open[index].sorted = false
        }
        entries.append(Entry(key: key, start: bytes.count))
        writeString(key)
        bytes.append(0x3A)
    }

    func count(of index: Int) -> Int {
        index < open.count ? open[index].count : 0
    }

    /// Closes every container deeper than `level`.
    func close(downTo level: Int) {
        while open.count > level {
            let container = open.removeLast()
            if container.isObject {
                if !container.sorted { sortMembers(from: container.firstEntry) }
                entries.removeSubrange(container.firstEntry...)
                bytes.append(0x7D)
            } else {
                bytes.append(0x5D)
            }
        }
    }

    /// Rewrites an object's members in key order; of a key written twice, the last one stays.
    private func sortMembers(from first: Int) {
        let members = entries[first...]
        guard let start = members.first?.start else { return }
        let end = bytes.count
        var spans: [(key: String, range: Range<Int>)] = []
        for (offset, entry) in members.enumerated() {
            let next = first + offset + 1
            let stop = next < entries.count ? entries[next].start - 1 : end
            spans.append((entry.key, entry.start..<stop))
        }
        let ordered = spans.indices.sorted { left, right in
            let (a, b) = (spans[left].key, spans[right].key)
            return a == b ? left < right : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        var text: [UInt8] = []
        text.reserveCapacity(end - start)
        for (position, member) in ordered.enumerated() {
            if position + 1 < ordered.count, spans[ordered[position + 1]].key == spans[member].key { continue }  // a later value wins
            if !text.isEmpty { text.append(0x2C) }
            text.append(contentsOf: bytes[spans[member].range])
        }
        bytes.replaceSubrange(start..<end, with: text)
    }
}
