import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import ShopTalkCore
@testable import ShopTalkServer
import Synchronization
import Testing

@Suite("LLM client against a local chat-completions server")
struct LLMClientTests {
    /// A client with timeouts long enough that a busy test machine never trips them, except where a
    /// test sets a short total timeout on purpose.
    func client(_ port: Int, attempts: Int = 3, total: TimeInterval = 120) -> OpenAICompatibleClient {
        OpenAICompatibleClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, model: "gpt-4o-mini", apiKey: "sk-test-secret",
                               connectTimeout: 60, totalTimeout: total, maxAttempts: attempts, baseBackoff: 0.05, logger: testLogger)
    }

    let hello = LLMRequest(messages: [LLMMessage(role: "user", content: "hello")])

    @Test func aSuccessfulCallReadsTheTextAndTokenUsageAndPricesIt() async throws {
        let fake = FakeLLM()
        try await fake.serve { port in
            let response = try await client(port).complete(hello, onDelta: nil)
            #expect(response.text == "Happy to help!")
            #expect(response.promptTokens == 120 && response.completionTokens == 30)
            #expect(response.costMicros == (120 * 150_000 + 30 * 600_000) / 1_000_000)
            #expect(response.attempts == 1)
        }
        let sent = await fake.requests.first
        #expect(sent?["model"] == .string("gpt-4o-mini"))
        #expect(sent?["max_tokens"] != nil && sent?["temperature"] != nil)
    }

    @Test func aStreamedAnswerArrivesInPieces() async throws {
        let fake = FakeLLM()
        await fake.play([.stream(["Hel", "lo ", "there"])])
        let pieces = Mutex<[String]>([])
        try await fake.serve { port in
            let response = try await client(port).complete(LLMRequest(messages: hello.messages, stream: true)) { piece in
                pieces.withLock { $0.append(piece) }
            }
            #expect(response.text == "Hello there")
            #expect(response.completionTokens == 3)
        }
        #expect(pieces.withLock { $0 } == ["Hel", "lo ", "there"])
    }

    @Test func a429IsRetriedAfterRetryAfter() async throws {
        let fake = FakeLLM()
        await fake.play([.status(429, retryAfter: 1), .ok("second time lucky")])
        try await fake.serve { port in
            let started = ContinuousClock.now
            let response = try await client(port).complete(hello, onDelta: nil)
            #expect(response.text == "second time lucky")
            #expect(response.attempts == 2)
            #expect(ContinuousClock.now - started >= .milliseconds(950))
        }
    }

    @Test func serverErrorsAreRetriedABoundedNumberOfTimes() async throws {
        let fake = FakeLLM()
        await fake.setDefault(.status(500, retryAfter: nil))
        try await fake.serve { port in
            await #expect(throws: LLMError(.http(500), "The model answered HTTP 500.")) { try await client(port, attempts: 3).complete(hello, onDelta: nil) }
        }
        #expect(await fake.requests.count == 3)
    }

    @Test func aSlowUpstreamTimesOut() async throws {
        let fake = FakeLLM()
        await fake.setDefault(.delay(3, then: "too late"))
        try await fake.serve { port in
            await #expect(throws: LLMError(.timeout, "The model did not answer in time.")) {
                try await client(port, attempts: 1, total: 1).complete(hello, onDelta: nil)
            }
        }
    }

    @Test func malformedJSONIsAnErrorAndIsNotRetried() async throws {
        let fake = FakeLLM()
        await fake.setDefault(.malformed)
        try await fake.serve { port in
            await #expect(throws: LLMError(.malformed, "The model's answer was not a chat completion.")) { try await client(port).complete(hello, onDelta: nil) }
        }
        #expect(await fake.requests.count == 1)
    }

    @Test func cancellingTheCallerStopsTheRequest() async throws {
        let fake = FakeLLM()
        await fake.setDefault(.held("never read"))
        try await fake.serve { port in
            let task = Task { try await client(port, attempts: 3).complete(hello, onDelta: nil) }
            // Cancel once the upstream is working on it.
            for _ in 0..<300 where await fake.requests.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
            }
            task.cancel()
            await #expect(throws: LLMError(.cancelled, "The request was cancelled.")) { try await task.value }
            // The call returned while the upstream was still holding its answer, and made no second attempt.
            #expect(await fake.delayedAnswersSent == 0)
            #expect(await fake.requests.count == 1)
            await fake.release()
        }
    }

    @Test func personalDataIsRedacted() {
        let text = Redactor.redact("I'm Olivia Smith, mail olivia.smith@example.com or call +44 20 7946 0958; card 4111 1111 1111 1111, order of 3 items for $49.99",
                                   names: ["Olivia Smith"])
        #expect(text == "I'm [name], mail [email] or call [phone]; card [card], order of 3 items for $49.99")
    }
}

@Suite("The language model in the chat pipeline")
struct LLMPipelineTests {
    func configuration(_ database: TestDatabase, port: Int) -> ServerConfiguration {
        testConfiguration(database) { configuration in
            configuration.llmURL = "http://127.0.0.1:\(port)"
            configuration.llmConnectTimeout = 60
            configuration.llmTotalTimeout = 120
            configuration.llmAPIKey = "sk-never-shown"
        }
    }

    func grant(_ database: TestDatabase, credits: Int) async throws {
        let storeID = try await database.storeID()
        try await database.withLedger { try await $0.grant(storeID: storeID, millicredits: credits * 1000, requestID: "test-grant") }
    }

    /// The ledger's entries other than grants, oldest first.
    func ledger(_ database: TestDatabase) async throws -> [CreditLedger.LedgerEntry] {
        let storeID = try await database.storeID()
        return try await database.withLedger { try await $0.recent(storeID: storeID, limit: 100) }.filter { $0.kind != "grant" }.reversed()
    }

    func description(_ database: TestDatabase) async throws -> String? {
        try await database.strings(sqlite: "SELECT description FROM products WHERE name LIKE 'Sony WH-1000XM5%'",
                                   postgres: "SELECT description FROM products WHERE name LIKE 'Sony WH-1000XM5%'").first
    }

    @Test func anUnplaceableMessageGetsAGroundedAnswerChargedOnce() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.echoFirstProduct)
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await chat(client) { chat in
                    let reply = try await chat.say("is it going to rain this weekend? my email is jo@example.com")
                    #expect(reply.intentName == "out_of_scope")
                    #expect(reply.string("text")?.hasPrefix("You might like the ") == true)
                }
            }
        }
        let rows = try await ledger(database)
        #expect(rows.count == 1)
        #expect(rows.first?.kind == "charge")
        #expect(rows.first?.feature == "fallback_chat")
        #expect(rows.first?.credits == -0.2)
        #expect(rows.first?.tokensIn == 120)
        let sent = "\(await fake.requests)"
        #expect(!sent.contains("jo@example.com") && sent.contains("[email]"))
        #expect(!sent.contains("sk-never-shown"))
    }

    @Test func anAnswerNamingSomethingTheStoreDoesNotSellIsDroppedAndNotCharged() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.ok("Try the Zenith X100 headphones for $12.34!"))
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await chat(client) { chat in
                    let reply = try await chat.say("is it going to rain this weekend?")
                    #expect(reply.string("text")?.contains("Zenith") == false)
                    #expect(reply.string("text")?.contains("I didn't catch that") == true)
                }
            }
        }
        let rows = try await ledger(database)
        #expect(rows.map(\.kind) == ["failed"])
        #expect(rows.first?.credits == 0)
    }

    @Test func upstreamFailuresFallBackOfflineAndChargeNothing() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.status(500, retryAfter: nil))
        try await fake.serve { port in
            var configuration = configuration(database, port: port)
            configuration.llmTotalTimeout = 5
            try await withLiveServer(configuration) { client in
                try await chat(client) { chat in
                    let reply = try await chat.say("is it going to rain this weekend?")
                    #expect(reply.string("type") == "reply")
                }
            }
        }
        #expect(try await ledger(database).allSatisfy { $0.credits == 0 })
    }

    @Test func withoutCreditsNoCallIsMadeAndOnlyOwnersAreToldWhy() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        let fake = FakeLLM()
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await chat(client) { chat in
                    let reply = try await chat.say("is it going to rain this weekend?")
                    #expect(reply.string("text")?.contains("credits") == false)
                }
                try await ownerChat(client, store: "demo", token: token) { owner in
                    let reply = try await owner.say("what were my total sales this month?")
                    #expect(reply.string("text")?.contains("No AI used: Not enough AI credits") == true)
                }
            }
        }
        #expect(await fake.requests.isEmpty)
    }

    @Test func ownersGetPhrasedAnswersOnlyWhenTheNumbersAreUnchanged() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let token = try await database.ownerToken(name: "t")
        let fake = FakeLLM()
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await ownerChat(client, store: "demo", token: token) { owner in
                    await fake.play([.ok("Great news: 999 sales!")])
                    let wrong = try await owner.say("how many orders last week?")
                    #expect(wrong.string("text")?.hasPrefix("You had ") == true)
                    let template = try #require(wrong.string("text"))
                    let numbers = template.split { !$0.isNumber }.joined(separator: " ")
                    await fake.play([.ok("Nice! The figure is \(numbers) for that stretch.")])
                    let phrased = try await owner.say("how many orders last week?")
                    #expect(phrased.string("text")?.hasPrefix("Nice!") == true)
                    #expect(phrased.resultValue == wrong.resultValue)
                }
            }
        }
    }

    @Test func aStreamedAnswerIsForwardedAsDeltasThenTheReply() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.stream(["We have ", "lots of ", "ideas."]))
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                    var frames = FrameReader(inbound)
                    _ = try await frames.next()
                    try await outbound.say("is it going to rain this weekend?", id: "s1")
                    var deltas: [String] = []
                    while true {
                        let frame = try await frames.next()
                        if frame.string("type") == "reply_delta" {
                            #expect(frame.string("replyTo") == "s1")
                            deltas.append(frame.string("text") ?? "")
                        } else {
                            #expect(frame.string("type") == "reply")
                            #expect(frame.string("text") == "We have lots of ideas.")
                            break
                        }
                    }
                    #expect(deltas == ["We have ", "lots of ", "ideas."])
                }
            }
        }
    }

    @Test func shuttingDownFinishesTheReplyInProgressThenClosesWith1001() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.held("Happy to help with that!"))
        let gate = ConnectionGate()
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port), gate: gate) { client in
                let close = try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                    var frames = FrameReader(inbound)
                    _ = try await frames.next()
                    try await outbound.say("is it going to rain this weekend?", id: "last")
                    // The answer is in progress (the model holds it); now the server starts shutting down.
                    for _ in 0..<300 where await fake.requests.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
                    let draining = Task { await gate.drain(timeout: .seconds(60)) }
                    try await Task.sleep(for: .milliseconds(200))
                    await fake.release()
                    let reply = try await frames.next()
                    #expect(reply.string("type") == "reply" && reply.string("replyTo") == "last")
                    #expect(reply.string("text") == "Happy to help with that!")
                    #expect(await draining.value == 0)
                }
                #expect(close?.closeCode == .goingAway)
                // New connections are refused while the server drains.
                try await client.execute(uri: "/chat?store=demo", method: .get, headers: GuardTests.upgrade) { response in
                    #expect(response.status == .serviceUnavailable)
                }
            }
        }
    }

    @Test func aClientThatDisconnectsDuringASlowAnswerCancelsTheCallAndIsNotCharged() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let fake = FakeLLM()
        await fake.setDefault(.held("Happy to help with that!"))
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                    var frames = FrameReader(inbound)
                    _ = try await frames.next()
                    try await outbound.say("is it going to rain this weekend?", id: "gone")
                    // Leave without waiting for the answer, once the model is working on it.
                    for _ in 0..<300 where await fake.requests.isEmpty {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    #expect(await fake.requests.count == 1)
                }
                // The server notices the closed connection and cancels the call; the hold is released. A
                // `failed` entry (not a `charge`) shows the call was cancelled before its answer came.
                var rows: [CreditLedger.LedgerEntry] = []
                for _ in 0..<100 {
                    rows = try await ledger(database)
                    if rows.first.map({ $0.kind != "hold" }) == true { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(rows.map(\.kind) == ["failed"])
                #expect(rows.first?.credits == 0)
                #expect(await fake.delayedAnswersSent == 0)
                await fake.release()
            }
        }
    }

    @Test func anOwnerConfirmsAGeneratedDescriptionBeforeItIsSaved() async throws {
        let database = try await TestDatabase.demoStore()
        try await grant(database, credits: 10)
        let token = try await database.ownerToken(name: "t")
        let fake = FakeLLM()
        let draft = "Silence the world with these wireless headphones and their long-lasting battery."
        await fake.setDefault(.ok(draft))
        try await fake.serve { port in
            try await withLiveServer(configuration(database, port: port)) { client in
                try await ownerChat(client, store: "demo", token: token) { owner in
                    let proposal = try await owner.say("write a description for the sony wh-1000xm5")
                    #expect(proposal.string("text")?.contains(draft) == true)
                    let unchanged = try await description(database)
                    #expect(unchanged != draft)
                    let saved = try await owner.say("yes, save it")
                    #expect(saved.string("text") == "Saved the new description.")
                }
            }
        }
        #expect(try await description(database) == draft)
        #expect(try await ledger(database).first?.feature == "product_description")
    }
}
