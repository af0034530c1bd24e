import Foundation
import StewardCore

/// Plan 100,000 whitelist entries against 100 security groups with 20% drift.
///
/// A group holds each entry of its environment once per port, so 100,000 entries on all of
/// 100 groups would be 10 million rules — far past AWS's 60-rule quota and not a shape that
/// exists. The benchmark spreads the 100,000 entries over 100 environments of one group each
/// (1,000 entries a group, 100,000 rules observed), which is the planner's real worst case:
/// every entry compared against every rule. Drift: 10% of entries missing from AWS, 5% with a
/// stale description, 5% expired-but-present; plus 5% unowned rules.
enum PlannerBenchmark {
    static func run(runs: Int) {
        let now = Date(timeIntervalSince1970: 1_795_773_600)
        let owner = "steward"
        var worlds: [(DesiredState, [ObservedSecurityGroup])] = []
        for environmentIndex in 0..<100 {
            let environment = try! EnvironmentName("env-\(environmentIndex)")
            var entries: [WhitelistEntry] = []
            var rules: [ObservedRule] = []
            entries.reserveCapacity(1000)
            for index in 0..<1000 {
                let address = UInt64(0x0A00_0000) | UInt64(environmentIndex) << 16 | UInt64(index)
                let cidr = CIDR(family: .ipv4, high: 0, low: address, maskingTo: 32)
                let kind = index % 20 // 0,1: missing; 2: stale description; 3: expired; 4: + unowned
                let expiresAt = now.addingTimeInterval(kind == 3 ? -60 : 86_400)
                entries.append(WhitelistEntry(cidr: cidr, description: "user \(index)", addedBy: "bench", addedAt: now.addingTimeInterval(-3600), expiresAt: expiresAt))
                if kind >= 2 {
                    rules.append(ObservedRule(
                        ruleID: "sgr-\(environmentIndex)-\(index)", ports: .https, source: .cidr(cidr),
                        description: kind == 2 ? "stale" : "user \(index)", tags: [StewardTag.owner: owner]
                    ))
                }
                if kind == 4 {
                    let other = CIDR(family: .ipv4, high: 0, low: address | 0x00F0_0000, maskingTo: 32)
                    rules.append(ObservedRule(ruleID: "sgr-u-\(environmentIndex)-\(index)", ports: .https, source: .cidr(other)))
                }
            }
            let group = ObservedSecurityGroup(id: "sg-\(environmentIndex)", name: "web", whitelistPorts: [.https], ingressRules: rules)
            worlds.append((DesiredState(environment: environment, whitelist: entries), [group]))
        }
        let planner = WhitelistPlanner(ownerID: owner)
        var totals = (authorize: 0, revoke: 0, update: 0)
        let timing = Measure.milliseconds(runs: runs) {
            totals = (0, 0, 0)
            for (desired, groups) in worlds {
                let plan = planner.plan(desired: desired, observed: groups, policy: .default, now: now)
                totals.authorize += plan.authorizeCount
                totals.revoke += plan.revokeCount
                totals.update += plan.updateCount
            }
        }
        print("planner: 100000 entries x 100 groups, 20% drift: median \(Measure.format(timing.median)) ms "
            + "(min \(Measure.format(timing.min)), max \(Measure.format(timing.max)), \(runs) runs); "
            + "plan +\(totals.authorize) ~\(totals.update) -\(totals.revoke); peak RSS \(Measure.format(Measure.peakResidentMiB())) MiB")
    }
}
