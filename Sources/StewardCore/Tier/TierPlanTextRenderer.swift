/// Renders tier plans like the whitelist plan: `~` change in place, `+` create or restore,
/// `-` delete; phases in the order they run (each starts once AWS has finished the one before).
public enum TierPlanTextRenderer {
    /// - Parameter plans: per environment, its phases in order (as `TierPlanner.phases` or the
    ///   reconciler's rounds give them).
    public static func render(_ plans: [TierPlan]) -> String {
        var lines: [String] = []
        let byEnvironment = Dictionary(grouping: plans, by: \.environment)
        for environment in byEnvironment.keys.sorted() {
            let phases = byEnvironment[environment] ?? []
            lines.append("environment \(environment): tier \(phases.last?.tier.rawValue ?? "?")")
            let acting = phases.filter(\.hasChanges)
            if acting.isEmpty, phases.allSatisfy({ $0.waits.isEmpty }) { lines.append("  tier: up to date") }
            for (index, phase) in acting.enumerated() {
                if acting.count > 1 { lines.append("  phase \(index + 1)") }
                let indent = acting.count > 1 ? "    " : "  "
                for step in phase.steps {
                    lines.append("\(indent)\(symbol(step.action)) \(step.action.resource.name)  \(step.action.summary)  (\(step.reason))")
                }
            }
            // Waits of earlier phases are what the later phases resolve; only the last one's stand.
            let shown = phases.dropLast().flatMap { $0.notes.filter { $0.kind != .wait } } + (phases.last?.notes ?? [])
            var notes = Set<TierNote>()
            for note in shown.sorted() where notes.insert(note).inserted {
                lines.append("  \(note.kind.rawValue): \(note.resource) \(note.message)")
            }
            for item in Set(phases.flatMap(\.drift)).sorted() {
                lines.append("  drift: \(item.resource) \(item.message)")
            }
            for refusal in Set(phases.flatMap(\.refusals)).sorted() { lines.append("  refused: \(refusal)") }
        }
        let steps = plans.reduce(0) { $0 + $1.steps.count }
        let deletes = plans.reduce(0) { $0 + $1.steps.filter { $0.action.isDestructive }.count }
        lines.append(steps == 0 ? "No tier changes." : "Tier plan: \(steps) action(s), \(deletes) deletion(s).")
        return lines.joined(separator: "\n") + "\n"
    }

    static func symbol(_ action: TierAction) -> String {
        switch action {
        case .deleteDatabase: "-"
        case .restoreDatabase, .createClusterMember, .snapshotDatabase: "+"
        default: "~"
        }
    }
}
