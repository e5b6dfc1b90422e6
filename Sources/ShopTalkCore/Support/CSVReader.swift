/// Reads CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF) one record at
/// a time, with the line number each record starts on, so that a bad row can be reported precisely.
///
/// A record that cannot be trusted is returned with a `problem` instead of being guessed at: a field that
/// is not valid UTF-8, holds a NUL byte, or is longer than `maxFieldBytes`, or a record longer than
/// `maxRecordBytes`. Such a field is never held beyond its cap, so one huge cell cannot grow memory.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
        /// Why this record cannot be used; its fields are then incomplete.
        public var problem: String?
    }

    /// 64 KiB: no real cell of a catalog or sales export comes near it.
    public static let defaultMaxFieldBytes = 64 * 1024
    /// 1 MiB.
    public static let defaultMaxRecordBytes = 1024 * 1024

    private let bytes: [UInt8]
    private let maxFieldBytes: Int
    private let maxRecordBytes: Int
    private var position = 0
    private var line = 1

    public init(bytes: [UInt8], maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Bytes read so far, for progress.
    public var bytesRead: Int { position }
    public var totalBytes: Int { bytes.count }

    public mutating func next() -> Record? {
        guard position < bytes.count else { return nil }
        var record = Record(line: line, fields: [], problem: nil)
        var field: [UInt8] = []
        var fieldBytes = 0
        var recordBytes = 0
        var quoted = false

        func finishField() {
            defer {
                field.removeAll(keepingCapacity: true)
                fieldBytes = 0
            }
            guard record.problem == nil else { return }
            let number = record.fields.count + 1
            if fieldBytes > maxFieldBytes {
                record.problem = "field \(number) is \(fieldBytes) bytes long; the limit is \(maxFieldBytes)"
            } else if field.contains(0) {
                record.problem = "field \(number) contains a NUL byte"
            } else if let text = String(validating: field, as: UTF8.self) {
                record.fields.append(text)
                return
            } else {
                record.problem = "field \(number) is not valid UTF-8"
            }
        }

        func append(_ byte: UInt8) {
            fieldBytes += 1
            if fieldBytes <= maxFieldBytes { field.append(byte) }
        }

        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            recordBytes += 1
            if quoted {
                if byte == 0x22 {
                    if position < bytes.count && bytes[position] == 0x22 {
                        append(0x22)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where fieldBytes == 0:
                quoted = true
            case 0x2C:
                finishField()
            case 0x0D:
                continue
            case 0x0A:
                line += 1
                finishField()
                return checked(record, recordBytes)
            default:
                append(byte)
            }
        }
        finishField()
        return checked(record, recordBytes)
    }

    private func checked(_ record: Record, _ recordBytes: Int) -> Record {
        guard record.problem == nil, recordBytes > maxRecordBytes else { return record }
        var record = record
        record.problem = "the row is \(recordBytes) bytes long; the limit is \(maxRecordBytes)"
        return record
    }
}
