import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// A shop's policy sections on each backend, written through one instance and read through another.
@Suite("Policy storage")
struct PolicyStorageTests {
    static func with(_ backend: StorageBackend, _ body: @escaping @Sendable (_ stores: [Int64], _ one: any PolicyStore, _ two: any PolicyStore) async throws -> Void) async throws {
        try await backend.withTwoStores { stores, one, two in
            func policies(_ instance: InstanceDatabase) -> any PolicyStore {
                instance.part(sqlite: { SQLitePolicies(database: $0) }, postgres: { PostgresPolicies(database: $0) })
            }
            try await body(stores, policies(one), policies(two))
        }
    }

    static let noon = Date(timeIntervalSince1970: 1_800_014_400)

    @Test(arguments: StorageBackend.reachable) func aSectionSavedOnOneInstanceIsReadOnAnotherInOrderAndPerStore(backend: StorageBackend) async throws {
        try await Self.with(backend) { stores, one, two in
            let returns = PolicySection(slug: "returns", title: "Returns", body: "30 days.", updatedAt: Self.noon)
            #expect(try await one.savePolicy(returns, storeID: stores[0]))
            #expect(try await one.savePolicy(PolicySection(slug: "shipping", title: "Shipping", body: "EU only.", updatedAt: Self.noon), storeID: stores[0]))
            // Saving again replaces the text and keeps the section's place.
            let longer = PolicySection(slug: "returns", title: "Returns and refunds", body: "60 days, **free**.\n\n- Labels by email", updatedAt: Self.noon.addingTimeInterval(60))
            #expect(try await two.savePolicy(longer, storeID: stores[0]) == false)
            #expect(try await two.savePolicy(longer, storeID: stores[0]) == false)
            let read = try await two.policies(storeID: stores[0])
            #expect(read.map(\.slug) == ["returns", "shipping"])
            #expect(read.first == longer)
            #expect(try await one.policies(storeID: stores[1]).isEmpty)
            #expect(try await one.deletePolicy(slug: "returns", storeID: stores[1]) == false, "another store's section is out of reach")
            #expect(try await one.deletePolicy(slug: "returns", storeID: stores[0]))
            #expect(try await two.policies(storeID: stores[0]).map(\.slug) == ["shipping"])
        }
    }

    @Test(arguments: StorageBackend.reachable) func twoInstancesAddingSectionsAtOnceNeverPassTheLimit(backend: StorageBackend) async throws {
        try await Self.with(backend) { stores, one, two in
            let limit = PolicySection.Limits.sectionsPerStore
            for index in 0..<(limit - 10) {
                try await one.savePolicy(PolicySection(slug: "s\(index)", title: "S\(index)", body: "Text.", updatedAt: Self.noon), storeID: stores[0])
            }
            let saved = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        do {
                            return try await (index % 2 == 0 ? one : two).savePolicy(
                                PolicySection(slug: "new-\(index)", title: "New \(index)", body: "Text.", updatedAt: Self.noon), storeID: stores[0])
                        } catch is TooManyPolicySections {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(saved == 10)
            #expect(try await two.policies(storeID: stores[0]).count == limit)
        }
    }
}
