import Foundation

/// Which web pages may open chat connections: the Origin allowlist checked on every upgrade, against
/// cross-site WebSocket hijacking. A request without an Origin header, or with a ws(s):// one (scripts,
/// the terminal client), is allowed; a browser always sends its page's http(s) origin.
public struct OriginPolicy: Sendable {
    /// Allowed origins as `scheme://host[:port]`, lower-cased; "*" allows every origin.
    public var allowed: Set<String>
    /// The host names the server itself is reached by (lower-cased, without port). A page of the server's
    /// own origin may connect only under one of these: comparing Origin with the Host header alone lets a
    /// DNS-rebinding page (Origin and Host both `evil.example`) through.
    public var serverNames: Set<String>

    public init(allowed: [String] = [], serverNames: [String] = ["localhost", "127.0.0.1", "[::1]"]) {
        self.allowed = Set(allowed.map { Self.normalise($0) })
        self.serverNames = Set(serverNames.map { $0.lowercased() })
    }

    /// Nil when `origin` may connect to a server reached as `host`, else the reason it may not.
    func refusal(origin: String?, host: String?) -> ChatError? {
        guard let origin else { return nil }
        if allowed.contains("*") { return nil }
        let normalised = Self.normalise(origin)
        if allowed.contains(normalised) { return nil }
        // Browsers send http(s) origins (or "null"); ws:// and wss:// come only from non-browser clients
        // (HummingbirdWSClient sends one), which could send any Origin anyway. Hijacking needs a browser.
        if normalised.hasPrefix("ws://") || normalised.hasPrefix("wss://") { return nil }
        // The same origin as the server itself: the widget served from Public/.
        if let host, let url = URL(string: normalised), let originHost = url.host, serverNames.contains(originHost) || serverNames.contains("[\(originHost)]") {
            let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
            let hostAuthority = host.lowercased()
            if originAuthority == hostAuthority || (url.port == nil && hostAuthority == originHost + (url.scheme == "https" ? ":443" : ":80")) {
                return nil
            }
        }
        return ChatError(.forbidden, "Pages from \(origin.prefix(100)) may not open chat connections to this server; its owner can allow them with --allowed-origins or name the server with --server-name.")
    }

    static func normalise(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
