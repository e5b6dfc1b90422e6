import HummingbirdWebSocket
import NIOCore

/// Collects WebSocket frames into messages without ever holding more than `maxBytes` of one: a larger
/// message is counted to its end and reported as oversized instead of being buffered.
struct FrameAssembler {
    enum Message {
        case text([UInt8])
        case binary
        case oversized(bytes: Int)
    }

    let maxBytes: Int
    private var buffer: [UInt8] = []
    private var isBinary = false
    private var size = 0
    private var inMessage = false

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Adds a frame; returns a message when the frame completes one.
    mutating func push(_ frame: WebSocketDataFrame) -> Message? {
        switch frame.opcode {
        case .text, .binary:
            buffer.removeAll(keepingCapacity: true)
            isBinary = frame.opcode == .binary
            size = 0
            inMessage = true
        default:
            guard inMessage else { return nil }
        }
        size += frame.data.readableBytes
        if !isBinary && size <= maxBytes {
            buffer.append(contentsOf: frame.data.readableBytesView)
        }
        guard frame.fin else { return nil }
        inMessage = false
        if isBinary { return .binary }
        if size > maxBytes { return .oversized(bytes: size) }
        return .text(buffer)
    }
}
