extension ReconcileReport {
    /// Held-back actions: what the guards refused to send.
    public var heldResults: [ActionResult] { results.filter { $0.outcome == .refused } }

    /// One summary per environment the pass concerned (readable or not), in name order.
    public var environmentSummaries: [EnvironmentSummary] {
        let names = Set(environments).union(unreadable.keys).sorted()
        let everywhere = observationProblems.filter { $0.environment == nil }.map(\.message)
        let last = lastTierPlans
        return names.map { environment in
            var summary = EnvironmentSummary(environment: environment, isApplied: !isDryRun)
            if let diagnostics = unreadable[environment] {
                summary.unreadable = diagnostics.first?.description ?? "the store could not be read"
            }
            summary.unobserved = everywhere + observationProblems.filter { $0.environment == environment }.map(\.message)
            let own = results.filter { $0.environment == environment }
            summary.failed = own.filter { $0.outcome == .failed }.count
            summary.changes = isDryRun ? plannedChanges(in: environment) : own.filter { $0.outcome == .applied }.count
            if !isDryRun {
                summary.inProgress = own.filter { $0.outcome == .deferred }.count + (last[environment]?.waits.count ?? 0)
                    + bastionPlans.filter { $0.environment == environment }.reduce(0) { $0 + $1.waits.count }
            }
            for held in own where held.outcome == .refused {
                guard let guardName = held.refusedBy, guardName != .unreadableDesiredState else { continue }
                summary.refused[guardName, default: 0] += 1
            }
            summary.refusals = refusals.filter { $0.environment == environment && $0.guardName != .unreadableDesiredState }
            return summary
        }
    }

    /// Every environment was read, AWS was read, and nothing a guard refused.
    public var isComplete: Bool { failure == nil && environmentSummaries.allSatisfy { $0.unreadable == nil && $0.unobserved.isEmpty } }

    /// Planned changes of one environment, every part counted (each tier phase's steps).
    func plannedChanges(in environment: EnvironmentName) -> Int {
        let whitelist = plans.filter { $0.environment == environment }.reduce(0) { $0 + $1.authorizeCount + $1.revokeCount + $1.updateCount }
        let prefixLists = prefixListPlans.filter { $0.environment == environment }
            .reduce(0) { $0 + $1.entryAddCount + $1.entryRemoveCount + $1.authorizeCount + $1.revokeCount + $1.lists.filter { $0.maxEntries != nil }.count }
        let tiers = tierPlans.filter { $0.environment == environment }.reduce(0) { $0 + $1.steps.count }
        let bastions = bastionPlans.filter { $0.environment == environment }
            .reduce(0) { $0 + ($1.launch == nil ? 0 : 1) + $1.terminate.count + $1.tagUpdates.count }
        return whitelist + prefixLists + tiers + bastions
    }
}
