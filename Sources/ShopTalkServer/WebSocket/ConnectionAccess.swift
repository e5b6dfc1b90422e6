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
        /// Who signed in: an owner, or a staff member (the handoff queue only; its own messages are a customer's).
        let member: HandoffService.Member
        var isStaff: Bool { member.role != "owner" }
    }

    private let owner = Mutex<Owner?>(nil)
    private let lastTyping = Mutex<ContinuousClock.Instant?>(nil)

    /// The signed-in owner or staff member.
    var member: HandoffService.Member? { owner.withLock { $0?.member } }

    /// Whether a typing frame may be relayed now: at most one a second per connection.
    func mayRelayTyping() -> Bool {
        let now = ContinuousClock.now
        return lastTyping.withLock { last in
            if let last, now - last < .seconds(1) { return false }
            last = now
            return true
        }
    }

    var role: ChatContext.Role { owner.withLock { $0 == nil || $0?.isStaff == true ? .customer : .owner } }
    var isOwner: Bool { role == .owner }
    /// Signed in with an owner or a staff token.
    var isSignedIn: Bool { owner.withLock { $0 != nil } }
    var token: String? { owner.withLock { $0?.token } }

    func signIn(token: String, subscription: UUID, member: HandoffService.Member) {
        owner.withLock { $0 = Owner(token: token, subscription: subscription, member: member) }
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
