import Foundation

/// Renders bastion plans in the style of `WhitelistPlanTextRenderer` (`+` launch, `-` terminate,
/// `~` retag in place, `!` drift), for `steward plan`.
public enum BastionPlanTextRenderer {
    /// The environment's bastion block, indented to sit under `environment <env>`; no
    /// header and no summary line, so it can be merged with the other parts of the plan.
    /// Empty when there is nothing to do, wait for, hold or report.
    public static func lines(_ plan: BastionPlan) -> [String] {
        var lines: [String] = []
        if let launch = plan.launch {
            lines.append("    + launch from template \(launch.launchTemplate)  (\(launch.reason); lease of \(launch.requestedBy) "
                + "until \(Timestamp.text(launch.leaseExpiresAt)); token \(launch.clientToken))")
        }
        for update in plan.tagUpdates {
            lines.append("    ~ \(update.instanceID)  \(StewardTag.leaseExpiresAt) \(update.previousExpiry ?? "(none)") -> "
                + "\(Timestamp.text(update.expiresAt))")
        }
        for termination in plan.terminate {
            lines.append("    - \(termination.instanceID) (\(termination.state.rawValue))  (\(termination.reason.rawValue))")
        }
        for wait in plan.waits {
            lines.append("    … \(wait.message)")
        }
        for held in plan.heldTerminations {
            lines.append("    held: - \(held.instanceID) (\(held.state.rawValue))  (\(held.reason.rawValue))")
        }
        if let held = plan.heldLaunch {
            lines.append("    held: + launch from template \(held.launchTemplate)  (\(held.reason))")
        }
        for refusal in plan.refusals {
            lines.append("  refused: \(refusal)")
        }
        lines += DriftItem.planLines(plan.drift)
        return lines.isEmpty ? [] : ["  bastion"] + lines
    }

    /// `Bastions: 1 to launch, 1 to retag, 2 to terminate.`
    public static func summary(_ plans: [BastionPlan]) -> String {
        let launches = plans.filter { $0.launch != nil }.count
        let retags = plans.reduce(0) { $0 + $1.tagUpdates.count }
        let terminations = plans.reduce(0) { $0 + $1.terminate.count }
        if launches + retags + terminations == 0 { return "No bastion changes." }
        return "Bastions: \(launches) to launch, \(retags) to retag, \(terminations) to terminate."
    }

    /// Stand-alone rendering: every environment with something to say, then the summary.
    public static func render(_ plans: [BastionPlan]) -> String {
        var lines: [String] = []
        for plan in plans.sorted(by: { $0.environment < $1.environment }) {
            let block = self.lines(plan)
            guard !block.isEmpty else { continue }
            lines.append("environment \(plan.environment)")
            lines += block
        }
        lines.append(summary(plans))
        return lines.joined(separator: "\n") + "\n"
    }
}
