import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts alert JSON to an owner's webhook, signed so the receiver can tell it came from us:
/// `X-ShopTalk-Signature: sha256=<hex HMAC-SHA256 of the raw body with the owner's secret>`, with
/// `X-ShopTalk-Event` (alert or digest). Anything but a 2xx answer within 10 seconds is a failure.
struct WebhookSender: Sendable {
    var timeout: TimeInterval = 10

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func signature(_ body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    func send(_ body: String, to address: String, secret: String, event: String) async throws {
        guard let url = URL(string: address), url.scheme == "https" || url.scheme == "http" else { throw Failed(description: "not an http(s) URL") }
        let data = Data(body.utf8)
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = data
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(Self.signature(data, secret: secret), forHTTPHeaderField: "X-ShopTalk-Signature")
        request.setValue(event == "digest" ? "digest" : "alert", forHTTPHeaderField: "X-ShopTalk-Event")
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw Failed(description: "the webhook answered \(status)") }
    }
}
