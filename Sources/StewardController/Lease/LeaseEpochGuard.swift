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

    /// What became of a guarded transaction.
    public enum Outcome: Sendable, Equatable {
        case committed
        /// This replica does not lead at its epoch (its fence says so, or the lease check
        /// failed): nothing was written, and trying again will not help.
        case notLeading(epoch: Int)
        /// One of the writes' own conditions failed, or another transaction got in the way:
        /// nothing was written; re-read and try again.
        case conflicted(reasons: [String])
    }

    /// Commits `writes` (at most 99: the check takes the 100th place) if this replica leads at
    /// its epoch; false, with nothing written, when it does not.
    public func commit(_ writes: [DynamoDBTransactItem]) async throws -> Bool {
        try await commitReporting(writes) == .committed
    }

    /// `commit`, saying why nothing was written, for a writer that re-reads and tries again
    /// after a conflict of its own.
    public func commitReporting(_ writes: [DynamoDBTransactItem]) async throws -> Outcome {
        let snapshot = fence.snapshot
        guard fence.isLeading else { return .notLeading(epoch: snapshot.epoch) }
        do {
            try await table.dynamoDB.transactWriteItems([table.heldCheck(holder: fence.identity, epoch: snapshot.epoch)] + writes)
            return .committed
        } catch let error as AWSError where error.code == .transactionCanceled {
            // The reasons name which action failed: the lease check (this replica lost the lease
            // unawares), a write's own condition, or a conflicting transaction (tried again next pass).
            logger.warning("a leader's write was not committed", metadata: ["epoch": "\(snapshot.epoch)", "reasons": "\(error.message)"])
            let reasons = error.cancellationReasons
            if reasons.first == "ConditionalCheckFailed" { return .notLeading(epoch: snapshot.epoch) }
            return .conflicted(reasons: reasons)
        }
    }
}
