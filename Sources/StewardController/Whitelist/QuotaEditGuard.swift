import Foundation
import StewardCore

/// Refuses a whitelist addition that would take a managed group past its rule quota, before
/// the edit is written: better a clear "no" to the person asking than a grant that fails at
/// the next reconcile. Reads AWS (never writes). If AWS can't be read, the edit goes through
/// and the reconcile-time quota check still holds the grant back.
public struct QuotaEditGuard: DesiredStateEditGuard {
    public var observer: WhitelistObserver
    public var configuration: StewardConfiguration

    public init(observer: WhitelistObserver, configuration: StewardConfiguration) {
        self.observer = observer
        self.configuration = configuration
    }

    public func refusal(for edit: DesiredStateEdit, proposed: DesiredState, now: Date) async -> String? {
        guard case .addWhitelistEntry(let entry) = edit else { return nil }
        let settings = configuration.whitelistSettings(for: proposed.environment)
        guard settings.mode == .rules,
              let observation = try? await observer.observe([proposed.environment], base: configuration.whitelist)
        else { return nil }
        let groups = observation.groups[proposed.environment] ?? []
        let plan = WhitelistPlanner(ownerID: configuration.ownerID).plan(desired: proposed, observed: groups, policy: configuration.policy, now: now)
        let quota = RuleQuota(rulesPerGroup: settings.ruleQuota)
        for groupPlan in plan.groups where groupPlan.authorize.contains(where: { $0.cidr == entry.cidr }) {
            if let group = groups.first(where: { $0.id == groupPlan.groupID }), let refusal = quota.refusal(for: groupPlan, group: group) {
                return "adding \(entry.cidr): \(refusal)"
            }
        }
        return nil
    }
}
