import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWSClient
import Logging
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// A database file of a test's own, in a fresh temporary folder. `seeded()` starts it as a copy of a
/// demo store seeded once per test process as of 2026-03-15, which saves each test the seeding.
struct TestDatabase {
    let path: String

    init(path: String) {
        self.path = path
    }

    /// An empty database path.
    init() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoptalk-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("shoptalk.sqlite").path
    }

    /// A copy of the seeded template.
    static func seeded() async throws -> TestDatabase {
        let database = TestDatabase()
        try FileManager.default.copyItem(atPath: try await SeededTemplate.shared.path(), toPath: database.path)
        return database
    }

    func open() throws -> AppDatabase {
        try AppDatabase.open(path: path)
    }
}

/// The demo store seeded once, checkpointed into a single file so that copying the file copies it all.
actor SeededTemplate {
    static let shared = SeededTemplate()
    private var seeded: String?

    func path() async throws -> String {
        if let seeded { return seeded }
        let database = TestDatabase()
        do {
            let pool = try database.open()
            try await DemoSeeder(database: pool).seed(clock: ShopClock(today: ShopClock.parseDay("2026-03-15")!), logger: testLogger)
            try await pool.writer.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
            }
        }
        seeded = database.path
        return database.path
    }
}

/// Builds a configuration for a live test server on a free loopback port with a pinned date.
func testConfiguration(_ database: TestDatabase, today: String = "2026-03-15", adjust: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
    var configuration = ServerConfiguration()
    configuration.port = 0
    configuration.databasePath = database.path
    configuration.publicDirectory = "Public"
    configuration.today = ShopClock.parseDay(today)
    // The live test client connects before its first request, and a busy machine may take longer than
    // the production head timeout to get there; the HTTP guard tests set their own.
    configuration.headTimeout = 300
    configuration.idleTimeout = 600
    adjust(&configuration)
    return configuration
}

var testLogger: Logger {
    var logger = Logger(label: "shoptalk-test")
    logger.logLevel = .warning
    return logger
}

/// Runs `body` against a live server built from `configuration`.
@discardableResult
func withLiveServer<T: Sendable>(
    _ configuration: ServerConfiguration,
    gate: ConnectionGate? = nil,
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    let app = try await buildApplication(
        configuration: configuration, language: try await SharedLanguageModel.shared.model(), gate: gate, logger: testLogger
    )
    return try await failingAfter(seconds: liveServerDeadline) {
        try await app.test(.live) { client in
            try await body(client)
        }
    }
}

/// The longest a live-server test may take. On its own the slowest takes under a minute, but the whole
/// suite starts some 380 tests at once on 2 cores, and a test that waits for the shared language model
/// then shares the machine with all the others: the owner-insight tests have taken 370 s there (CI failed
/// once at 300 s). A hung socket must still fail its test with a message rather than stall the suite
/// until CI's own limit (`timeout 2700` around `swift test` in `.ci/run`).
let liveServerDeadline: Double = 900

/// Thrown by `failingAfter` when the work did not finish in time.
struct TestDeadlineExceeded: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "the test did not finish within \(Int(seconds)) s (a hung socket or server?)" }
}

/// Runs `work` and returns its result, or throws `TestDeadlineExceeded` once `seconds` have passed. A task
/// group would wait for a hung child even after cancelling it, so the work runs in a task of its own that is
/// cancelled and left behind on a timeout, and whichever finishes first resumes the caller once.
func failingAfter<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    let once = ResumeOnce<T>()
    return try await withCheckedThrowingContinuation { continuation in
        let timer = Task {
            try await Task.sleep(for: .seconds(seconds))
            once.resume(continuation, with: .failure(TestDeadlineExceeded(seconds: seconds)))
        }
        let task = Task {
            let result = await Result(catching: { try await work() })
            timer.cancel()
            once.resume(continuation, with: result)
        }
        once.onTimeout = { task.cancel() }
    }
}

/// Lets only the first of several racers resume a continuation.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    /// Cancels the work once the deadline won.
    var onTimeout: @Sendable () -> Void = {}

    @discardableResult
    func resume(_ continuation: CheckedContinuation<T, any Error>, with result: Result<T, any Error>) -> Bool {
        lock.lock()
        let first = !done
        done = true
        lock.unlock()
        if first { continuation.resume(with: result) }
        if first, case .failure(let error) = result, error is TestDeadlineExceeded { onTimeout() }
        return first
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// The language model trained once from Intents/ for every test in the process (loaded from the user's
/// model cache when the same data trained it before, as a restarted server does).
actor SharedLanguageModel {
    static let shared = SharedLanguageModel()
    private var trained: LanguageModel?

    func model() async throws -> LanguageModel {
        if let trained { return trained }
        let model = try await withCheckedThrowingContinuation { continuation in
            // Trained on a dispatch queue so that no test thread is held while it runs.
            DispatchQueue.global().async { continuation.resume(with: Result { try LanguageModel.train(directory: "Intents", cache: .user) }) }
        }
        trained = model
        return model
    }
}

/// Reads server frames as JSON, skipping nothing.
struct FrameReader {
    var iterator: WebSocketInboundMessageStream.AsyncIterator

    init(_ inbound: WebSocketInboundStream) {
        iterator = inbound.messages(maxSize: 1 << 22).makeAsyncIterator()
    }

    /// The next frame as a JSON object; fails the test if the stream ends or the frame is not JSON.
    mutating func next(sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: JSONValue] {
        let message = try await iterator.next()
        guard case .text(let text) = try #require(message, sourceLocation: sourceLocation) else {
            Issue.record("expected a text frame", sourceLocation: sourceLocation)
            return [:]
        }
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        guard case .object(let object) = value else {
            Issue.record("expected a JSON object, got \(text)", sourceLocation: sourceLocation)
            return [:]
        }
        return object
    }

    /// Reads until the server closes the connection; returns how many frames came before the close.
    mutating func drain() async throws -> Int {
        var count = 0
        while try await iterator.next() != nil { count += 1 }
        return count
    }
}

extension WebSocketOutboundWriter {
    /// Sends a JSON frame given as a dictionary literal of strings.
    func send(_ fields: [String: String]) async throws {
        let data = try JSONEncoder().encode(fields)
        try await write(.text(String(decoding: data, as: UTF8.self)))
    }

    /// Sends a chat message.
    func say(_ text: String, id: String) async throws {
        try await send(["type": "message", "id": id, "text": text])
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    func string(_ key: String) -> String? { self[key]?.stringValue }

    /// The products of a reply frame.
    var products: [[String: JSONValue]] {
        guard case .array(let items)? = self["products"] else { return [] }
        return items.compactMap { item in
            if case .object(let object) = item { return object }
            return nil
        }
    }
}
