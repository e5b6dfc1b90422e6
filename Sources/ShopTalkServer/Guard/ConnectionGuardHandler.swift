import Logging
import NIOCore

/// First handler of every accepted TCP connection (see `GuardedChannel`).
///
/// - **Admission.** The connection is counted against `ConnectionGate`'s limits, in total and per client
///   address, before anything is parsed, so silent or half-open sockets count like any other. Over a
///   limit it gets a 503 or 429 with a JSON body and is closed.
/// - **The first request head** must arrive within `headTimeout` of the connection opening, or the
///   connection is answered 408 and closed: a silent client, or one sending a byte every few seconds,
///   cannot hold a socket. (Found here, in the bytes, because a WebSocket upgrade's head never reaches a
///   handler after the upgrade handler; later requests are `HTTPHeadGuard`'s.)
/// - **Writes that wait.** When the connection's outbound buffer passes its high-water mark (the client
///   stopped reading) and stays there for `writeTimeout`, the connection is closed. This covers every
///   frame, including the pongs the WebSocket layer writes by itself for a client that floods pings.
/// - **WebSocket framing** (after the upgrade): a client frame without a mask, or a control frame with
///   reserved bits set, is a protocol error (RFC 6455 §5.1, §5.2): close 1002. Scanning starts with the
///   first bytes read after the upgrade; a client may not send frames before it has the 101 (§4.1).
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    /// The timeouts and limits the guards enforce.
    struct Settings: Sendable {
        var headTimeout: TimeAmount = .seconds(10)
        var idleTimeout: TimeAmount = .seconds(60)
        var writeTimeout: TimeAmount = .seconds(10)
    }

    private let settings: Settings
    private let gate: ConnectionGate
    private let state: GuardState
    private let sweeper: SlowConsumerSweeper
    private let logger: Logger
    private var admitted = false
    private var refused = false
    private var stalled: Scheduled<Void>?
    private var headTimer: Scheduled<Void>?
    /// The last bytes of the first head seen so far, to find its blank line across reads.
    private var headTail: [UInt8] = []
    private var frames = WebSocketFrameScanner()

    init(settings: Settings, gate: ConnectionGate, state: GuardState, sweeper: SlowConsumerSweeper, logger: Logger) {
        self.settings = settings
        self.gate = gate
        self.state = state
        self.sweeper = sweeper
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context: context)
        if !refused { context.fireChannelActive() }
    }

    private func admit(context: ChannelHandlerContext) {
        guard !admitted, !refused else { return }
        let address = context.channel.remoteAddress?.ipAddress
        if let refusal = gate.admit(address: address) {
            refused = true
            logger.notice("Refused a connection over the limits", metadata: ["net.peer": "\(address ?? "?")", "error.code": "\(refusal.code.rawValue)"])
            refuse(context: context, refusal)
            return
        }
        admitted = true
        // Counted out when the TCP connection closes, whatever happened on it.
        let gate = gate
        context.channel.closeFuture.whenComplete { _ in gate.release(address: address) }
        let (logger, timeout) = (logger, settings.headTimeout)
        // Written from this handler's own place, first in the pipeline: the HTTP handlers after it take
        // typed response parts, not bytes.
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        headTimer = context.eventLoop.scheduleTask(in: timeout) {
            let context = loopBound.value
            logger.debug("Closing a connection that sent no request head in time", metadata: ["http.timeout_ms": "\(timeout.nanoseconds / 1_000_000)"])
            var buffer = context.channel.allocator.buffer(capacity: 80)
            buffer.writeString("HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n")
            let channel = context.channel
            context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Watches the bytes of the first request for the blank line that ends its head.
    private func lookForEndOfHead(_ bytes: ByteBufferView) {
        for byte in bytes {
            headTail.append(byte)
            if headTail.count > 4 { headTail.removeFirst() }
            if headTail.suffix(2) == [0x0A, 0x0A] || headTail == [0x0D, 0x0A, 0x0D, 0x0A] {
                headTimer?.cancel()
                headTimer = nil
                headTail = []
                return
            }
        }
    }

    /// Answers with the refusal, stops sending, and reads (and drops) what the client sends for a moment,
    /// so that closing with unread data does not turn into a reset that loses the answer.
    private func refuse(context: ChannelHandlerContext, _ refusal: ChatError) {
        let body = FrameCoder.encodeToString(ChatError.ErrorBody(error: .init(code: refusal.code.rawValue, message: refusal.message, fields: nil)))
        let head = "HTTP/1.1 \(refusal.status.code) \(refusal.status.reasonPhrase)\r\ncontent-type: application/json; charset=utf-8\r\n"
            + "content-length: \(body.utf8.count)\r\nretry-after: 5\r\nconnection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: head.utf8.count + body.utf8.count)
        buffer.writeString(head)
        buffer.writeString(body)
        let channel = context.channel
        context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        if headTimer != nil { lookForEndOfHead(unwrapInboundIn(data).readableBytesView) }
        if state.upgraded {
            let buffer = unwrapInboundIn(data)
            if let violation = frames.scan(buffer.readableBytesView) {
                logger.debug("Closing a WebSocket that broke the framing rules", metadata: ["ws.violation": "\(violation)"])
                closeWebSocket(context: context, code: violation.code)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stalled?.cancel()
            stalled = nil
        } else if stalled == nil {
            let channel = context.channel
            let timeout = settings.writeTimeout
            let (sweeper, logger) = (sweeper, logger)
            stalled = context.eventLoop.scheduleTask(in: timeout) {
                guard !channel.isWritable else { return }
                sweeper.countClosed()
                logger.notice("Closing a connection that does not read what it is sent", metadata: [
                    "net.write_timeout_ms": "\(timeout.nanoseconds / 1_000_000)", "net.peer": "\(channel.remoteAddress?.description ?? "?")",
                ])
                channel.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stalled?.cancel()
        stalled = nil
        headTimer?.cancel()
        headTimer = nil
        if !refused { context.fireChannelInactive() }
    }

    /// A server close frame with `code` (unmasked, as a server's are), then the TCP close.
    private func closeWebSocket(context: ChannelHandlerContext, code: UInt16) {
        state.upgraded = false
        refused = true
        var buffer = context.channel.allocator.buffer(capacity: 4)
        buffer.writeBytes([0x88, 0x02, UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)])
        let channel = context.channel
        context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }
}

/// Follows the frame headers of a client's WebSocket byte stream without buffering payloads, and
/// reports the first frame that breaks a rule the WebSocket layer does not check itself.
struct WebSocketFrameScanner {
    enum Violation: CustomStringConvertible {
        case unmasked
        case reservedBitsOnControlFrame
        case closeReasonNotUTF8

        var description: String {
            switch self {
            case .unmasked: "client frame without a mask"
            case .reservedBitsOnControlFrame: "control frame with reserved bits"
            case .closeReasonNotUTF8: "close reason that is not UTF-8"
            }
        }

        /// The close code it earns: 1007 for text that is not UTF-8, else 1002.
        var code: UInt16 { self == .closeReasonNotUTF8 ? 1007 : 1002 }
    }

    /// Bytes of the current frame's header collected so far (at most 14).
    private var header: [UInt8] = []
    /// Payload bytes still to skip before the next header.
    private var remaining: UInt64 = 0
    /// The current close frame's mask and (unmasked) payload so far: its reason must be UTF-8 (§5.5.1).
    private var closeMask: [UInt8]?
    private var closePayload: [UInt8] = []

    mutating func scan(_ bytes: ByteBufferView) -> Violation? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if remaining > 0, let mask = closeMask {
                closePayload.append(bytes[index] ^ mask[closePayload.count % 4])
                index = bytes.index(after: index)
                remaining -= 1
                if remaining == 0, let violation = finishClose() { return violation }
                continue
            }
            if remaining > 0 {
                let available = UInt64(bytes.distance(from: index, to: bytes.endIndex))
                let skip = min(available, remaining)
                remaining -= skip
                // `skip` is at most the bytes left in this buffer, which fits in Int.
                index = bytes.index(index, offsetBy: Int(truncatingIfNeeded: skip))
                continue
            }
            header.append(bytes[index])
            index = bytes.index(after: index)
            guard header.count >= 2 else { continue }
            let opcode = header[0] & 0x0F
            let reserved = header[0] & 0x70
            let masked = header[1] & 0x80 != 0
            let shortLength = header[1] & 0x7F
            let lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
            let needed = 2 + lengthBytes + (masked ? 4 : 0)
            if !masked { return .unmasked }
            if opcode >= 0x8 && reserved != 0 { return .reservedBitsOnControlFrame }
            guard header.count >= needed else { continue }
            var length = UInt64(shortLength)
            if lengthBytes > 0 {
                length = header[2..<(2 + lengthBytes)].reduce(0) { ($0 << 8) | UInt64($1) }
            }
            remaining = length
            if opcode == 0x8 {
                // Control frames are at most 125 bytes (longer ones are refused by the WebSocket layer).
                closeMask = Array(header[(2 + lengthBytes)...].prefix(4))
                closePayload = []
                if remaining == 0, let violation = finishClose() { return violation }
            }
            header.removeAll(keepingCapacity: true)
        }
        return nil
    }

    private mutating func finishClose() -> Violation? {
        defer {
            closeMask = nil
            closePayload = []
        }
        var utf8 = UTF8Validator()
        guard closePayload.count > 2 else { return nil }
        return utf8.feed(closePayload.dropFirst(2)) && utf8.isComplete ? nil : .closeReasonNotUTF8
    }
}
