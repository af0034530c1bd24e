import Foundation

/// Renders plans the way `terraform plan` does: `+` authorize, `-` revoke, `~` update in place,
/// `!` drift, in a stable order so two runs over the same state print the same bytes.
public enum WhitelistPlanTextRenderer {
    public static func render(_ plans: [WhitelistPlan]) -> String {
        var lines: [String] = []
        for plan in plans.sorted(by: { $0.environment < $1.environment }) {
            lines.append(contentsOf: render(plan))
        }
        let authorize = plans.reduce(0) { $0 + $1.authorizeCount }
        let revoke = plans.reduce(0) { $0 + $1.revokeCount }
        let update = plans.reduce(0) { $0 + $1.updateCount }
        if authorize + revoke + update == 0 {
            lines.append("No changes. AWS matches the desired state.")
        } else {
            lines.append("Plan: \(authorize) to authorize, \(update) to update, \(revoke) to revoke.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ plan: WhitelistPlan) -> [String] {
        var lines = ["environment \(plan.environment)"]
        if plan.groups.isEmpty {
            lines.append("  (no managed security groups found)")
        }
        for group in plan.groups {
            let title = group.groupName.isEmpty ? group.groupID : "\(group.groupID) (\(group.groupName))"
            if group.isEmpty {
                lines.append("  \(title): up to date")
                continue
            }
            lines.append("  \(title)")
            for grant in group.authorize {
                var line = "    + \(grant.cidr) \(grant.networkProtocol.rawValue)/\(grant.ports)  \"\(grant.description)\"  (\(grant.reason.rawValue)"
                if let expiresAt = grant.expiresAt { line += ", expires \(Timestamp.text(expiresAt))" }
                lines.append(line + ")")
            }
            for update in group.updateDescriptions {
                lines.append(
                    "    ~ \(update.cidr) \(update.networkProtocol.rawValue)/\(update.ports)  \(update.ruleID)  "
                        + "description \"\(update.oldDescription ?? "")\" -> \"\(update.newDescription)\""
                )
            }
            for revoke in group.revoke {
                let ports = revoke.ports.map { "/\($0)" } ?? ""
                lines.append("    - \(revoke.source) \(revoke.ipProtocol)\(ports)  \(revoke.ruleID)  (\(revoke.reason.rawValue))")
            }
        }
        for warning in plan.warnings {
            lines.append("  warning: \(warning)")
        }
        lines += DriftItem.planLines(plan.drift)
        return lines
    }
}
