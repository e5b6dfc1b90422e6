import ArgumentParser
import Foundation
import ShopTalkServer

extension Bench {
    /// The chat load against a server that is already running, such as instances behind a load balancer
    /// (`deploy/bench.sh` runs it against 1, 2 and 3 instances on PostgreSQL).
    struct Target: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "target",
            abstract: "Chat messages over N concurrent WebSocket connections to a running server's /chat (through a load balancer, say)."
        )
        @Option(help: "The chat endpoint.") var url: String = "ws://127.0.0.1:8100/chat?store=demo"
        @Option(help: "A name for the row printed.") var label: String = "target"
        @Option(help: "Concurrent connections.") var connections: Int = 50
        @Option(help: "Seconds of load.") var seconds: Int = 10
        @Option(help: "Seconds an answer may take before it counts as an error.") var messageTimeout: Int = 10

        func validate() throws {
            guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else { throw ValidationError("--url takes a ws:// or wss:// URL.") }
            guard (1...20_000).contains(connections) else { throw ValidationError("--connections takes 1 to 20000.") }
            guard (1...3_600).contains(seconds) else { throw ValidationError("--seconds takes 1 to 3600.") }
        }

        func run() async throws {
            lineBufferedOutput()
            _ = raiseOpenFileLimit()
            let result = await WebSocketLoad(url: url, connections: connections, duration: .seconds(seconds), texts: Bench.shopperMessages,
                                             greets: true, messageTimeout: .seconds(messageTimeout)).run()
            guard result.messages > 0 else {
                throw BenchError("\(url) did not answer: \(result.failedConnections) of \(connections) connections failed.")
            }
            printTable(["target", "conns", "msgs", "msgs/s", "p50 ms", "p99 ms", "errors", "timeouts", "failed conns"], [[
                label, "\(connections)", "\(result.messages)", String(format: "%.0f", result.perSecond), String(format: "%.2f", result.latencies.percentile(50) / 1000),
                String(format: "%.2f", result.latencies.percentile(99) / 1000), "\(result.errors)", "\(result.timeouts)", "\(result.failedConnections)",
            ]])
        }
    }
}
