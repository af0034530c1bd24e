import Foundation

/// Pending follow-ups kept where every replica sees them (`ha`): Slack hands each command to
/// one replica's connection, but only the leader reconciles, so the replica that took the
/// command records it here and the leader answers it after its pass.
public protocol SharedFollowUpLedger: Sendable {
    /// Written by any replica, leader or not.
    func record(_ followUp: PendingFollowUp) async throws
    /// Every follow-up waiting, as the ledger holds it now.
    func pending() async throws -> [PendingFollowUp]
    /// Removes `removing` and rewrites `rewriting`, on condition that this replica still leads
    /// at its epoch. Returns the ids committed: a follow-up is posted only once its entry is,
    /// so a replica that lost the lease unawares posts nothing and no reply goes out twice.
    func settle(removing: [PendingFollowUp], rewriting: [PendingFollowUp]) async throws -> Set<String>
}
