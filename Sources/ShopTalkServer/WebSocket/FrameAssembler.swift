import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// Collects WebSocket frames into whole messages without ever holding more than `maxBytes` of one: a
/// larger message is counted to its end and reported as oversized instead of being buffered.
///
/// It also enforces what RFC 6455 asks of a message and the WebSocket layer leaves to us: text is valid
/// UTF-8, checked fragment by fragment so that the fragment that breaks it closes the connection at once
/// (1007), and fragments come in order: no continuation without a message started, no new message in
/// the middle of another (1002).
struct FrameAssembler {
    enum Message: Sendable {
        case text([UInt8])
        case binary
        case oversized(bytes: Int)
    }

    enum Outcome {
        /// The frame was part of a message still arriving.
        case incomplete
        case message(Message)
        /// The connection must close with `code`.
        case violation(WebSocketErrorCode, reason: String)
    }

    let maxBytes: Int
    private var buffer: [UInt8] = []
    private var isBinary = false
    private var size = 0
    private var inMessage = false
    private var utf8 = UTF8Validator()

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Adds a frame; a message when the frame completes one, or the rule it broke.
    mutating func push(_ frame: WebSocketDataFrame) -> Outcome {
        push(opcode: frame.opcode, data: frame.data, fin: frame.fin)
    }

    mutating func push(opcode: WebSocketDataFrame.Opcode, data: ByteBuffer, fin: Bool) -> Outcome {
        switch opcode {
        case .text, .binary:
            guard !inMessage else { return .violation(.protocolError, reason: "a new message began inside a fragmented one") }
            buffer.removeAll(keepingCapacity: true)
            isBinary = opcode == .binary
            size = 0
            utf8 = UTF8Validator()
            inMessage = true
        default:
            guard inMessage else { return .violation(.protocolError, reason: "a continuation frame without a message") }
        }
        size += data.readableBytes
        if !isBinary {
            guard utf8.feed(data.readableBytesView), !fin || utf8.isComplete else {
                inMessage = false
                return .violation(.dataInconsistentWithMessage, reason: "text that is not valid UTF-8")
            }
            if size <= maxBytes { buffer.append(contentsOf: data.readableBytesView) }
        }
        guard fin else { return .incomplete }
        inMessage = false
        if isBinary { return .message(.binary) }
        if size > maxBytes { return .message(.oversized(bytes: size)) }
        return .message(.text(buffer))
    }
}

/// Checks UTF-8 as it arrives, in pieces (Unicode §3.9, table 3-7): overlong forms, surrogates and
/// code points past U+10FFFF are refused at the first byte that makes them so.
struct UTF8Validator {
    /// Continuation bytes still expected for the current character.
    private var needed = 0
    /// The range the next continuation byte must fall in.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// False as soon as the bytes cannot be valid UTF-8, whatever follows.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            if needed > 0 {
                guard byte >= lower, byte <= upper else { return false }
                (lower, upper) = (0x80, 0xBF)
                needed -= 1
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: (needed, lower, upper) = (1, 0x80, 0xBF)
            case 0xE0: (needed, lower, upper) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (needed, lower, upper) = (2, 0x80, 0xBF)
            case 0xED: (needed, lower, upper) = (2, 0x80, 0x9F)
            case 0xF0: (needed, lower, upper) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (needed, lower, upper) = (3, 0x80, 0xBF)
            case 0xF4: (needed, lower, upper) = (3, 0x80, 0x8F)
            default: return false
            }
        }
        return true
    }

    /// No character is cut off at the end.
    var isComplete: Bool { needed == 0 }
}
