import Logging
import NIOCore
import NIOHTTP1

/// Sits after the HTTP/1 decoder and the upgrade handler of one connection (see `GuardedChannel`).
///
/// - Between requests, a keep-alive connection may stay idle for `idleTimeout`, then it is closed. (The
///   first request's head has `headTimeout`, enforced by `ConnectionGuardHandler`.)
/// - A request the decoder cannot parse (a header too large, too many headers, Content-Length with
///   Transfer-Encoding, a duplicate Content-Length, a bare LF, a NUL, TLS bytes, an unknown method) is
///   answered 400, 431 or 501 with `Connection: close`, and the connection is closed.
/// - Once the connection has upgraded to a WebSocket, it tells `GuardState` and leaves the pipeline
///   (before the upgrade handler replays any bytes that came early, which are WebSocket frames).
final class HTTPHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let idleTimeout: TimeAmount
    private let state: GuardState
    private let logger: Logger
    private var timer: Scheduled<Void>?
    /// Requests received whose responses have not ended yet (a client may pipeline).
    private var pending = 0
    private var busy: Bool { pending > 0 }
    private var responseStarted = false
    private var closing = false
    /// The parts of a request already answered here (414) are dropped until its end.
    private var discarding = false

    /// The longest request target served, in bytes. Searches take at most 256 characters.
    static let maxURILength = 2_048

    init(idleTimeout: TimeAmount, state: GuardState, logger: Logger) {
        self.idleTimeout = idleTimeout
        self.state = state
        self.logger = logger
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if discarding {
            if case .end = part {
                discarding = false
                if !busy { armIdleTimer(context: context) }
            }
            return
        }
        guard case .head(let head) = part else {
            context.fireChannelRead(data)
            return
        }
        timer?.cancel()
        timer = nil
        if head.uri.utf8.count > Self.maxURILength, !busy {
            // No route takes anything near this long: answered here, before any routing or query parsing,
            // and the connection stays open (a close would make a flood cost a TCP handshake each).
            discarding = true
            var headers = HTTPHeaders()
            headers.add(name: "content-length", value: "0")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .uriTooLong, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        pending += 1
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case HTTPServerUpgradeEvents.upgradeComplete = event {
            timer?.cancel()
            timer = nil
            state.upgraded = true
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head:
            responseStarted = true
        case .end:
            pending = max(0, pending - 1)
            responseStarted = false
            if !busy { armIdleTimer(context: context) }
        case .body:
            break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let status = Self.status(for: parserError)
        logger.debug("Refused a request that could not be parsed", metadata: [
            "http.error": "\(parserError)", "http.status": "\(status.code)",
        ])
        respondAndClose(context: context, status: status)
    }

    /// The status that names what is wrong with a request the decoder refused.
    static func status(for error: HTTPParserError) -> HTTPResponseStatus {
        switch error {
        case .headerOverflow: .requestHeaderFieldsTooLarge
        case .invalidMethod: .notImplemented
        // A bare LF shows up as a bad version too: 400 says more than 505 would.
        default: .badRequest
        }
    }

    /// Closes the connection if no request starts within `idleTimeout`.
    private func armIdleTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let delay = idleTimeout
        timer = context.eventLoop.scheduleTask(in: delay) {
            let (handler, context) = loopBound.value
            handler.timer = nil
            guard !handler.busy else { return }
            handler.logger.debug("Closing an idle keep-alive connection", metadata: ["http.idle_ms": "\(delay.nanoseconds / 1_000_000)"])
            context.close(promise: nil)
        }
    }

    /// Answers with `status` and no body, then closes; when a response is already under way, only closes.
    private func respondAndClose(context: ChannelHandlerContext, status: HTTPResponseStatus) {
        guard !closing else { return }
        closing = true
        timer?.cancel()
        timer = nil
        guard !responseStarted else {
            context.close(promise: nil)
            return
        }
        var headers = HTTPHeaders()
        headers.add(name: "connection", value: "close")
        headers.add(name: "content-length", value: "0")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

/// Sits right after the HTTP/1 decoder for the first request head only, then leaves the pipeline (so
/// it never sees the bytes of a WebSocket). The only upgrade served is to a WebSocket; any other
/// (`Upgrade: h2c` from `curl --http2`) is removed from the head, as RFC 9110 §7.8 allows, and the
/// request is answered as plain HTTP/1.1. (Left in, NIO's upgrade handler answers nothing at all.)
final class UpgradeHeaderFilter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        // Passed on first, then gone: what follows the head reaches the next handler directly.
        defer { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
        guard let upgrade = head.headers.first(name: "upgrade"), upgrade.lowercased() != "websocket" else {
            context.fireChannelRead(data)
            return
        }
        head.headers.remove(name: "upgrade")
        let connection = head.headers[canonicalForm: "connection"].filter { $0.lowercased() != "upgrade" }
        head.headers.remove(name: "connection")
        if !connection.isEmpty { head.headers.add(name: "connection", value: connection.joined(separator: ", ")) }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
