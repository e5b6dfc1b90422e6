import ArgumentParser
import Foundation
import HummingbirdWSClient
import Logging
import Synchronization
import ShopTalkCore
import ShopTalkServer

/// `shoptalk bench <name>`: performance figures, printed as tables. Build with `-c release`.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a benchmark and print its figures (use a release build).",
        subcommands: [Analytics.self, NLU.self, WS.self, Target.self, Connections.self, Search.self, Frames.self]
    )

    struct Analytics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Owner questions over generated sales lines (default 500,000).")
        @Option(help: "Sales lines to generate.") var lines: Int = 500_000
        @Option(help: "Times each question is asked.") var rounds: Int = 20
        @Option(help: "NLU training folder.") var intents: String = "./Intents"

        func run() async throws {
            let logger = try EnvironmentOptions.bootstrapLogging(level: "warning")
            var benchmark = AnalyticsBenchmark()
            benchmark.lines = lines
            benchmark.rounds = rounds
            try await benchmark.run(language: try LanguageModel.train(directory: intents), logger: logger)
        }
    }

    struct NLU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entity extraction + intent classification over 10,000 varied messages.")
        @Option(help: "Messages to classify.") var messages: Int = 10_000
        @Option(help: "NLU training folder.") var intents: String = "./Intents"

        func run() async throws {
            try NLUBenchmark(messages: messages, intents: intents).run()
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Catalog search over generated products (default 100,000).")
        @Option(help: "Products to generate.") var products: Int = 100_000
        @Option(help: "Times each search runs.") var rounds: Int = 50

        func run() async throws {
            let logger = try EnvironmentOptions.bootstrapLogging(level: "warning")
            var benchmark = SearchBenchmark()
            benchmark.products = products
            benchmark.rounds = rounds
            try await benchmark.run(logger: logger)
        }
    }

    struct Frames: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A reply frame and its state written by JSONEncoder and by JSONStreamWriter.")
        @Option(help: "Turns to encode with each.") var rounds: Int = 20_000

        func run() async throws {
            var benchmark = FrameBenchmark()
            benchmark.rounds = rounds
            try benchmark.run()
        }
    }

    /// Shopper messages of every kind, sent round-robin by the load.
    static let shopperMessages = [
        "show me headphones under $100", "do you have sony tvs", "running shoes in black size 42", "what deals do you have?",
        "is the JBL Tune 510BT in stock?", "how much is the samsung galaxy s24", "cheap laptops", "hi there",
        "recommend a smartwatch for running", "any discounts on apple?", "thanks!", "show me blue t-shirts",
        "does SAVE20 work on a $120 order?", "what can you do?", "gaming consoles under $400", "tell me about the dyson v8",
    ]

    struct WS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chat messages over N concurrent WebSocket connections through the whole pipeline, then the same load against an echo endpoint and, with --peer, a FastAPI peer."
        )
        @Option(help: "Concurrent connections.") var connections: Int = 1_000
        @Option(help: "Seconds of load per target.") var seconds: Int = 20
        @Option(help: "Port for the server under test.") var port: Int = 18_180
        @Option(help: "NLU training folder.") var intents: String = "./Intents"
        @Flag(help: "Also run the load against Scripts/bench/peer_fastapi.py (installs fastapi and uvicorn with pip).") var peer = false
        @Option(help: "Port for the peer.") var peerPort: Int = 18_181
        @Option(help: "Seconds an answer may take before it counts as an error (a missing one ends its connection).")
        var messageTimeout: Int = 10
        @Flag(help: "Record the server with `perf record -e cpu-clock -g` during the pipeline load and print its top symbols.")
        var profile = false

        func run() async throws {
            // Progress shows line by line even when the output goes to a file or a pipe.
            lineBufferedOutput()
            let files = raiseOpenFileLimit()
            let work = try makeWorkDirectory("shoptalk-bench-ws")
            defer { try? FileManager.default.removeItem(atPath: work) }
            let server = try ServerProcess(executable: currentExecutable(), arguments: Bench.benchServerArguments(port: port, database: work + "/bench.sqlite", intents: intents),
                                           port: port, log: work + "/server.log")
            defer { server.stop() }
            _ = try await server.start()
            print("ws: \(connections) connections, \(seconds) s per target, closed loop (each connection waits for its answer); open-file limit \(files)")
            let duration = Duration.seconds(seconds)
            var rows: [(String, WebSocketLoad.Result)] = []
            let timeout = Duration.seconds(messageTimeout)
            let load = { (name: String, url: String, greets: Bool) async throws -> WebSocketLoad.Result in
                print("running: \(name)")
                let result = await WebSocketLoad(url: url, connections: connections, duration: duration, texts: Bench.shopperMessages,
                                                 greets: greets, messageTimeout: timeout).run()
                rows.append((name, result))
                guard result.messages > 0 else {
                    throw BenchError("\(name) did not answer: \(result.failedConnections) of \(connections) connections failed, \(result.timeouts) answers timed out, none arrived.")
                }
                return result
            }
            let recorder = try profile ? Profiler(pid: server.process.processIdentifier, seconds: seconds + 1, folder: work) : nil
            let chat = try await load("shoptalk /chat (whole pipeline)", "ws://127.0.0.1:\(port)/chat?store=demo", true)
            try recorder?.report()
            let echo = try await load("shoptalk /bench/echo (transport)", "ws://127.0.0.1:\(port)/bench/echo", false)
            server.stop()
            var peerResult: WebSocketLoad.Result?
            if peer {
                let process = try ServerProcess(executable: "/usr/bin/env", arguments: ["python3", "Scripts/bench/peer_fastapi.py", "--port", "\(peerPort)"],
                                                port: peerPort, log: work + "/peer.log")
                defer { process.stop() }
                print("starting the peer (pip installs fastapi and uvicorn on first use)")
                _ = try await process.start(readyPath: "/health", timeout: 300)
                peerResult = try await load("peer: FastAPI + uvicorn (keywords + regex)", "ws://127.0.0.1:\(peerPort)/chat?store=demo", true)
            }
            printTable(["target", "conns", "msgs/s", "p50 ms", "p99 ms", "p999 ms", "errors", "timeouts", "failed conns"], rows.map { name, result in
                [name, "\(connections)", String(format: "%.0f", result.perSecond), String(format: "%.2f", result.latencies.percentile(50) / 1000),
                 String(format: "%.2f", result.latencies.percentile(99) / 1000), String(format: "%.2f", result.latencies.percentile(99.9) / 1000),
                 "\(result.errors)", "\(result.timeouts)", "\(result.failedConnections)"]
            })
            print(String(format: "ratios: pipeline/echo rate %.2f (%.0f%%), pipeline/echo p99 %.2f×",
                         chat.perSecond / echo.perSecond, chat.perSecond / echo.perSecond * 100,
                         chat.latencies.percentile(99) / max(echo.latencies.percentile(99), 1)))
            if let peerResult {
                print(String(format: "ratios: shoptalk/peer rate %.2f×, shoptalk/peer p99 %.2f×", chat.perSecond / peerResult.perSecond,
                             chat.latencies.percentile(99) / max(peerResult.latencies.percentile(99), 1)))
            }
        }
    }

    struct Connections: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open N idle WebSocket connections; server memory before and after, and cold start time.")
        @Option(help: "Idle connections to open.") var connections: Int = 10_000
        @Option(help: "Port for the server under test.") var port: Int = 18_182
        @Option(help: "NLU training folder.") var intents: String = "./Intents"

        func run() async throws {
            let files = raiseOpenFileLimit()
            // The client (this process) and the server (a child) each hold one descriptor per connection.
            guard files > connections + 200 else {
                throw BenchError("The open-file limit is \(files); \(connections) connections need about \(connections + 200) in each process.")
            }
            let work = try makeWorkDirectory("shoptalk-bench-conn")
            defer { try? FileManager.default.removeItem(atPath: work) }
            let arguments = Bench.benchServerArguments(port: port, database: work + "/bench.sqlite", intents: intents)
            // The first start creates and seeds the database; the second is the cold start measured.
            let first = try ServerProcess(executable: currentExecutable(), arguments: arguments, port: port, log: work + "/first.log")
            let seeding = try await first.start()
            first.stop()
            let server = try ServerProcess(executable: currentExecutable(), arguments: arguments, port: port, log: work + "/server.log")
            defer { server.stop() }
            let coldStart = try await server.start()
            try await Task.sleep(for: .seconds(1))
            let before = server.residentBytes
            let counters = IdleCounters()
            let logger = quietLogger("bench-connections")
            let started = ContinuousClock.now
            var after = 0
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<connections {
                    group.addTask { [port] in
                        do {
                            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/chat?store=demo", logger: logger) { inbound, outbound, _ in
                                var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                                _ = try await frames.next()
                                counters.opened.add(1, ordering: .relaxed)
                                while !counters.release.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(200)) }
                                try await outbound.close(.normalClosure, reason: nil)
                            }
                        } catch {
                            counters.failed.add(1, ordering: .relaxed)
                        }
                    }
                }
                while counters.opened.load(ordering: .relaxed) + counters.failed.load(ordering: .relaxed) < connections {
                    try? await Task.sleep(for: .milliseconds(50))
                }
                let openTime = ContinuousClock.now - started
                try? await Task.sleep(for: .seconds(2))
                after = server.residentBytes
                print("connections: \(counters.opened.load(ordering: .relaxed)) idle WebSocket connections open (\(counters.failed.load(ordering: .relaxed)) failed) in \(openTime)")
                counters.release.store(true, ordering: .relaxed)
            }
            let count = max(1, counters.opened.load(ordering: .relaxed))
            printTable(["figure", "value"], [
                ["first start (migrate, seed, train)", String(format: "%.2f s", seeding.inSeconds)],
                ["cold start to ready (existing database)", String(format: "%.2f s", coldStart.inSeconds)],
                ["server RSS before", String(format: "%.1f MB", Double(before) / 1e6)],
                ["server RSS with \(count) idle connections", String(format: "%.1f MB", Double(after) / 1e6)],
                ["per connection", String(format: "%.1f KB", Double(after - before) / Double(count) / 1e3)],
            ])
        }
    }

    /// `shoptalk serve` for benchmarks: a fresh database, limits lifted (one client address sends
    /// everything), the echo endpoint on, quiet logs.
    static func benchServerArguments(port: Int, database: String, intents: String) -> [String] {
        ["serve", "--port", "\(port)", "--db", database, "--intents", intents, "--log-level", "error", "--bench-endpoints",
         "--max-connections", "50000", "--max-connections-per-address", "50000", "--address-rate-limit", "0",
         "--rate-limit", "100000", "--rate-burst", "100000", "--new-sessions-per-minute", "0", "--http-rate-limit", "0"]
    }
}

/// Shared counters of the idle-connections benchmark.
final class IdleCounters: Sendable {
    let opened = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
    let release = Atomic<Bool>(false)
}
