import Foundation
import Logging
import StewardCore

/// Remembers each accepted edit's `response_url` and, when the first reconcile that started
/// after the edit finishes, tells the person what happened — applied, already there, or what
/// failed. When AWS is still busy (a database stopping), that reply says "in progress" and a
/// last one follows from the pass that finishes: two posts at most, within Slack's five. Slack
/// honours a `response_url` for 30 minutes, so older ones are dropped.
public actor FollowUpTracker {
    public typealias Poster = @Sendable (_ responseURL: String, _ message: SlackMessage) async throws -> Void

    static let responseURLLifetime: TimeInterval = 30 * 60
    /// Pending follow-ups at most; a flood of commands can't grow memory without bound.
    static let capacity = 10_000

    private var pending: [PendingFollowUp] = []
    private let post: Poster
    private let logger: Logger

    public init(logger: Logger = Logger(label: "steward.slack"), post: @escaping Poster) {
        self.post = post
        self.logger = logger
    }

    public func register(environment: EnvironmentName, responseURL: String, command: String, editedAt: Date) {
        if pending.count >= Self.capacity { pending.removeFirst() }
        pending.append(PendingFollowUp(environment: environment, responseURL: responseURL, command: command, editedAt: editedAt))
    }

    public var count: Int { pending.count }

    /// Answers every follow-up this reconcile settles. Posting happens after the bookkeeping,
    /// so a slow Slack can't delay the next report.
    public func reconciled(_ outcome: ReconcileOutcome, now: Date = Date()) async {
        pending.removeAll { now.timeIntervalSince($0.editedAt) > Self.responseURLLifetime }
        var posts: [(PendingFollowUp, SlackMessage)] = []
        var waiting: [PendingFollowUp] = []
        for var followUp in pending {
            guard followUp.editedAt <= outcome.startedAt else {
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
                followUp.progressPosted = true
                followUp.appliedSoFar += result.applied
                waiting.append(followUp)
            }
        }
        pending = waiting
        for (followUp, message) in posts {
            do {
                try await post(followUp.responseURL, message)
            } catch {
                logger.warning("could not post a follow-up", metadata: ["environment": "\(followUp.environment)", "error": "\(error)"])
            }
        }
    }
}
