import Foundation
import PostgresNIO
import ShopTalkCore

/// Complaint tickets in PostgreSQL. References count up from TCK-1001 per store through a counter on the
/// store's row, whose row lock makes instances filing at once take turns, so no two tickets share a
/// reference. With an outbox, each ticket is announced as `ticket.created` in its own transaction, for the
/// owners connected to any instance.
public struct PostgresTickets: TicketStore {
    let database: PostgresAppDatabase
    let outbox: EventOutbox?
    public static let createdEvent = "ticket.created"

    public init(database: PostgresAppDatabase, outbox: EventOutbox? = nil) {
        self.database = database
        self.outbox = outbox
    }

    static let migration = PostgresMigration(name: "pg6-tickets", statements: [
        "ALTER TABLE stores ADD COLUMN last_ticket bigint NOT NULL DEFAULT 1000",
        """
        CREATE TABLE tickets (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            session_id text,
            reference text NOT NULL,
            text text NOT NULL,
            order_number text,
            category text NOT NULL,
            status text NOT NULL DEFAULT 'open',
            created_at timestamptz NOT NULL,
            UNIQUE (store_id, reference)
        )
        """,
    ])

    /// What `ticket.created` carries.
    public struct Created: Codable, Sendable, Equatable {
        public let reference: String
        public let category: String
        public let orderNumber: String?
    }

    public func createTicket(storeID: Int64, sessionID: String, text: String, category: String, orderNumber: String?, at: Date) async throws -> Ticket {
        let logger = database.logger
        return try await database.transaction { connection in
            guard let number = try await connection.rows(
                "UPDATE stores SET last_ticket = last_ticket + 1 WHERE id = \(storeID) RETURNING last_ticket", logger: logger
            ).first?.decode(Int64.self) else {
                throw ChatError(.notFound, "There is no such store.")
            }
            let reference = "TCK-\(number)"
            try await connection.rows("""
                INSERT INTO tickets (store_id, session_id, reference, text, order_number, category, status, created_at)
                VALUES (\(storeID), \(sessionID), \(reference), \(text), \(orderNumber), \(category), 'open', \(at))
                """, logger: logger)
            if let outbox {
                let payload = String(decoding: try JSONEncoder().encode(Created(reference: reference, category: category, orderNumber: orderNumber)), as: UTF8.self)
                try await outbox.append(kind: Self.createdEvent, storeID: storeID, payload: payload, on: connection)
            }
            return Ticket(reference: reference, category: category, orderNumber: orderNumber, text: text, status: "open", createdAt: at)
        }
    }
}
