/// Reads CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF) one record at
/// a time, with the line number each record starts on, so that a bad row can be reported precisely.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    public init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    public mutating func next() -> Record? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == 0x22 {
                    if position < bytes.count && bytes[position] == 0x22 {
                        field.append(0x22)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty:
                quoted = true
            case 0x2C:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0D:
                continue
            case 0x0A:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return Record(line: startLine, fields: fields)
            default:
                field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return Record(line: startLine, fields: fields)
    }
}
