import Foundation
import StewardController
import StewardCore

/// How plan and apply show a reconcile report: the plan on stdout, problems on stderr.
enum ReportPrinter {
    static func problems(_ report: ReconcileReport) {
        for diagnostic in report.desiredStateErrors { StandardError.write(diagnostic.description) }
        for problem in report.observationProblems { StandardError.write("warning: \(problem)") }
        for refusal in report.refusals { StandardError.write("refused: \(refusal)") }
        if let failure = report.failure { StandardError.write("error: \(failure)") }
    }

    /// The plan as text: rules-mode environments, then prefix-list-mode ones.
    static func planText(_ report: ReconcileReport) -> String {
        var text = ""
        if !report.plans.isEmpty || report.prefixListPlans.isEmpty { text += PlanTextRenderer.render(report.plans) }
        if !report.prefixListPlans.isEmpty { text += PrefixListPlanTextRenderer.render(report.prefixListPlans) }
        return text
    }

    static func results(_ report: ReconcileReport) -> String {
        var lines: [String] = []
        let executed = report.results.filter { $0.outcome != .refused }
        for result in executed.sorted(by: { ($0.environment, $0.resource, $0.target) < ($1.environment, $1.resource, $1.target) }) {
            var line = "\(result.environment) \(result.resource) \(result.kind.rawValue) \(result.target): \(result.outcome.rawValue)"
            if let message = result.message { line += " — \(message)" }
            lines.append(line)
        }
        func count(_ kind: ActionResult.Kind) -> Int {
            executed.filter { $0.kind == kind && $0.outcome != .failed }.count
        }
        let failed = executed.filter { $0.outcome == .failed }.count
        lines.append("Apply complete: \(count(.authorize)) authorized, \(count(.updateDescription)) updated, "
            + "\(count(.revoke)) revoked, \(failed) failed.")
        return lines.joined(separator: "\n")
    }
}
