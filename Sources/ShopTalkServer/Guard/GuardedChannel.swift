import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// The server's child channel: Hummingbird's HTTP/1 channel with the WebSocket upgrade, behind two
/// guards that Hummingbird leaves to the application.
///
/// - `ConnectionGuardHandler`, first in the pipeline, sees every accepted TCP connection: it counts it
///   against the connection limits (in total and per address) before a byte is parsed, closes a
///   connection whose writes have waited for the client longer than the write timeout (pings and pongs
///   included), and checks the framing rules of RFC 6455 that the WebSocket layer does not (masking,
///   reserved bits on control frames).
/// - `ConnectionGuardHandler` also gives the first request head `headTimeout` to arrive (408 after it).
/// - `HTTPHeadGuard`, after the HTTP decoder and the upgrade handler, gives an idle keep-alive
///   connection `idleTimeout`, and answers a request that cannot be parsed with 400, 431 or 501 and a
///   close. (Hummingbird turns the decoder's error handling off and the connection
///   would otherwise hang, unanswered, for ever.)
struct GuardedChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value

    let inner: Inner
    let limits: ConnectionGuardHandler.Settings
    let gate: ConnectionGate
    let sweeper: SlowConsumerSweeper

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let state = GuardState()
        do {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionGuardHandler(settings: limits, gate: gate, state: state, sweeper: sweeper, logger: logger), position: .first
            )
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let headGuard = NIOLoopBound(
            HTTPHeadGuard(idleTimeout: limits.idleTimeout, state: state, logger: logger),
            eventLoop: channel.eventLoop
        )
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Last for now: after the decoder and the upgrade handler, and before the handlers that the
            // upgrade handler adds once it knows the request is plain HTTP.
            try channel.pipeline.syncOperations.addHandler(headGuard.value, position: .last)
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(UpgradeHeaderFilter(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// What the two guards of one connection share. Used on the connection's event loop only.
final class GuardState {
    /// The 101 has been written: the bytes that follow are WebSocket frames.
    var upgraded = false
}

extension HTTPServerBuilder {
    /// HTTP/1 with the WebSocket upgrade, behind `GuardedChannel`'s guards.
    static func guardedHTTP1WebSocketUpgrade<WSResponderBuilder: HTTPResponderBuilder>(
        webSocketRouter: WSResponderBuilder,
        configuration: HTTP1WebSocketUpgradeChannel.Configuration,
        limits: ConnectionGuardHandler.Settings,
        gate: ConnectionGate,
        sweeper: SlowConsumerSweeper
    ) -> HTTPServerBuilder where WSResponderBuilder.Responder.Context: WebSocketRequestContext {
        let webSocketResponder = webSocketRouter.buildResponder()
        return .init { responder in
            GuardedChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                limits: limits, gate: gate, sweeper: sweeper
            )
        }
    }
}
