import NIOCore

/// Work that stops when the client it is for has gone: a search whose client hung up is not worth
/// finishing. GRDB interrupts a running statement when its task is cancelled, so the SQLite work ends
/// too, not only the wait for it.
enum ClientPresence {
    /// How often the connection is looked at while the work runs.
    static let pollInterval: Duration = .milliseconds(50)

    /// Runs `work`, cancelling it as soon as `channel` is no longer active; throws `CancellationError` then.
    static func whileConnected<T: Sendable>(
        _ channel: any Channel, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                while channel.isActive { try await Task.sleep(for: pollInterval) }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw CancellationError() }
            return value
        }
    }
}
