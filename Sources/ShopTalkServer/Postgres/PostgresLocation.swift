import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, read from a `postgres://user:password@host:port/database` URL, the
/// form `--db` and `SHOPTALK_DB` take. `?sslmode=require` asks for TLS; without it the connection is plain,
/// as on loopback or a private network.
public struct PostgresLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var requireTLS: Bool

    /// Whether `value` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    /// Reads a URL, or explains what is wrong with it.
    public init(url value: String) throws {
        guard Self.isPostgres(value), let components = URLComponents(string: value) else {
            throw PostgresLocationError("not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresLocationError("it names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresLocationError("it names no user (postgres://USER@host/db)") }
        let name = String(components.path.drop(while: { $0 == "/" }))
        guard !name.isEmpty, !name.contains("/") else { throw PostgresLocationError("it names no database (postgres://user@host/DATABASE)") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw PostgresLocationError("port \(port) is out of range") }
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard ["disable", "require"].contains(mode) else { throw PostgresLocationError("sslmode must be disable or require, not \(mode)") }
        self.host = host
        self.port = port
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = name.removingPercentEncoding ?? name
        self.requireTLS = mode == "require"
    }

    /// The same server with another database (tests make one each).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The client configuration for this location, with at most `maxConnections` open at once.
    func clientConfiguration(maxConnections: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requireTLS ? .require(.makeClientConfiguration()) : .disable
        )
        configuration.options.maximumConnections = max(1, maxConnections)
        configuration.options.minimumConnections = 0
        return configuration
    }

    /// The URL without its password, for logs and `/health`.
    public var redacted: String {
        "postgres://\(username)@\(host):\(port)/\(database)"
    }
}

/// A `--db` value that is not a usable PostgreSQL URL.
public struct PostgresLocationError: Error, CustomStringConvertible {
    public let description: String
    init(_ reason: String) { description = "The database URL is not usable: \(reason)." }
}
