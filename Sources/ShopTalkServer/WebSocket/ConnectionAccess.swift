import Foundation
import ShopTalkCore
import Synchronization

/// Who one chat connection is speaking as. It starts as a customer; an `auth` frame with a valid owner
/// token makes it the owner of its store until the token is revoked (or the connection ends). Shared by
/// the connection's processor, which reads the role per message, and its token watcher.
final class ConnectionAccess: Sendable {
    private struct Owner {
        let token: String
        let subscription: UUID
    }

    private let owner = Mutex<Owner?>(nil)

    var role: ChatContext.Role { owner.withLock { $0 == nil ? .customer : .owner } }
    var isOwner: Bool { role == .owner }
    var token: String? { owner.withLock { $0?.token } }

    func signIn(token: String, subscription: UUID) {
        owner.withLock { $0 = Owner(token: token, subscription: subscription) }
    }

    /// Back to a customer; returns the alert subscription to end, if the connection was an owner's.
    @discardableResult
    func signOut() -> UUID? {
        owner.withLock { owner in
            defer { owner = nil }
            return owner?.subscription
        }
    }
}
