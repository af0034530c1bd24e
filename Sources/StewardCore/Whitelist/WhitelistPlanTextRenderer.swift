import Foundation

/// Renders plans the way `terraform plan` does: `+` authorize, `-` revoke, `~` update in place,
/// `!` drift, in a stable order so two runs over the same state print the same bytes.
public enum WhitelistPlanTextRenderer {
    public static func render(_ plans: [WhitelistPlan]) -> String {
        (plans.sorted(by: { $0.environment < $1.environment }).flatMap { lines($0) } + [summary(plans)]).joined(separator: "\n") + "\n"
    }

    /// `Plan: 1 to authorize, 0 to update, 2 to revoke.`; with nothing to do, that AWS matches
    /// — unless `inSync` says something else is left (held back, unreadable, unread).
    public static func summary(_ plans: [WhitelistPlan], inSync: Bool = true) -> String {
        let authorize = plans.reduce(0) { $0 + $1.authorizeCount }
        let revoke = plans.reduce(0) { $0 + $1.revokeCount }
        let update = plans.reduce(0) { $0 + $1.updateCount }
        if authorize + revoke + update == 0 {
            return inSync ? "No changes. AWS matches the desired state." : "No whitelist changes to make."
        }
        return "Plan: \(authorize) to authorize, \(update) to update, \(revoke) to revoke."
    }

    /// One environment's block; `held` (refused results of this environment) shows under the
    /// group it was held on, so a group with something refused never reads as up to date.
    public static func lines(_ plan: WhitelistPlan, held: [ActionResult] = []) -> [String] {
        var lines = ["environment \(plan.environment)"]
        if plan.groups.isEmpty {
            lines.append("  (no managed security groups found)")
        }
        for group in plan.groups {
            let title = group.groupName.isEmpty ? group.groupID : "\(group.groupID) (\(group.groupName))"
            let refused = held.filter { $0.resource == .securityGroup(id: group.groupID) }
            if group.isEmpty, refused.isEmpty {
                lines.append("  \(title): up to date")
                continue
            }
            lines.append("  \(title)")
            lines += refused.map(HeldActionLine.text)
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
