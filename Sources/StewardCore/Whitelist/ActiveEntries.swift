import Foundation

/// The entries of a desired state that may be granted now, sorted out once per plan: active
/// ones that pass policy (by network, and in file order), expired networks, and a warning for
/// each active entry the policy refuses. Both planners start from this.
struct ActiveEntries {
    var byCIDR: [CIDR: WhitelistEntry] = [:]
    var ordered: [WhitelistEntry] = []
    var expired: Set<CIDR> = []
    var warnings: [String] = []

    init(_ desired: DesiredState, policy: Policy, now: Date) {
        byCIDR.reserveCapacity(desired.whitelist.count)
        ordered.reserveCapacity(desired.whitelist.count)
        for entry in desired.whitelist {
            guard entry.isActive(at: now) else {
                expired.insert(entry.cidr)
                continue
            }
            let reasons = policy.violations(for: entry)
            if reasons.isEmpty {
                byCIDR[entry.cidr] = entry
                ordered.append(entry)
            } else {
                warnings.append("\(entry.cidr) not granted: " + reasons.joined(separator: "; "))
            }
        }
    }
}
