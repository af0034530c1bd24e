import Foundation
import StewardAWS
import StewardCore

/// The whitelist in rules mode: one ingress rule per network and port on every managed group.
/// Observe the managed groups → plan each environment (`WhitelistPlanner`) → guards
/// (`WhitelistPlan.guards`) → authorize/revoke/update per group.
public struct WhitelistStage: ReconcileStage {
    public var observer: WhitelistObserver
    public var executor: WhitelistExecutor
    public var configuration: StewardConfiguration

    public init(ec2: EC2Client, configuration: StewardConfiguration) {
        observer = WhitelistObserver(ec2: ec2, settings: { configuration.whitelistSettings(for: $0) })
        executor = WhitelistExecutor(ec2: ec2, ownerID: configuration.ownerID)
        self.configuration = configuration
    }

    public func observe(_ pass: ReconcilePass) async -> StageObservation<WhitelistObservation> {
        do {
            let observation = try await pass.reads.securityGroups.value()
            return .observed(observation, problems: observation.problems)
        } catch {
            return .failed(ObservationProblem(source: .securityGroups, message: "could not read security groups from AWS: \(error)"))
        }
    }

    public func plan(_ pass: ReconcilePass, observation: WhitelistObservation) -> StagePlan<WhitelistObservation, WhitelistPlan> {
        let planner = WhitelistPlanner(ownerID: configuration.ownerID)
        var stage = StagePlan<WhitelistObservation, WhitelistPlan>(observation: observation)
        for target in pass.targets where configuration.whitelistSettings(for: target.environment).mode == .rules {
            let groups = observation.groups[target.environment] ?? []
            var plan = planner.plan(desired: target.desired, observed: groups, policy: configuration.policy, now: pass.startedAt)
            let verdict = WhitelistPlan.guards(
                failedRead: target.isUnreadable, settings: configuration.whitelistSettings(for: target.environment),
                force: pass.options.force, groups: groups, ownerID: configuration.ownerID
            ).apply(to: &plan)
            stage.append(plan, guarded: verdict)
        }
        stage.orphans = orphans(pass, observation)
        return stage
    }

    public func execute(_ plan: StagePlan<WhitelistObservation, WhitelistPlan>, pass: ReconcilePass) async -> StageExecution<WhitelistPlan> {
        var execution = StageExecution<WhitelistPlan>()
        for environmentPlan in plan.plans where environmentPlan.hasChanges {
            execution.results += await executor.execute(environmentPlan)
        }
        return execution
    }

    /// Steward's rules on the managed groups of environments desired state no longer has: left
    /// in place (a deleted file must not cut anyone off), reported.
    private func orphans(_ pass: ReconcilePass, _ observation: WhitelistObservation) -> [DriftItem] {
        observation.groups.filter { pass.isOrphan($0.key) }.sorted { $0.key < $1.key }.flatMap { environment, groups in
            groups.flatMap { group in
                group.ingressRules.filter { $0.isOwned(by: configuration.ownerID) }.map { rule in
                    DriftItem(kind: .orphanedResource, severity: .medium, environment: environment,
                              resource: .securityGroupRule(groupID: group.id, ruleID: rule.ruleID),
                              message: "\(rule.summary) is Steward's, on a group of environment \(environment), which desired state no longer has; "
                                  + "left in place — restore \(environment)'s desired state, or revoke the rule by hand")
                }
            }
        }
    }
}
