import Foundation
import GRDB
import ShopTalkCore
import Synchronization

/// Where `CatalogSnapshots` reads a store's catalog: SQLite (`AppDatabase`) or PostgreSQL (`PostgresCatalog`).
protocol CatalogSource: Sendable {
    /// The store's catalog version: it changes whenever its products or discounts do.
    func catalogVersion(storeID: Int64) async throws -> Int64
    /// The store's products and discounts, read in one transaction so the version matches what was read.
    func loadSnapshot(storeID: Int64) async throws -> CatalogSnapshot
}

/// Each store's `CatalogSnapshot`, loaded from the database on first use and replaced when the catalog changes.
///
/// A write made through this server drops the store's snapshot at once (`invalidate`). A write made
/// elsewhere (the CLI's import or seed, another instance) counts up the store's catalog version in the
/// database; a snapshot older than `recheckInterval` has its version read again (one primary-key read,
/// by one caller while the others go on with the snapshot they have) and is rebuilt when it moved.
/// Concurrent first uses share one load.
public final class CatalogSnapshots: Sendable {
    let source: any CatalogSource
    let recheckInterval: Duration

    struct Entry {
        var snapshot: CatalogSnapshot
        var checkedAt: ContinuousClock.Instant
        var checking = false
    }

    struct State {
        var entries: [Int64: Entry] = [:]
        var loads: [Int64: (generation: Int, task: Task<CatalogSnapshot, any Error>)] = [:]
        /// Counts invalidations per store: a load started before one is not kept after it.
        var generations: [Int64: Int] = [:]
    }

    private let state = Mutex(State())

    public convenience init(database: AppDatabase, recheckInterval: Duration = .seconds(1)) {
        self.init(source: database, recheckInterval: recheckInterval)
    }

    init(source: any CatalogSource, recheckInterval: Duration = .seconds(1)) {
        self.source = source
        self.recheckInterval = recheckInterval
    }

    /// The store's current snapshot.
    public func snapshot(storeID: Int64) async throws -> CatalogSnapshot {
        let now = ContinuousClock.now
        enum Next { case use(CatalogSnapshot), check(CatalogSnapshot), load(Task<CatalogSnapshot, any Error>) }
        let next: Next = state.withLock { state in
            if var entry = state.entries[storeID] {
                if entry.checking || now - entry.checkedAt < recheckInterval { return .use(entry.snapshot) }
                entry.checking = true
                state.entries[storeID] = entry
                return .check(entry.snapshot)
            }
            return .load(loadTask(storeID: storeID, state: &state))
        }
        switch next {
        case .use(let snapshot):
            return snapshot
        case .check(let snapshot):
            let version = try? await source.catalogVersion(storeID: storeID)
            let current: Bool = state.withLock { state in
                guard state.entries[storeID]?.snapshot === snapshot else { return false }
                state.entries[storeID]?.checking = false
                guard version == snapshot.version else { return false }
                state.entries[storeID]?.checkedAt = ContinuousClock.now
                return true
            }
            if current || version == nil { return snapshot }
            invalidate(storeID: storeID)
            return try await self.snapshot(storeID: storeID)
        case .load(let task):
            return try await task.value
        }
    }

    /// Drops the store's snapshot: the next use loads the catalog as it is now.
    public func invalidate(storeID: Int64) {
        state.withLock { state in
            state.entries[storeID] = nil
            state.loads[storeID] = nil
            state.generations[storeID, default: 0] += 1
        }
    }

    /// The load in flight for the store, or a new one.
    private func loadTask(storeID: Int64, state: inout State) -> Task<CatalogSnapshot, any Error> {
        let generation = state.generations[storeID, default: 0]
        if let load = state.loads[storeID], load.generation == generation { return load.task }
        let task = Task { [source] () throws -> CatalogSnapshot in
            let loaded: Result<CatalogSnapshot, any Error>
            do { loaded = .success(try await source.loadSnapshot(storeID: storeID)) } catch { loaded = .failure(error) }
            self.state.withLock { state in
                guard state.generations[storeID, default: 0] == generation else { return }
                state.loads[storeID] = nil
                // A failed load is not kept: the next use tries again.
                if case .success(let snapshot) = loaded { state.entries[storeID] = Entry(snapshot: snapshot, checkedAt: .now) }
            }
            return try loaded.get()
        }
        state.loads[storeID] = (generation, task)
        return task
    }
}

extension AppDatabase: CatalogSource {
    func loadSnapshot(storeID: Int64) async throws -> CatalogSnapshot {
        let (version, records, discounts) = try await writer.read { db in
            (
                try AppDatabase.catalogVersion(db, storeID: storeID),
                try ProductRecord.fetchAll(db, sql: "SELECT * FROM products WHERE storeId = ? ORDER BY id", arguments: [storeID]),
                try DiscountRecord.all(db, storeID: storeID)
            )
        }
        return CatalogSnapshot(
            version: version, entries: records.map { CatalogSnapshot.Entry(product: $0.product, popularity: $0.popularity) },
            discounts: discounts.compactMap(\.discount), discountCodes: discounts.map(\.code)
        )
    }
}
