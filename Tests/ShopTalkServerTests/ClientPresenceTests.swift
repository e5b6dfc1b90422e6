import NIOCore
import NIOPosix
@testable import ShopTalkServer
import Testing

/// Work done for a client stops when the client leaves (a REST search whose caller hung up).
@Suite("Client presence")
struct ClientPresenceTests {
    /// A real TCP connection on loopback: the server's side of it, and the client's.
    func connectedPair() async throws -> (server: any Channel, client: any Channel, listener: any Channel) {
        let group = MultiThreadedEventLoopGroup.singleton
        let promise = group.next().makePromise(of: (any Channel).self)
        let listener = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                promise.succeed(channel)
                return channel.eventLoop.makeSucceededVoidFuture()
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        let client = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()
        return (try await promise.futureResult.get(), client, listener)
    }

    @Test func workStopsWhenTheClientHangsUp() async throws {
        let (server, client, listener) = try await connectedPair()
        defer { listener.close(promise: nil) }
        let work = Task {
            try await ClientPresence.whileConnected(server) {
                try await Task.sleep(for: .seconds(120))
                return "finished"
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        let hungUp = ContinuousClock.now
        try await client.close()
        await #expect(throws: CancellationError.self) { try await work.value }
        // Well before the work would have finished (on a machine busy with other tests, not at once).
        #expect(ContinuousClock.now - hungUp < .seconds(60))
    }

    @Test func workForAClientStillThereFinishes() async throws {
        let (server, client, listener) = try await connectedPair()
        defer {
            client.close(promise: nil)
            listener.close(promise: nil)
        }
        let value = try await ClientPresence.whileConnected(server) {
            try await Task.sleep(for: .milliseconds(300))
            return 42
        }
        #expect(value == 42)
        #expect(server.isActive)
    }
}
