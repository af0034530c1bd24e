import Foundation
import StewardCore

/// Everything a reconciler remembers from one pass to the next; the rest is read afresh each
/// time. A value, so the rules for each part are tested without AWS.
public struct ReconcilerMemory: Sendable {
    /// The last state each environment read as: when it later can't be read, only what this
    /// knew to have expired may still end.
    public private(set) var lastGood: [EnvironmentName: DesiredState] = [:]
    /// Tier warnings already said, until they go away: a database that can't stop is warned
    /// about once, not every pass.
    public private(set) var warned: Set<TierWarning> = []
    /// Consecutive passes in which each environment's tier was still waiting on AWS.
    public private(set) var waitStreak: [EnvironmentName: Int] = [:]
    public var backoff = RecheckBackoff()

    public init() {}

    /// One warning, as it is remembered.
    public struct TierWarning: Sendable, Hashable {
        public var environment: EnvironmentName
        public var resource: String
        public var message: String
    }

    /// The environments a pass plans, from what the store gave (nil: nothing could be read at
    /// all), narrowed to `selection`; and one refusal per environment that can't be read.
    /// Readable environments become the new last good reads.
    public mutating func targets(from snapshot: DesiredStateSnapshot?, selecting selection: Set<EnvironmentName>?) -> (targets: [ReconcileTarget], refusals: [Refusal]) {
        var targets: [ReconcileTarget] = []
        var refusals: [Refusal] = []
        let unreadable = snapshot.map { Set($0.failures.keys) } ?? Set(lastGood.keys)
        for (environment, state) in snapshot?.environments ?? [:] {
            lastGood[environment] = state
            targets.append(ReconcileTarget(environment: environment, desired: state))
        }
        for environment in unreadable {
            let previous = lastGood[environment]
            refusals.append(Refusal.unreadableDesiredState(environment, hadGoodRead: previous != nil))
            if let previous { targets.append(ReconcileTarget(environment: environment, desired: previous, isUnreadable: true)) }
        }
        if let selection {
            targets = targets.filter { selection.contains($0.environment) }
            refusals = refusals.filter { selection.contains($0.environment) }
        }
        return (targets.sorted { $0.environment < $1.environment }, refusals.sorted())
    }

    /// The warnings of `lastPlans` not said before. Warnings of the environments covered that
    /// went away are forgotten, so they are said again if they come back.
    public mutating func newWarnings(in lastPlans: [EnvironmentName: TierPlan], covering environments: [EnvironmentName]) -> [String] {
        var current: Set<TierWarning> = []
        var fresh: [String] = []
        for plan in lastPlans.values.sorted(by: { $0.environment < $1.environment }) {
            for note in plan.warnings {
                let warning = TierWarning(environment: plan.environment, resource: note.resource, message: note.message)
                current.insert(warning)
                if !warned.contains(warning) { fresh.append("\(plan.environment): \(note.resource) \(note.message)") }
            }
        }
        let covered = Set(environments)
        warned = warned.filter { !covered.contains($0.environment) }.union(current)
        return fresh
    }

    /// When to look again: the soonest recheck of a tier still waiting (backing off per
    /// environment) or of a settling bastion; nil when nothing waits.
    public mutating func recheck(tiersWaiting: Set<EnvironmentName>, bastionWaiting: Bool, covering environments: [EnvironmentName], now: Date) -> Date? {
        var delays: [Double] = bastionWaiting ? [backoff.bastionRecheck] : []
        for environment in environments {
            guard tiersWaiting.contains(environment) else {
                waitStreak[environment] = nil
                continue
            }
            let streak = (waitStreak[environment] ?? 0) + 1
            waitStreak[environment] = streak
            delays.append(backoff.tierDelay(streak: streak))
        }
        return delays.min().map { now.addingTimeInterval($0) }
    }
}
