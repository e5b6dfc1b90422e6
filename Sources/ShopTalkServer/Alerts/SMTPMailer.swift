import Foundation
import NIOCore
import NIOPosix
import ShopTalkCore

/// Sends plain-text mail through an SMTP relay (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA with dot
/// stuffing, QUIT. No TLS or login: it is meant for a relay on the same host or network (a local
/// Postfix, or Python's aiosmtpd in tests). Every reply is checked and a refusal is an error that says
/// which step failed.
struct SMTPMailer: Sendable {
    let host: String
    let port: Int
    let from: String
    var timeout: TimeAmount = .seconds(15)

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    func send(to recipient: String, subject: String, body: String) async throws {
        for address in [from, recipient] where address.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) {
            throw Refused(description: "bad address \(address.prefix(60))")
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let message = Self.message(from: from, to: recipient, subject: subject, body: body, date: Date())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var replies = ReplyReader(inbound.makeAsyncIterator())
                    try await replies.expect(220, "greeting")
                    for (command, code, step) in [("EHLO shoptalk.local", 250, "EHLO"), ("MAIL FROM:<\(from)>", 250, "MAIL FROM"),
                                                  ("RCPT TO:<\(recipient)>", 250, "RCPT TO"), ("DATA", 354, "DATA")] {
                        try await outbound.write(ByteBuffer(string: command + "\r\n"))
                        try await replies.expect(code, step)
                    }
                    try await outbound.write(ByteBuffer(string: message + "\r\n.\r\n"))
                    try await replies.expect(250, "message")
                    try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(Double(timeout.nanoseconds) / 1e9))
                throw Refused(description: "no answer from \(host):\(port) in time")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// The message with headers, CRLF line ends and dot stuffing (a line starting with "." gets
    /// another), so no text can end the DATA early.
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let cleanSubject = subject.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let headers = ["From: ShopTalk <\(from)>", "To: <\(to)>", "Subject: \(cleanSubject)", "Date: \(formatter.string(from: date))",
                       "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return (headers + [""] + lines).joined(separator: "\r\n")
    }

    /// Reads SMTP replies line by line; a reply ends at a line whose code is followed by a space.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
            self.iterator = iterator
        }

        mutating func line() async throws -> String {
            while true {
                if let end = pending.range(of: "\r\n") ?? pending.range(of: "\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    return line
                }
                guard pending.count < 64 * 1024, var buffer = try await iterator.next() else { throw Refused(description: "the server closed the connection") }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }

        mutating func expect(_ code: Int, _ step: String) async throws {
            while true {
                let line = try await line()
                guard line.count >= 3, let got = Int(line.prefix(3)) else { throw Refused(description: "\(step): unreadable reply \(line.prefix(80))") }
                if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                guard got == code else { throw Refused(description: "\(step) refused: \(line.prefix(200))") }
                return
            }
        }
    }
}
