import Foundation
import Logging
import StewardCore

/// Remembers each accepted edit's `response_url` and, when the first reconcile that started
/// after the edit finishes, tells the person what happened — applied, already there, or what
/// failed. When AWS is still busy (a database stopping), that reply says "in progress" and a
/// last one follows from the pass that finishes: two posts at most, within Slack's five. Slack
/// honours a `response_url` for 30 minutes, so older ones are dropped.
///
/// With a shared ledger (`ha`) the follow-ups live there instead of in memory: any replica
/// records the command it took, and the leader, after its pass, settles them in the ledger on
/// condition of its epoch before posting, so each reply goes out once whichever replica took
/// the command and whichever leads.
public actor FollowUpTracker {
    public typealias Poster = @Sendable (_ responseURL: String, _ message: SlackMessage) async throws -> Void

    public static let responseURLLifetime: TimeInterval = 30 * 60
    /// Pending follow-ups at most; a flood of commands can't grow memory without bound.
    static let capacity = 10_000

    /// This replica, as the shared ledger names who took a command.
    public let replica: String
    private let shared: (any SharedFollowUpLedger)?
    private var pending: [PendingFollowUp] = []
    /// When this replica first saw another replica's follow-up in the ledger (its own clock):
    /// a pass that started after that moment read the edit, which was written before the entry.
    private var firstSeen: [String: Date] = [:]
    private let post: Poster
    private let logger: Logger

    public init(replica: String = "local", shared: (any SharedFollowUpLedger)? = nil, logger: Logger = Logger(label: "steward.slack"),
                post: @escaping Poster) {
        self.replica = replica
        self.shared = shared
        self.post = post
        self.logger = logger
    }

    /// - Parameter id: the envelope (or trigger) id; a fresh one when Slack gave none.
    public func register(id: String? = nil, environment: EnvironmentName, responseURL: String, command: String, editedAt: Date) async {
        let followUp = PendingFollowUp(id: id ?? UUID().uuidString.lowercased(), environment: environment, responseURL: responseURL,
                                       command: command, editedAt: editedAt, replica: replica)
        if let shared {
            do {
                try await shared.record(followUp)
            } catch {
                logger.warning("could not record a follow-up in the shared store: the edit stands, its reply will not come",
                               metadata: ["environment": "\(environment)", "error": "\(error)"])
            }
            return
        }
        if pending.count >= Self.capacity { pending.removeFirst() }
        pending.append(followUp)
    }

    /// Follow-ups this replica holds in memory (none with a shared ledger).
    public var count: Int { pending.count }

    /// Called by the leader just before a pass: another replica's follow-up seen now had its
    /// edit written before it, so the pass about to start reads that edit and can answer it
    /// (otherwise it is first seen after the pass, and answered by the next one). Costs one
    /// read of the ledger per pass; a failed read only delays the answer.
    public func passStarting(now: Date = Date()) async {
        guard let shared, let entries = try? await shared.pending() else { return }
        noteFirstSight(of: entries, at: now)
    }

    /// Answers every follow-up this reconcile settles. Posting happens after the bookkeeping,
    /// so a slow Slack can't delay the next report. Returns true when a follow-up waits for a
    /// pass that has not started yet although its edit is written (another replica took it):
    /// the caller then wakes the loop rather than leave it to the interval.
    @discardableResult
    public func reconciled(_ outcome: ReconcileOutcome, now: Date = Date()) async -> Bool {
        guard let shared else {
            let settlement = FollowUpSettlement(pending: pending, outcome: outcome, now: now, lifetime: Self.responseURLLifetime) {
                $0.editedAt <= outcome.startedAt
            }
            pending = settlement.waiting
            await send(settlement.posts)
            return false
        }
        let entries: [PendingFollowUp]
        do {
            entries = try await shared.pending()
        } catch {
            logger.warning("could not read the pending follow-ups; they are answered after a later pass", metadata: ["error": "\(error)"])
            return false
        }
        noteFirstSight(of: entries, at: now)
        let present = Set(entries.map(\.id))
        firstSeen = firstSeen.filter { present.contains($0.key) }
        let settlement = FollowUpSettlement(pending: entries, outcome: outcome, now: now, lifetime: Self.responseURLLifetime) { entry in
            self.settledSince(entry) <= outcome.startedAt
        }
        var committed: Set<String> = []
        if !settlement.removed.isEmpty || !settlement.rewritten.isEmpty {
            do {
                committed = try await shared.settle(removing: settlement.removed, rewriting: settlement.rewritten)
            } catch {
                logger.warning("could not settle follow-ups in the shared store; tried again after the next pass", metadata: ["error": "\(error)"])
            }
        }
        // Posted only once settled: a reply whose entry did not commit could be posted again by
        // the next leader, so it waits for that one instead.
        await send(settlement.posts.filter { committed.contains($0.followUp.id) })
        return settlement.waiting.contains { settledSince($0) > outcome.startedAt }
    }

    /// Another replica's entry counts from when this replica first saw it (its edit was written before it).
    private func noteFirstSight(of entries: [PendingFollowUp], at now: Date) {
        for entry in entries where entry.replica != replica && firstSeen[entry.id] == nil { firstSeen[entry.id] = now }
    }

    /// The moment after which a pass reads this follow-up's edit, on this replica's clock.
    private func settledSince(_ entry: PendingFollowUp) -> Date {
        entry.replica == replica ? entry.editedAt : firstSeen[entry.id] ?? .distantFuture
    }

    private func send(_ posts: [(followUp: PendingFollowUp, message: SlackMessage)]) async {
        for (followUp, message) in posts {
            do {
                try await post(followUp.responseURL, message)
            } catch {
                logger.warning("could not post a follow-up", metadata: ["environment": "\(followUp.environment)", "error": "\(error)"])
            }
        }
    }
}
