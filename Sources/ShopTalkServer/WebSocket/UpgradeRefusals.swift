import Foundation
import HTTPTypes
import HummingbirdCore
import NIOHTTPTypes
import NIOCore
import Synchronization

/// Remembers why a WebSocket upgrade was refused, so the refusal can be answered with a real status
/// and a JSON body.
///
/// HummingbirdWebSocket answers every refused upgrade with an empty 400. `ChatSocketController` records
/// the reason for the connection's channel here before refusing, and `RefusedUpgradeWriter`, which sits in
/// that channel's HTTP pipeline, replaces the empty 400 with the recorded status and body.
final class UpgradeRefusals: Sendable {
    private let reasons = Mutex<[ObjectIdentifier: ChatError]>([:])

    func record(_ error: ChatError, for channel: any Channel) {
        reasons.withLock { $0[ObjectIdentifier(channel)] = error }
    }

    func take(for channel: any Channel) -> ChatError? {
        reasons.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}

/// Rewrites the empty 400 of a refused upgrade into the recorded error's status and JSON body.
final class RefusedUpgradeWriter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let refusals: UpgradeRefusals
    private var replaced = false

    init(refusals: UpgradeRefusals) {
        self.refusals = refusals
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head) where head.status == .badRequest && !replaced:
            guard let error = refusals.take(for: context.channel) else {
                context.write(data, promise: promise)
                return
            }
            replaced = true
            let body = FrameCoder.encodeToString(ChatError.ErrorBody(error: .init(code: error.code.rawValue, message: error.message, fields: nil)))
            var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
            buffer.writeString(body)
            var fields = HTTPFields()
            fields[.contentType] = "application/json; charset=utf-8"
            fields[.contentLength] = String(buffer.readableBytes)
            fields[.connection] = "close"
            context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: fields))), promise: nil)
            context.write(wrapOutboundOut(.body(buffer)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        _ = refusals.take(for: context.channel)
    }
}
