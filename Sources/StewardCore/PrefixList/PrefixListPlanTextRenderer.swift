import Foundation

/// Renders a prefix-list plan in the style of `WhitelistPlanTextRenderer` (`+` add, `-` remove,
/// `~` change in place, `!` drift), for `steward plan` on prefix-list-mode environments.
public enum PrefixListPlanTextRenderer {
    /// The environment's block, without the closing summary line.
    public static func lines(_ plan: PrefixListPlan) -> [String] {
        var lines = ["environment \(plan.environment) (prefix-list mode)"]
        for list in plan.lists {
            let id = list.listID ?? "(new)"
            if list.isEmpty {
                lines.append("  prefix list \(id) \(list.name): up to date (\(list.target.count)/\(list.effectiveMaxEntries) entries)")
                continue
            }
            if list.isCreate {
                lines.append("  + prefix list \(list.name) \(list.family.rawValue), max entries \(list.maxEntries ?? 0)  (\(PrefixListReason.listNeeded.rawValue))")
            } else {
                lines.append("  prefix list \(id) \(list.name)")
                if let grown = list.maxEntries {
                    lines.append("    ~ max entries \(list.observedMaxEntries ?? 0) -> \(grown)  (\(PrefixListReason.listFull.rawValue))")
                }
            }
            for add in list.add {
                var line = "    \(add.reason == .descriptionChanged ? "~" : "+") \(add.cidr)  \"\(add.description)\"  (\(add.reason.rawValue)"
                if let expiresAt = add.expiresAt { line += ", expires \(Timestamp.text(expiresAt))" }
                lines.append(line + ")")
            }
            for remove in list.remove {
                lines.append("    - \(remove.cidr)  \"\(remove.description)\"  (\(remove.reason.rawValue))")
            }
        }
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
                lines.append("    + \(grant.summary)  \"\(grant.description)\"  (\(grant.reason.rawValue))")
            }
            for revoke in group.revoke {
                lines.append("    - \(revoke.summary)  \(revoke.ruleID)  (\(revoke.reason.rawValue))")
            }
        }
        for refusal in plan.refusals {
            lines.append("  refused: \(refusal)")
        }
        for warning in plan.warnings {
            lines.append("  warning: \(warning)")
        }
        lines += DriftItem.planLines(plan.drift)
        return lines
    }

    /// `Plan: 3 entries to add, 1 to remove; 2 rules to authorize, 4 to revoke.`
    public static func summary(_ plans: [PrefixListPlan]) -> String {
        let adds = plans.reduce(0) { $0 + $1.entryAddCount }
        let removes = plans.reduce(0) { $0 + $1.entryRemoveCount }
        let authorize = plans.reduce(0) { $0 + $1.authorizeCount }
        let revoke = plans.reduce(0) { $0 + $1.revokeCount }
        let lists = plans.reduce(0) { $0 + $1.lists.filter { $0.isCreate || $0.isGrow }.count }
        if !plans.contains(where: \.hasChanges) { return "No prefix-list changes." }
        return "Prefix lists: \(lists) to create or grow, \(adds) entries to add or update, \(removes) to remove; "
            + "\(authorize) reference rules to authorize, \(revoke) rules to revoke."
    }

    public static func render(_ plans: [PrefixListPlan]) -> String {
        (plans.sorted { $0.environment < $1.environment }.flatMap(lines) + [summary(plans)]).joined(separator: "\n") + "\n"
    }
}
