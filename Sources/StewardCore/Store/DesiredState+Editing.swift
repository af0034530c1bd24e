import Foundation

extension DesiredState {
    /// The state after `edit`, or the reason it is refused. Pure: the store calls this under
    /// its lock, so every store enforces the same rules.
    public func applying(_ edit: DesiredStateEdit, policy: Policy, now: Date) throws(DesiredStateEditError) -> DesiredState {
        var next = self
        switch edit {
        case .addWhitelistEntry(let entry):
            let reasons = policy.violations(for: entry)
            guard reasons.isEmpty else { throw .policyViolation(environment: environment, reasons: reasons) }
            if let index = next.whitelist.firstIndex(where: { $0.cidr == entry.cidr }) {
                next.whitelist[index] = entry
            } else {
                next.whitelist.append(entry)
            }
        case .removeWhitelistEntry(let cidr):
            guard let index = next.whitelist.firstIndex(where: { $0.cidr == cidr }) else {
                throw .entryNotFound(cidr, environment: environment)
            }
            next.whitelist.remove(at: index)
        case .setTier(let tier):
            if tier == .tornDown, !ProtectedTeardownGuard.allowsTeardown(self, now: now) {
                throw .teardownProtected(environment: environment)
            }
            next.tier = tier
            // A lease can't outlive the environment it reaches into.
            if tier != .running { next.bastion = nil }
        case .createBastionLease(let lease):
            guard tier == .running else { throw .tierNotRunning(environment: environment, tier: tier) }
            if let existing = bastion, existing.isActive(at: now) {
                throw .bastionLeaseExists(environment: environment, expiresAt: existing.expiresAt)
            }
            next.bastion = lease
        case .extendBastionLease(let span):
            guard let lease = bastion, lease.isActive(at: now) else { throw .noBastionLease(environment: environment) }
            guard tier == .running else { throw .tierNotRunning(environment: environment, tier: tier) }
            // A hand-written lease without requested_at counts its lifetime from its expiry, and
            // keeps that as its start so its launch token (derived from it) never changes.
            let start = lease.requestedAt ?? lease.expiresAt
            let limit = start.addingTimeInterval(policy.bastionMaximumLifetime.timeInterval)
            let wanted = lease.expiresAt.addingTimeInterval(span.timeInterval)
            guard wanted <= limit else {
                throw .bastionLifetimeExceeded(environment: environment, limit: limit, maximum: policy.bastionMaximumLifetime)
            }
            next.bastion?.expiresAt = wanted
            next.bastion?.requestedAt = start
        case .dropBastionLease:
            guard bastion != nil else { throw .noBastionLease(environment: environment) }
            next.bastion = nil
        }
        return next
    }
}
