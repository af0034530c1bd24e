import Foundation
import StewardCore

/// What one finished reconcile does to the pending follow-ups: which get a reply now, which
/// wait (for a pass that started after their edit, or for AWS to finish), which are done.
/// Pure, so the one-replica tracker and the shared ledger settle the same way.
struct FollowUpSettlement {
    var posts: [(followUp: PendingFollowUp, message: SlackMessage)] = []
    /// Still pending afterwards (changed ones also in `rewritten`).
    var waiting: [PendingFollowUp] = []
    /// Answered for good, or past Slack's 30 minutes for a `response_url`.
    var removed: [PendingFollowUp] = []
    /// Pending, with "in progress" said or more applied.
    var rewritten: [PendingFollowUp] = []

    /// - Parameter settles: whether this pass can answer the follow-up (it started after the edit).
    init(pending: [PendingFollowUp], outcome: ReconcileOutcome, now: Date, lifetime: TimeInterval, settles: (PendingFollowUp) -> Bool) {
        for var followUp in pending {
            guard now.timeIntervalSince(followUp.editedAt) <= lifetime else {
                removed.append(followUp)
                continue
            }
            guard settles(followUp) else {
                waiting.append(followUp)
                continue
            }
            let result = outcome.environments[followUp.environment] ?? EnvironmentOutcome()
            let inProgress = outcome.failure == nil && result.inProgress
            // Still in progress: said once; the final reply comes from the pass that finishes.
            if !(inProgress && followUp.progressPosted) {
                posts.append((followUp, .followUp(for: followUp.command, environment: followUp.environment, outcome: outcome,
                                                  appliedBefore: followUp.appliedSoFar)))
            }
            if inProgress {
                let before = followUp
                followUp.progressPosted = true
                followUp.appliedSoFar += result.applied
                waiting.append(followUp)
                if followUp != before { rewritten.append(followUp) }
            } else {
                removed.append(followUp)
            }
        }
    }
}
