import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import ShopTalkCore

/// Everything the server keeps in its database, on one backend: SQLite (one process, the default) or
/// PostgreSQL (`--db postgres://…`, any number of instances). `buildApplication` wires the pipeline to
/// these parts and asks which backend it has only to build the REST admin's desk and catalog writers.
struct ServerStorage: Sendable {
    let backend: String
    let catalog: any CatalogStore
    let orders: any OrderStore
    let discounts: any DiscountStore
    let tickets: any TicketStore
    let policies: any PolicyStore
    let orderActions: any OrderActionStore
    let loyalty: any LoyaltyStore
    let handoffs: any HandoffRows
    /// Every store's id, for the services that visit each (the weekly points bonus).
    let storeIDs: @Sendable () async throws -> [Int64]
    let history: any PurchaseHistory
    let analytics: any OwnerAnalytics
    let conversations: any ConversationStore
    let locks: (any SessionCoordination)?
    let stores: any StoreRows
    let tokens: OwnerTokens
    let alertRows: @Sendable (EventOutbox?) -> any AlertRows
    let lookupAttempts: @Sendable (ShopClock) -> any LookupAttemptStore
    let ledger: @Sendable (CreditLedger.Policy, ShopClock, @escaping @Sendable (Int64, CreditLedger.Alert) -> Void) -> any CreditBook & CreditsReport
    /// Holds younger than this may belong to a live call on another instance.
    let staleHoldAge: TimeInterval
    let customerNames: @Sendable (Int64) async -> [String]
    let isHealthy: @Sendable () async -> Bool
    /// The outbox this instance publishes to and follows (PostgreSQL).
    let outbox: EventOutbox?
    /// Hands an outbox event to the storage's own caches (the catalog's snapshots).
    let apply: @Sendable (OutboxEvent) -> Void
    /// Services that must outlive the others (the PostgreSQL pool), first in the service list.
    let services: [any Service]
    /// The SQLite database, for the REST admin's SQLite writers (`OrderDesk`, `CatalogAdmin`, `DiscountAdmin`).
    let sqlite: AppDatabase?

    /// SQLite: one file, seeded with the demo store on first start.
    static func sqlite(_ database: AppDatabase, configuration: ServerConfiguration, logger: Logger) async throws -> ServerStorage {
        if configuration.seedDemoStore, try await !database.hasStores() {
            try await DemoSeeder(database: database).seed(clock: configuration.clock, logger: logger)
        }
        let catalog = SQLiteCatalog(database: database)
        return ServerStorage(
            backend: "sqlite", catalog: catalog, orders: SQLiteOrders(database: database),
            discounts: SQLiteDiscounts(database: database, snapshots: catalog.snapshots), tickets: SQLiteTickets(database: database),
            policies: SQLitePolicies(database: database),
            orderActions: SQLiteOrderActions(database: database, onRestock: { await catalog.catalogChanged(storeID: $0) }),
            loyalty: SQLiteLoyalty(database: database, onNewCode: { await catalog.catalogChanged(storeID: $0) }),
            handoffs: SQLiteHandoffs(database: database),
            storeIDs: { try await database.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM stores ORDER BY id") } }, history: catalog, analytics: SQLiteAnalytics(database: database), conversations: database, locks: nil, stores: database,
            tokens: OwnerTokens(database: database), alertRows: { _ in SQLiteAlertRows(database: database) },
            lookupAttempts: { SQLiteLookupAttempts(database: database, window: LookupGuard.defaultWindow, clock: $0) },
            ledger: { CreditLedger(database: database, policy: $0, clock: $1, onAlert: $2) },
            // One server owns the file, so a hold still there at start-up belongs to a process that died mid-call.
            staleHoldAge: 0,
            customerNames: { storeID in
                (try? await database.writer.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM customers WHERE storeId = ? AND name <> ''", arguments: [storeID])
                }) ?? []
            },
            isHealthy: { await database.isHealthy() }, outbox: nil, apply: { _ in }, services: [], sqlite: database
        )
    }

    /// PostgreSQL: the pool starts now (migrations and the first seeding need it) and stops last.
    static func postgres(_ location: PostgresLocation, configuration: ServerConfiguration, logger: Logger) async throws -> ServerStorage {
        let database = PostgresAppDatabase(location: location, maxConnections: configuration.databasePoolSize, logger: logger)
        let pool = PostgresPoolService(database: database)
        do {
            try await database.migrate()
        } catch {
            pool.stop()
            throw error
        }
        // Session locks hold their connection for a whole turn, and a turn needs connections of its own (to
        // read the session, to commit): from one pool, N turns at once could hold every connection and wait
        // for one forever. So the locks have a pool of their own, as large, and a turn never waits on it
        // while holding a connection of the other.
        let lockDatabase = PostgresAppDatabase(location: location, maxConnections: configuration.databasePoolSize, logger: logger)
        let lockPool = PostgresPoolService(database: lockDatabase)
        let outbox = EventOutbox(database: database, instanceID: configuration.instanceID)
        let catalog = PostgresCatalog(database: database, outbox: outbox)
        if configuration.seedDemoStore {
            try await PostgresDemoSeeder(database: database, catalog: catalog).seedIfEmpty(clock: configuration.clock, logger: logger)
        }
        return ServerStorage(
            backend: "postgresql", catalog: catalog, orders: PostgresOrders(database: database),
            discounts: PostgresDiscountStore(snapshots: catalog.snapshots), tickets: PostgresTickets(database: database),
            policies: PostgresPolicies(database: database), orderActions: PostgresOrderActions(database: database, catalog: catalog),
            loyalty: PostgresLoyalty(database: database, catalog: catalog), handoffs: PostgresHandoffs(database: database),
            storeIDs: { try await database.rows("SELECT id FROM stores ORDER BY id").map { try $0.decode(Int64.self) } }, history: PostgresPurchaseHistory(database: database, catalog: catalog), analytics: PostgresAnalytics(database: database),
            conversations: PostgresConversationStore(database: database), locks: PostgresSessionLocks(database: lockDatabase),
            stores: database, tokens: OwnerTokens(database: database),
            alertRows: { PostgresAlertRows(database: database, outbox: $0) },
            lookupAttempts: { _ in PostgresLookupAttempts(database: database) },
            ledger: { PostgresCreditLedger(database: database, policy: $0, clock: $1, onAlert: $2) },
            staleHoldAge: 600,
            customerNames: { storeID in
                let rows = try? await database.rows("SELECT name FROM customers WHERE store_id = \(storeID) AND name <> ''")
                return (try? rows?.map { try $0.decode(String.self) }) ?? []
            },
            isHealthy: { (try? await database.rows("SELECT 1").count) == 1 },
            outbox: outbox, apply: { catalog.apply($0) }, services: [pool, lockPool], sqlite: nil
        )
    }
}

/// Runs a PostgreSQL pool from before the application starts until graceful shutdown, after the services
/// listed behind it have stopped (a service group stops its services in reverse order).
final class PostgresPoolService: Service, Sendable {
    private let task: Task<Void, Never>

    init(database: PostgresAppDatabase) {
        task = Task { try? await database.run() }
    }

    func run() async throws {
        try? await gracefulShutdown()
        stop()
    }

    func stop() {
        task.cancel()
    }
}
