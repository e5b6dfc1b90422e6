import ArgumentParser
import Foundation
import HummingbirdWSClient
import Logging
import ShopTalkCore
import ShopTalkServer

/// `shoptalk chat`: a terminal client. Each line read is sent as a message; replies print readably, with
/// product lists and owner results as aligned text tables. Lines can also come from a pipe or a file.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat with a ShopTalk server from the terminal.",
        discussion: """
        Type a message and press return. /reset starts over, /quit leaves (so does end of input). \
        Piped input is sent line by line, and the client waits for every answer before it exits.
        """
    )

    @Argument(help: "The chat endpoint.")
    var url: String = "ws://127.0.0.1:8080/chat"

    @Option(help: "The store to chat with.")
    var store: String = "demo"

    @Option(help: "An owner token, to ask about sales (or set SHOPTALK_TOKEN; keeps it out of shell history).")
    var token: String?

    @Option(help: "A session's resume token, to continue a conversation.")
    var session: String?

    @Option(help: "Seconds to wait for answers after the last line before giving up.")
    var wait: Double = 60

    func run() async throws {
        guard var components = URLComponents(string: url), ["ws", "wss"].contains(components.scheme ?? "") else {
            throw ValidationError("The URL must start with ws:// or wss://, like ws://127.0.0.1:8080/chat.")
        }
        var query = components.queryItems ?? []
        if !query.contains(where: { $0.name == "store" }) { query.append(URLQueryItem(name: "store", value: store)) }
        if let session { query.append(URLQueryItem(name: "session", value: session)) }
        components.queryItems = query
        let endpoint = components.string ?? url
        let ownerToken = token ?? ProcessInfo.processInfo.environment["SHOPTALK_TOKEN"]
        let interactive = isatty(STDIN_FILENO) == 1
        let answers = Answers()
        let lines = Self.standardInputLines()
        let limit = wait
        var logger = Logger(label: "shoptalk-chat")
        logger.logLevel = .warning

        let close = try await WebSocketClient.connect(url: endpoint, logger: logger) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let renderer = TerminalRenderer()
                    for try await message in inbound.messages(maxSize: 4 << 20) {
                        guard case .text(let text) = message,
                              let frame = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { continue }
                        if let shown = renderer.render(frame) { Self.show(shown + "\n", prompt: interactive) }
                        await answers.received(frame)
                    }
                }
                guard await answers.waitForWelcome(seconds: 30) else { throw ChatClientError("The server did not greet this client.") }
                if let ownerToken { try await outbound.write(.text(Self.frame(["type": "auth", "token": ownerToken]))) }
                var counter = 0
                for await line in lines {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { continue }
                    if text == "/quit" || text == "/exit" { break }
                    if text == "/reset" {
                        try await outbound.write(.text(Self.frame(["type": "reset"])))
                        continue
                    }
                    counter += 1
                    let id = "cli-\(counter)"
                    await answers.expect(id)
                    try await outbound.write(.text(Self.frame(["type": "message", "id": id, "text": text])))
                    // One at a time, as a person would: the next line goes once this one is answered.
                    _ = await answers.waitUntilAnswered(seconds: limit)
                }
                let complete = await answers.waitUntilAnswered(seconds: limit)
                try await outbound.close(.normalClosure, reason: "bye")
                group.cancelAll()
                if !complete { throw ChatClientError("Some messages were not answered within \(Int(limit)) seconds.") }
            }
        }
        if let close, close.closeCode != .normalClosure {
            throw ChatClientError("The server closed the connection (\(close.closeCode)\(close.reason.map { ": \($0)" } ?? "")).")
        }
    }

    static func frame(_ fields: [String: String]) -> String {
        String(decoding: (try? JSONEncoder().encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func show(_ text: String, prompt: Bool) {
        FileHandle.standardOutput.write(Data((text + (prompt ? "you> " : "")).utf8))
    }

    /// Standard input as lines, read on a thread of its own so a blocking read never holds a task thread.
    static func standardInputLines() -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            thread.start()
        }
    }
}

struct ChatClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What the client is waiting for: the welcome, and an answer (reply or error) to each message sent.
actor Answers {
    private var welcomed = false
    private var pending = Set<String>()

    func received(_ frame: JSONValue) {
        switch frame["type"]?.stringValue {
        case "welcome": welcomed = true
        case "reply", "error":
            if let id = frame["replyTo"]?.stringValue { pending.remove(id) }
        default: break
        }
    }

    func expect(_ id: String) { pending.insert(id) }

    func waitForWelcome(seconds: Double) async -> Bool {
        await poll(seconds) { welcomed }
    }

    func waitUntilAnswered(seconds: Double) async -> Bool {
        await poll(seconds) { pending.isEmpty }
    }

    private func poll(_ seconds: Double, until done: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !done() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
