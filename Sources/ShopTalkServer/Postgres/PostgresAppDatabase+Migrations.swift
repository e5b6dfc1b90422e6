import Foundation

/// One named step of the PostgreSQL schema. Once a migration has landed it is never edited: a change is a
/// new migration after it.
struct PostgresMigration: Sendable {
    let name: String
    let statements: [String]
}

extension PostgresAppDatabase {
    /// The schema, oldest first. The names follow the SQLite migrations' where the tables are the same.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(name: "v1-stores", statements: [
            """
            CREATE TABLE stores (
                id bigserial PRIMARY KEY,
                slug text NOT NULL UNIQUE,
                name text NOT NULL,
                currency text NOT NULL DEFAULT 'USD',
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
        PostgresMigration(name: "v4-credits", statements: [
            """
            CREATE TABLE credit_ledger (
                id bigserial PRIMARY KEY,
                store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                request_id text NOT NULL,
                kind text NOT NULL CHECK (kind IN ('hold', 'charge', 'failed', 'grant', 'purchase', 'expiry')),
                feature text,
                millicredits bigint NOT NULL,
                tokens_in bigint,
                tokens_out bigint,
                provider_cost_micros bigint,
                latency_ms bigint,
                model text,
                success boolean NOT NULL DEFAULT true,
                expires_at timestamptz,
                created_at timestamptz NOT NULL,
                UNIQUE (store_id, request_id)
            )
            """,
            "CREATE INDEX credit_ledger_store_created ON credit_ledger (store_id, created_at)",
            """
            CREATE TABLE credit_alerts (
                id bigserial PRIMARY KEY,
                store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                kind text NOT NULL,
                balance_millicredits bigint NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE credit_purchases (
                id bigserial PRIMARY KEY,
                store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
                reference text NOT NULL,
                amount_paid_cents bigint NOT NULL,
                currency text NOT NULL,
                millicredits bigint NOT NULL,
                bonus_millicredits bigint NOT NULL DEFAULT 0,
                status text NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (store_id, reference)
            )
            """,
        ]),
        PostgresMigration(name: "pg1-events", statements: [
            // The outbox every instance follows (EventOutbox). Writers append under one advisory lock, so
            // sequence numbers become visible in order and a follower never skips one still in flight.
            """
            CREATE TABLE events (
                seq bigserial PRIMARY KEY,
                kind text NOT NULL,
                store_id bigint,
                payload text NOT NULL,
                origin text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX events_created ON events (created_at)",
            // How far each instance has followed the outbox, so that a restarted one catches up from there.
            """
            CREATE TABLE event_cursors (
                instance text PRIMARY KEY,
                seq bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
        PostgresMigration(name: "pg2-rate-limits", statements: [
            // Fixed-window counters shared by every instance (SharedRateLimiter).
            """
            CREATE TABLE rate_windows (
                key text NOT NULL,
                window_start timestamptz NOT NULL,
                hits bigint NOT NULL,
                PRIMARY KEY (key, window_start)
            )
            """,
            "CREATE INDEX rate_windows_start ON rate_windows (window_start)",
        ]),
        catalogMigration,
        PostgresConversationStore.migration,
        PostgresOwnerTokenRows.migration,
        PostgresTickets.migration,
        PostgresLookupAttempts.migration,
        PostgresOrders.migration,
        PostgresAlertRows.migration,
        PostgresPolicies.migration,
        PostgresOrderActions.migration,
        PostgresLoyalty.migration,
        PostgresHandoffs.migration,
        PostgresSalesLines.migration,
        PostgresSessionLocks.migration,
        PostgresStockWatch.migration,
    ]
}
