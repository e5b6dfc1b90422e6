import Logging
import NIOCore
import NIOHTTP1

/// Sits after the HTTP/1 decoder and the upgrade handler of one connection (see `GuardedChannel`).
///
/// - A new connection must send a whole request head within `headTimeout`, or it is answered 408 and
///   closed: a silent client, or one sending a byte every few seconds, cannot hold a socket for ever.
/// - Between requests, a keep-alive connection may stay idle for `idleTimeout`, then it is closed.
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

    private let headTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private let state: GuardState
    private let logger: Logger
    private var timer: Scheduled<Void>?
    /// Requests received whose responses have not ended yet (a client may pipeline).
    private var pending = 0
    private var busy: Bool { pending > 0 }
    private var responseStarted = false
    private var closing = false

    /// The longest request target served, in bytes. Searches take at most 256 characters.
    static let maxURILength = 2_048

    init(headTimeout: TimeAmount, idleTimeout: TimeAmount, state: GuardState, logger: Logger) {
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
        self.state = state
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        arm(context: context, after: headTimeout, answer: .requestTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        timer?.cancel()
        timer = nil
        pending += 1
        if head.uri.utf8.count > Self.maxURILength {
            // No route takes anything near this long; refused before any routing or query parsing.
            respondAndClose(context: context, status: .uriTooLong)
            return
        }
        if let upgrade = head.headers.first(name: "upgrade"), upgrade.lowercased() != "websocket" {
            // The only upgrade served is to a WebSocket; any other (`Upgrade: h2c` from `curl --http2`) is
            // ignored, as RFC 9110 §7.8 allows, and the request is answered as plain HTTP/1.1.
            head.headers.remove(name: "upgrade")
            let connection = head.headers[canonicalForm: "connection"].filter { $0.lowercased() != "upgrade" }
            head.headers.remove(name: "connection")
            if !connection.isEmpty { head.headers.add(name: "connection", value: connection.joined(separator: ", ")) }
            context.fireChannelRead(wrapInboundOut(.head(head)))
            return
        }
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
            if !busy { arm(context: context, after: idleTimeout, answer: nil) }
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

    private func arm(context: ChannelHandlerContext, after delay: TimeAmount, answer: HTTPResponseStatus?) {
        timer?.cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: delay) {
            let (handler, context) = loopBound.value
            handler.timer = nil
            guard !handler.busy else { return }
            handler.logger.debug("Closing an HTTP connection that sent no request in time", metadata: ["http.timeout_ms": "\(delay.nanoseconds / 1_000_000)"])
            if let answer {
                handler.respondAndClose(context: context, status: answer)
            } else {
                context.close(promise: nil)
            }
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
