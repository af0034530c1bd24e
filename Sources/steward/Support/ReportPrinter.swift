import Foundation
import StewardController
import StewardCore

/// How plan and apply show a reconcile report: the plan on stdout, problems on stderr.
enum ReportPrinter {
    static func problems(_ report: ReconcileReport) {
        for diagnostic in report.desiredStateErrors { StandardError.write(diagnostic.description) }
        for problem in report.observationProblems { StandardError.write("warning: \(problem)") }
        for refusal in report.refusals { StandardError.write("refused: \(refusal)") }
        for warning in report.tierWarnings { StandardError.write("warning: \(warning)") }
        if let failure = report.failure { StandardError.write("error: \(failure)") }
    }

    /// The plan as text: rules-mode environments, then prefix-list-mode ones, tiers, bastions.
    static func planText(_ report: ReconcileReport) -> String {
        var text = ""
        if !report.plans.isEmpty || report.prefixListPlans.isEmpty { text += WhitelistPlanTextRenderer.render(report.plans) }
        if !report.prefixListPlans.isEmpty { text += PrefixListPlanTextRenderer.render(report.prefixListPlans) }
        if !report.tierPlans.isEmpty { text += TierPlanTextRenderer.render(report.tierPlans) }
        if report.bastionPlans.contains(where: { !BastionPlanTextRenderer.lines($0).isEmpty }) {
            text += BastionPlanTextRenderer.render(report.bastionPlans)
        }
        return text
    }

    static func results(_ report: ReconcileReport) -> String {
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
        return lines.joined(separator: "\n")
    }
}
