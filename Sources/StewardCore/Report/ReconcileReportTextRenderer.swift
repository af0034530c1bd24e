/// The whole pass as people read it in a terminal: every part's plan (held actions shown as
/// refused), then one line per environment saying what is true of it. `steward plan` prints
/// `plan`; `steward apply` prints `plan`, then `applied`.
public enum ReconcileReportTextRenderer {
    public static func plan(_ report: ReconcileReport) -> String {
        let inSync = report.environmentSummaries.allSatisfy(\.isInSync)
        let held = Dictionary(grouping: report.heldResults, by: \.environment)
        var lines: [String] = []
        if !report.plans.isEmpty || report.prefixListPlans.isEmpty {
            for plan in report.plans.sorted(by: { $0.environment < $1.environment }) {
                lines += WhitelistPlanTextRenderer.lines(plan, held: (held[plan.environment] ?? []).filter { $0.kind.area == .whitelist })
            }
            lines.append(WhitelistPlanTextRenderer.summary(report.plans, inSync: inSync))
        }
        if !report.prefixListPlans.isEmpty {
            for plan in report.prefixListPlans.sorted(by: { $0.environment < $1.environment }) {
                lines += PrefixListPlanTextRenderer.lines(plan) + (held[plan.environment] ?? []).filter { $0.kind.area == .whitelist }.map(HeldActionLine.text)
            }
            lines.append(PrefixListPlanTextRenderer.summary(report.prefixListPlans))
        }
        var text = lines.joined(separator: "\n") + "\n"
        if !report.tierPlans.isEmpty { text += TierPlanTextRenderer.render(report.tierPlans) }
        if report.bastionPlans.contains(where: { !BastionPlanTextRenderer.lines($0).isEmpty }) {
            text += BastionPlanTextRenderer.render(report.bastionPlans)
        }
        return text + overrides(report) + summaries(report)
    }

    /// What was set outside git review, so a reviewer reading the YAML beside the plan is not misled.
    public static func overrides(_ report: ReconcileReport) -> String {
        guard !report.overrides.isEmpty else { return "" }
        let lines = report.overrides.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        return (["Overrides (set outside git review):"] + lines).joined(separator: "\n") + "\n"
    }

    /// What an apply did, line by line, and what is now true of each environment.
    public static func applied(_ report: ReconcileReport) -> String {
        var lines: [String] = []
        let executed = report.results.filter { $0.outcome != .refused }
        for result in executed.sorted(by: { ($0.environment, $0.resource.description, $0.target.description) < ($1.environment, $1.resource.description, $1.target.description) }) {
            var line = "\(result.environment) \(result.resource) \(result.kind.rawValue) \(result.target): \(result.outcome.rawValue)"
            if let message = result.message { line += " — \(message)" }
            lines.append(line)
        }
        func count(_ kind: ActionResult.Kind) -> Int {
            executed.filter { $0.kind == kind && $0.outcome != .failed }.count
        }
        let failed = executed.filter { $0.outcome == .failed }.count
        let tierActions = executed.filter { $0.kind.area != .whitelist && ($0.outcome == .applied || $0.outcome == .converged) }.count
        let deferred = executed.filter { $0.outcome == .deferred }.count
        let tierPart = tierActions + deferred == 0 ? "" : "\(tierActions) tier action(s), \(deferred) deferred, "
        lines.append("Apply complete: \(count(.authorize)) authorized, \(count(.updateDescription)) updated, "
            + "\(count(.revoke)) revoked, \(tierPart)\(failed) failed.")
        let waits = Set(report.lastTierPlans.values.flatMap { plan in plan.waits.map { "\(plan.environment): \($0.resource) \($0.message)" } })
        for wait in waits.sorted() { lines.append("waiting: \(wait) (steward run, or apply again, continues)") }
        return lines.joined(separator: "\n") + "\n" + summaries(report)
    }

    /// `Summary:` and one line per environment (nothing when the pass concerned none).
    public static func summaries(_ report: ReconcileReport) -> String {
        let summaries = report.environmentSummaries
        guard !summaries.isEmpty else { return "" }
        return (["Summary:"] + summaries.map { "  " + $0.line }).joined(separator: "\n") + "\n"
    }

    /// `refused: dev (revoke budget): plan revokes 52 rules in dev, …; check the plan, then apply with --force …`
    public static func refusalLine(_ refusal: Refusal) -> String {
        "refused: \(refusal.environment) (\(refusal.guardName.title)): \(refusal.message)"
    }
}
