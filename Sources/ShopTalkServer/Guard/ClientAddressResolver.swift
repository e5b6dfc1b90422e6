import Foundation
import HTTPTypes
import NIOCore

/// Which client a request comes from, for the per-address limits: the connection's peer, or, when the
/// peer is a proxy this server was told to trust (`--trusted-proxies`), the address that proxy put in
/// `X-Forwarded-For`. The header is read from the right, past the trusted proxies, to the first address
/// they did not add themselves; a client writing its own header only adds entries to the left of that,
/// so it cannot pass for another address. From an untrusted peer the header is ignored.
struct ClientAddressResolver: Sendable {
    let trusted: Set<String>
    /// Entries read from the header at most; a longer chain is refused in favour of the peer.
    static let maxEntries = 20
    static let header = HTTPField.Name("X-Forwarded-For")

    init(trusted: [String] = []) {
        self.trusted = Set(trusted.compactMap(Self.canonical))
    }

    func address(peer: SocketAddress?, headers: HTTPFields) -> String? {
        guard let peerAddress = peer?.ipAddress else { return nil }
        guard !trusted.isEmpty, trusted.contains(Self.canonical(peerAddress) ?? peerAddress), let name = Self.header else { return peerAddress }
        let entries = headers[values: name].joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false)
        guard !entries.isEmpty, entries.count <= Self.maxEntries else { return peerAddress }
        for entry in entries.reversed() {
            guard let address = Self.canonical(entry.trimmingCharacters(in: .whitespaces)) else { return peerAddress }
            if !trusted.contains(address) { return address }
        }
        return peerAddress
    }

    /// The address in NIO's spelling, or nil when `text` is not an IPv4 or IPv6 address.
    static func canonical<S: StringProtocol>(_ text: S) -> String? {
        guard !text.isEmpty, text.count <= 45 else { return nil }
        return (try? SocketAddress(ipAddress: String(text), port: 0))?.ipAddress
    }
}
