import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HummingbirdWSClient
import Logging
import ShopTalkCore
import ShopTalkServer
import Synchronization

/// Closed-loop WebSocket load from this process: every connection sends a message, waits for its
/// answer, records the latency and sends the next, for a fixed window that starts once all are connected.
struct WebSocketLoad {
    struct Result {
        var messages = 0
        var errors = 0
        /// Answers that took longer than the per-message timeout, or never came; counted among `errors`.
        var timeouts = 0
        var failedConnections = 0
        var seconds = 0.0
        var latencies = LatencySample()

        var perSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }
    }

    let url: String
    let connections: Int
    let duration: Duration
    let texts: [String]
    /// Whether the server greets each connection first (the chat does; an echo does not).
    let greets: Bool
    /// An answer slower than this counts as an error; one still missing this long after the window
    /// closes ends its connection, so a target that stops answering cannot hang the run.
    var messageTimeout: Duration = .seconds(10)

    /// The measurement window, shared by every connection: nanoseconds since `origin`, 0 until set.
    final class Window: Sendable {
        let origin = ContinuousClock.now
        let start = Atomic<Int64>(0)
        let stop = Atomic<Int64>(0)
        let ready = Atomic<Int>(0)
        let finished = Atomic<Int>(0)

        func now() -> Int64 {
            (ContinuousClock.now - origin).inNanoseconds
        }
    }

    final class Tally: Sendable {
        private let state = Mutex(Result())

        func add(messages: Int, errors: Int, timeouts: Int, latencies: [Double]) {
            state.withLock { result in
                result.messages += messages
                result.errors += errors + timeouts
                result.timeouts += timeouts
                for value in latencies { result.latencies.record(microseconds: value) }
            }
        }

        func failedConnection() { state.withLock { $0.failedConnections += 1 } }
        var result: Result { state.withLock { $0 } }
    }

    func run() async -> Result {
        let window = Window()
        let tally = Tally()
        let logger = quietLogger("bench-ws")
        let texts = texts
        let greets = greets
        let url = url
        let timeout = messageTimeout.inNanoseconds
        await withTaskGroup(of: Void.self) { group in
            for connection in 0..<connections {
                group.addTask {
                    defer { window.finished.add(1, ordering: .relaxed) }
                    do {
                        try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 20), logger: logger) { inbound, outbound, _ in
                            var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                            if greets { _ = try await frames.next() }
                            window.ready.add(1, ordering: .relaxed)
                            while window.start.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
                            let stop = window.stop.load(ordering: .relaxed)
                            var sent = 0
                            var counted = 0
                            var errors = 0
                            var timeouts = 0
                            var latencies: [Double] = []
                            latencies.reserveCapacity(4096)
                            while true {
                                let begin = window.now()
                                if begin >= stop { break }
                                sent += 1
                                let text = texts[(connection + sent) % texts.count]
                                try await outbound.write(.text(#"{"type":"message","id":"m\#(sent)","text":"\#(text)"}"#))
                                let next: WebSocketMessage?
                                do { next = try await frames.next() } catch {
                                    // Cancelled while waiting: the target stopped answering.
                                    timeouts += 1
                                    break
                                }
                                guard let answer = next else { break }
                                let end = window.now()
                                if end > stop { break }
                                if end - begin > timeout {
                                    timeouts += 1
                                    continue
                                }
                                counted += 1
                                latencies.append(Double(end - begin) / 1000)
                                if case .text(let body) = answer, body.contains(#""type":"error""#) { errors += 1 }
                            }
                            tally.add(messages: counted, errors: errors, timeouts: timeouts, latencies: latencies)
                            try? await outbound.close(.normalClosure, reason: nil)
                        }
                    } catch {
                        tally.failedConnection()
                        window.ready.add(1, ordering: .relaxed)
                    }
                }
            }
            group.addTask {
                // Start once every connection is up (or has failed), or after 60 s of connecting.
                let deadline = window.now() + 60_000_000_000
                while window.ready.load(ordering: .relaxed) < connections, window.now() < deadline {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                let start = window.now() + 200_000_000
                window.stop.store(start + duration.inNanoseconds, ordering: .relaxed)
                window.start.store(start, ordering: .relaxed)
            }
            // Connections still waiting a timeout after the window closed are given up on.
            while window.finished.load(ordering: .relaxed) < connections {
                let stop = window.stop.load(ordering: .relaxed)
                if stop > 0, window.now() > stop + timeout { break }
                try? await Task.sleep(for: .milliseconds(50))
            }
            group.cancelAll()
        }
        var result = tally.result
        result.seconds = duration.inSeconds
        return result
    }
}

/// A process under test: `shoptalk serve` (or the peer) started as a child, stopped at the end.
final class ServerProcess {
    let process = Process()
    let port: Int

    init(executable: String, arguments: [String], port: Int, log: String) throws {
        self.port = port
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        guard FileManager.default.createFile(atPath: log, contents: nil) else { throw BenchError("Cannot create the log file \(log).") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
    }

    /// Starts the process and waits until `GET path` answers; returns how long that took.
    func start(readyPath: String = "/health", timeout: Double = 120) async throws -> Duration {
        let began = ContinuousClock.now
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning { throw BenchError("The server exited with \(process.terminationStatus) before it was ready.") }
            if await Self.answers("http://127.0.0.1:\(port)\(readyPath)") { return ContinuousClock.now - began }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchError("The server was not ready after \(Int(timeout)) s.")
    }

    static func answers(_ url: String) async -> Bool {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 1
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Resident memory of the process, in bytes (Linux: VmRSS of /proc/PID/status).
    var residentBytes: Int {
        ShopTalkServer.residentBytes(process: "\(process.processIdentifier)")
    }

    /// SIGTERM, then SIGKILL after 5 s: a child of Foundation's Process may have SIGTERM blocked (the
    /// Python peer did, and `--peer` hung here waiting for it).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Raises this process's open-file limit to its hard limit (children inherit it), for thousands of sockets.
func raiseOpenFileLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    return Int(limit.rlim_cur)
}

/// The path of the running `shoptalk` executable, to start servers from.
func currentExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// A logger for the load's own clients, which would otherwise log every connection.
func quietLogger(_ label: String) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = .critical
    return logger
}

/// A fresh temporary folder for a benchmark's database and logs; the caller removes it.
func makeWorkDirectory(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
