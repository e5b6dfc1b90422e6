import Foundation
import Logging
import ServiceLifecycle
import ShopTalkCore

/// Pays each store's weekly points bonus once its day and hour have come, checking every `interval`
/// until graceful shutdown. A week is paid once whatever the number of runs, restarts or instances: each
/// bonus line's reference names the week and the customer, and is unique in the ledger. Time comes
/// from the injected clock; tests call `runOnce(now:)` with the time they want.
struct LoyaltyBonusService: Service {
    let loyalty: any LoyaltyStore
    let storeIDs: @Sendable () async throws -> [Int64]
    let clock: ShopClock
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // The first round waits one interval: a starting server has better things to do than bring
            // every store's ledger up to date, and the bonus is not due to the second.
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                await runOnce(now: clock.now())
            }
        }
    }

    /// Pays every store's bonus that is due at `now` and not paid yet; returns how many customers were paid.
    @discardableResult
    func runOnce(now: Date) async -> Int {
        var paid = 0
        do {
            for storeID in try await storeIDs() {
                do {
                    let count = try await loyalty.payWeeklyBonus(storeID: storeID, now: now)
                    if count > 0 { logger.info("Paid the weekly points bonus", metadata: ["store.id": "\(storeID)", "loyalty.customers": "\(count)"]) }
                    paid += count
                } catch {
                    logger.error("Could not pay the weekly points bonus", metadata: ["store.id": "\(storeID)", "error": "\(error)"])
                }
            }
        } catch {
            logger.error("Could not list the stores for the points bonus", metadata: ["error": "\(error)"])
        }
        return paid
    }
}
