import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import ShopTalkServer
import Testing

/// Behind a load balancer every client arrives from the balancer's address; with `--trusted-proxies` the
/// per-address limits count the client the balancer names in `X-Forwarded-For`, and no one else's header.
@Suite("Client addresses behind a trusted proxy")
struct ForwardedAddressTests {
    static func forwarded(_ values: String...) -> HTTPFields {
        var fields = HTTPFields()
        if let name = ClientAddressResolver.header { for value in values { fields.append(HTTPField(name: name, value: value)) } }
        return fields
    }

    @Test func theHeaderIsReadPastTrustedProxiesAndOnlyFromOne() throws {
        let resolver = ClientAddressResolver(trusted: ["127.0.0.1", "10.0.0.2"])
        let proxy = try SocketAddress(ipAddress: "127.0.0.1", port: 4000)
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("203.0.113.7")) == "203.0.113.7")
        // A client's own header only adds entries to the left of what the proxies wrote.
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("198.51.100.1, 203.0.113.7, 10.0.0.2")) == "203.0.113.7")
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("198.51.100.1", "203.0.113.7")) == "203.0.113.7", "several header lines are one list")
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("2001:db8::1")) == "2001:db8::1")
        // Garbage, an empty header, or a chain too long: the proxy's own address.
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("not-an-ip")) == "127.0.0.1")
        #expect(resolver.address(peer: proxy, headers: Self.forwarded("203.0.113.7, ")) == "127.0.0.1")
        #expect(resolver.address(peer: proxy, headers: HTTPFields()) == "127.0.0.1")
        #expect(resolver.address(peer: proxy, headers: Self.forwarded(Array(repeating: "203.0.113.7", count: 30).joined(separator: ","))) == "127.0.0.1")
        // From a peer that is not a trusted proxy, or with none trusted, the header is ignored.
        let stranger = try SocketAddress(ipAddress: "192.0.2.9", port: 4000)
        #expect(resolver.address(peer: stranger, headers: Self.forwarded("203.0.113.7")) == "192.0.2.9")
        #expect(ClientAddressResolver().address(peer: proxy, headers: Self.forwarded("203.0.113.7")) == "127.0.0.1")
        #expect(ServerConfiguration.isIPAddress("::1") && !ServerConfiguration.isIPAddress("nginx.local"))
    }

    @Test func theRESTLimitCountsEachClientBehindATrustedProxyAndIgnoresTheHeaderOtherwise() async throws {
        let database = try await TestDatabase.demoStore()
        for trusted in [true, false] {
            let configuration = testConfiguration(database) {
                $0.trustedProxies = trusted ? ["127.0.0.1", "::1"] : []
                // A token every 100 s: no refill between the requests, however slow the machine.
                $0.httpRequestsPerSecond = 0.01
                $0.httpRequestBurst = 3
            }
            try await withLiveServer(configuration) { client in
                func get(_ address: String) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: "/api/stores/demo/policies", method: .get, headers: Self.forwarded(address)) { $0.status }
                }
                var statuses: [HTTPResponse.Status] = []
                for _ in 0..<5 { statuses.append(try await get("203.0.113.7")) }
                #expect(statuses.contains(.tooManyRequests), "\(statuses)")
                let other = try await get("198.51.100.20")
                #expect(trusted ? other == .ok : other == .tooManyRequests, "trusted \(trusted): \(other)")
            }
        }
    }
}
