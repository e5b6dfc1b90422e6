import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Owner tokens on each backend, checked through a second connection to the same database, as another
/// instance behind the load balancer would check them.
@Suite("Owner token storage")
struct OwnerTokenStorageTests {
    static func with(_ backend: StorageBackend, _ body: @escaping @Sendable (_ issuing: OwnerTokens, _ checking: OwnerTokens) async throws -> Void) async throws {
        try await backend.withTwoStores { _, one, two in
            func tokens(_ instance: InstanceDatabase) -> OwnerTokens {
                instance.part(sqlite: { OwnerTokens(database: $0) }, postgres: { OwnerTokens(database: $0) })
            }
            try await body(tokens(one), tokens(two))
        }
    }

    @Test(arguments: StorageBackend.reachable) func aTokenIssuedOnOneInstanceWorksOnAnotherUntilRevokedThere(backend: StorageBackend) async throws {
        try await Self.with(backend) { issuing, checking in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let token = try await issuing.create(storeSlug: "north", name: "till", now: now)
            let store = try #require(try await checking.verify(token, now: now + 60))
            #expect(store.slug == "north" && store.currency == "EUR")
            #expect(try await checking.isActive(token))
            // A guessed secret, a forged id and junk are refused.
            let parts = token.split(separator: "_", maxSplits: 2).map(String.init)
            #expect(try await checking.verify("st_\(parts[1])_\(String(parts[2].reversed()))", now: now) == nil)
            #expect(try await checking.verify("st_\(parts[1])9_\(parts[2])", now: now) == nil)
            for junk in ["", "st__", "st_x_y", "st_99999999999999999999_abc", "bearer \(token)"] {
                #expect(try await checking.verify(junk, now: now) == nil)
            }
            let listed = try #require(try await issuing.list(storeSlug: "north").first)
            #expect(listed.name == "till")
            #expect(listed.lastUsedAt.map { abs($0.timeIntervalSince(now + 60)) < 0.001 } == true)
            #expect(try await issuing.list(storeSlug: "south").isEmpty)
            #expect(try await issuing.list(storeSlug: nil).count == 1)
            // Revoked on the issuing instance: the other refuses it on its very next check.
            #expect(try await issuing.revoke(id: listed.id, now: now + 120))
            #expect(try await checking.isActive(token) == false)
            #expect(try await checking.verify(token, now: now + 121) == nil)
            #expect(try await issuing.revoke(id: listed.id, now: now + 130) == false)
            await #expect(throws: ChatError.self) { try await issuing.create(storeSlug: "nowhere", name: "x", now: now) }
        }
    }
}
