/// The opening of a WebSocket connection as read by `RawSocket`: the handshake's status line and the
/// server's frames after it, parsed by hand. Used where a refusal arrives together with the `101`
/// response and the server's close: the WebSocket client library has been seen losing frames that arrive
/// in the same read as its upgrade response when the server half-closes at once.
struct RawWebSocketOpening {
    struct Frame: Equatable {
        let opcode: UInt8
        let payload: [UInt8]
    }

    let statusLine: String
    let frames: [Frame]

    /// The handshake request for `path` on `port`.
    static func request(path: String, port: Int) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    }

    /// Parses `bytes`; frames cut short at the end are left out.
    init(_ bytes: [UInt8]) {
        let end = Self.headEnd(bytes) ?? bytes.count
        statusLine = String(decoding: bytes[0..<end].prefix { $0 != 13 }, as: UTF8.self)
        var frames: [Frame] = []
        var offset = min(end + 4, bytes.count)
        while let (frame, next) = Self.frame(in: bytes, at: offset) {
            frames.append(frame)
            offset = next
        }
        self.frames = frames
    }

    /// Whether `bytes` hold the whole handshake response and a close frame after it.
    static func endsWithClose(_ bytes: [UInt8]) -> Bool {
        RawWebSocketOpening(bytes).frames.contains { $0.opcode == 0x8 }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    /// An unmasked server frame at `offset` and the offset after it.
    private static func frame(in bytes: [UInt8], at offset: Int) -> (Frame, Int)? {
        guard offset + 2 <= bytes.count else { return nil }
        let opcode = bytes[offset] & 0x0F
        var length = Int(bytes[offset + 1] & 0x7F)
        var start = offset + 2
        if length == 126 {
            guard start + 2 <= bytes.count else { return nil }
            length = Int(bytes[start]) << 8 | Int(bytes[start + 1])
            start += 2
        } else if length == 127 {
            return nil  // no test frame is that long
        }
        guard start + length <= bytes.count else { return nil }
        return (Frame(opcode: opcode, payload: Array(bytes[start..<(start + length)])), start + length)
    }
}
