import Foundation
import Logging
import StewardAWS

/// Desired-state writes that belong to the leader (follow-up bookkeeping, finding history) go
/// through here: each is committed in one transaction with a check that this replica still
/// holds the lease at the epoch it believes, so a leader that was paused past its lease (and
/// does not know it yet) cannot overwrite what its successor wrote.
public struct LeaseEpochGuard: Sendable {
    public let table: LeaseTable
    public let fence: LeaseFence
    let logger: Logger

    public init(table: LeaseTable, fence: LeaseFence, logger: Logger = Logger(label: "steward.lease")) {
        self.table = table
        self.fence = fence
        self.logger = logger
    }

    /// Commits `writes` (at most 99: the check takes the 100th place) if this replica leads at
    /// its epoch; false, with nothing written, when it does not.
    public func commit(_ writes: [DynamoDBTransactItem]) async throws -> Bool {
        let snapshot = fence.snapshot
        guard fence.isLeading else { return false }
        do {
            try await table.dynamoDB.transactWriteItems([table.heldCheck(holder: fence.identity, epoch: snapshot.epoch)] + writes)
            return true
        } catch let error as AWSError where error.code == .transactionCanceled {
            // The reasons name which action failed: the lease check (this replica lost the lease
            // unawares), a write's own condition, or a conflicting transaction (tried again next pass).
            logger.warning("a leader's write was not committed", metadata: ["epoch": "\(snapshot.epoch)", "reasons": "\(error.message)"])
            return false
        }
    }
}
