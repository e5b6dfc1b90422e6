import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Every vector that once took the whole server down, over REST and the socket, plus a fuzz of every
/// numeric REST field: each gets a polite reply or a 4xx, and the server keeps serving.
@Suite("Hostile input")
struct HostileInputTests {
    static let hugeAmounts = [
        "show me headphones under $100000000000000000",
        "laptops at least 100000000000000000 dollars",
        "does SAVE20 work on a $100000000000000000 order",
        "phones under $" + String(repeating: "9", count: 400),
    ]

    @Test func aHugeAmountGetsAPoliteReplyOverRESTAndTheSocket() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            for text in Self.hugeAmounts {
                let body = String(decoding: try JSONEncoder().encode(["store": "demo", "text": text]), as: UTF8.self)
                let (status, reply) = try await call(client, .post, "/api/chat", body: body)
                #expect(status == .ok)
                #expect(reply["text"]?.stringValue?.contains("too large") == true, "\(text.prefix(40))")
            }
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for (index, text) in Self.hugeAmounts.enumerated() {
                    try await outbound.say(text, id: "h\(index)")
                    let reply = try await frames.next()
                    #expect(reply.string("type") == "reply")
                    #expect(reply.string("text")?.contains("too large") == true)
                }
            }
            #expect(try await call(client, .get, "/health").0 == .ok)
        }
    }

    /// Raw JSON number literals, as a hostile script would write them (not what a JSON encoder makes).
    static let numbers = ["1e300", "-1e300", "1e19", "9223372036854775807", "9223372036854775808", "-0", "0.5", "1e-300",
                          "123456789012345678901234567890", String(repeating: "9", count: 1_000), "1e400"]

    @Test func everyNumericFieldRefusesWhatItCannotHoldWithA4xx() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken()
        // Hundreds of requests in a row: the per-address REST limit would answer most of them 429.
        let unlimited = testConfiguration(database) { $0.httpRequestsPerSecond = 0 }
        try await withLiveServer(unlimited) { client in
            var sku = 0
            for number in Self.numbers {
                for field in ["price", "stock", "cost", "lowStockThreshold", "rating", "originalPrice"] {
                    sku += 1
                    let price = field == "price" ? number : "10"
                    let extra = field == "price" ? "" : #","\#(field)":\#(number)"#
                    let body = #"{"sku":"FZ-\#(sku)","name":"Fuzz \#(sku)","category":"home","price":\#(price)\#(extra)}"#
                    let status = try await call(client, .post, "/api/stores/demo/products", token: token, body: body).0
                    #expect(status.code < 500, "\(field)=\(number.prefix(20)) gave \(status)")
                    if ["1e300", "-1e300", "1e19", "1e400"].contains(number) { #expect(status.kind == .clientError) }
                }
                for (field, template) in [
                    ("quantity", #"{"items":[{"productId":1,"quantity":N}],"email":"a@b.example"}"#),
                    ("productId", #"{"items":[{"productId":N,"quantity":1}],"email":"a@b.example"}"#),
                ] {
                    let status = try await call(client, .post, "/api/stores/demo/orders", token: token, body: template.replacingOccurrences(of: "N", with: number)).0
                    #expect(status.code < 500, "\(field)=\(number.prefix(20)) gave \(status)")
                }
                for field in ["percentOff", "usageLimit", "amountOff", "minSpend"] {
                    sku += 1
                    let body = #"{"code":"FZ\#(sku)","description":"fuzz","percentOff":10,"\#(field)":\#(number)}"#
                    let status = try await call(client, .post, "/api/stores/demo/discounts", token: token, body: body).0
                    #expect(status.code < 500, "\(field)=\(number.prefix(20)) gave \(status)")
                }
                let purchase = #"{"paymentReference":"fz-\#(sku)","amountPaid":10,"credits":\#(number)}"#
                #expect(try await call(client, .post, "/api/stores/demo/credits/purchases", token: token, body: purchase).0.code < 500)
            }
            let (status, stock) = try await call(client, .post, "/api/stores/demo/products", token: token,
                                                 body: #"{"sku":"BIG","name":"Big","category":"home","price":10,"stock":1e300}"#)
            #expect(status == .unprocessableContent)
            #expect(stock["error"]?["fields"]?["stock"]?.stringValue?.contains("between") == true)
            #expect(try await call(client, .get, "/health").0 == .ok)
        }
    }

    @Test func aSearchTooLongForTheIndexIsRefusedOverRESTAndCutInChat() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            let words = (0..<2_000).map { "w\($0)" }.joined(separator: "%20")
            // Answered 414 and closed, so over a connection of its own.
            let socket = try await RawSocket.connect(port: try #require(client.port))
            try await socket.send("GET /api/stores/demo/products?q=\(words) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await socket.readToClose().text.hasPrefix("HTTP/1.1 414"))
            let tooLong = String(repeating: "a", count: 300)
            let (status, body) = try await call(client, .get, "/api/stores/demo/products?q=\(tooLong)")
            #expect(status == .unprocessableContent)
            #expect(body["error"]?["fields"]?["q"] != nil)
            let seventeen = (0..<17).map { "w\($0)" }.joined(separator: "%20")
            #expect(try await call(client, .get, "/api/stores/demo/products?q=\(seventeen)").0 == .unprocessableContent)
            let long = "show me headphones " + (0..<600).map { "w\($0)" }.joined(separator: " ")
            // Cut to what the index takes, it costs about what a short message costs. Timed against one on
            // the same server (which also takes any warm-up), so a machine busy with every suite at once
            // does not fail it.
            let shortStarted = ContinuousClock.now
            _ = try await call(client, .post, "/api/chat", body: #"{"store":"demo","text":"show me headphones"}"#)
            let short = ContinuousClock.now - shortStarted
            let started = ContinuousClock.now
            let message = String(decoding: try JSONEncoder().encode(["store": "demo", "text": long]), as: UTF8.self)
            let (chatStatus, reply) = try await call(client, .post, "/api/chat", body: message)
            #expect(chatStatus == .ok)
            #expect(ContinuousClock.now - started < max(.seconds(3), short * 6))
            #expect(reply["text"] != nil)
            #expect(try await call(client, .get, "/api/stores/demo/products?q=sony%20headphones").0 == .ok)
        }
    }

    @Test func anImageURLMustBeAbsoluteHTTPWithAHost() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken()
        try await withLiveServer(testConfiguration(database)) { client in
            for (index, url) in ["//evil.example/x.png", "/\\\\evil.example/x.png", "javascript:alert(1)", "https:///x.png", "/img/x.png"].enumerated() {
                let body = #"{"sku":"IMG-\#(index)","name":"Img","category":"home","price":5,"imageUrl":"\#(url)"}"#
                let status = try await call(client, .post, "/api/stores/demo/products", token: token, body: body).0
                #expect(status == .unprocessableContent, "\(url)")
            }
            let good = #"{"sku":"IMG-OK","name":"Img","category":"home","price":5,"imageUrl":"https://cdn.example/x.png"}"#
            let created = try await call(client, .post, "/api/stores/demo/products", token: token, body: good).0
            #expect(created == .created)
        }
    }
}
