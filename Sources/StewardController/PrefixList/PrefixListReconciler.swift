import Foundation
import Logging
import StewardAWS
import StewardCore

/// The one entry point for environments in prefix-list mode, called by `Reconciler` with the
/// groups it already observed: reads the environment's owned lists, plans, applies the
/// guards, and (unless a dry run) executes. The rules planner must not run for such an
/// environment: it would revoke the reference rules this one keeps.
public struct PrefixListReconciler: Sendable {
    public var observer: PrefixListObserver
    public var executor: PrefixListExecutor
    public var ownerID: String

    public init(ec2: EC2Client, ownerID: String, logger: Logger = Logger(label: "steward.prefix-lists")) {
        observer = PrefixListObserver(ec2: ec2, ownerID: ownerID)
        executor = PrefixListExecutor(ec2: ec2, ownerID: ownerID, logger: logger)
        self.ownerID = ownerID
    }

    /// What one pass planned, held back and did.
    public struct Outcome: Sendable {
        /// The plan after the guards: what was (or in a dry run would be) sent to AWS.
        public var plan: PrefixListPlan
        public var results: [ActionResult]
        /// Guard refusals and list-capacity refusals, one line each, naming the environment.
        public var refusals: [String]
        /// `steward plan` text for this environment (no trailing summary line).
        public var lines: [String] { PrefixListPlanTextRenderer.lines(plan) }
    }

    /// - Parameters:
    ///   - groups: the environment's managed groups, as `WhitelistObserver` saw them.
    ///   - failedRead: `desired` is the last good read of a file that is now unreadable.
    ///   - force: apply even when the revoke budget refuses.
    /// - Throws: only when the lists can't be read (nothing was changed then).
    public func reconcile(
        environment: EnvironmentName, desired: DesiredState, groups: [ObservedSecurityGroup], policy: Policy,
        settings: WhitelistSettings = WhitelistSettings(), now: Date, failedRead: Bool = false, force: Bool = false, dryRun: Bool
    ) async throws -> Outcome {
        let lists = try await observer.observe(environment: environment)
        var plan = PrefixListPlanner.plan(
            desired: desired, observedLists: lists, groups: groups, policy: policy, ownerID: ownerID, now: now, ruleQuota: settings.ruleQuota
        )
        let guarded = plan.applyGuards(
            failedRead: failedRead, upsertOnly: settings.upsertOnly, revokeBudget: settings.revokeBudget, force: force,
            ownerID: ownerID, observedLists: lists, groups: groups
        )
        var results = guarded.held
        if !dryRun, plan.hasChanges {
            results += await executor.execute(plan)
        }
        return Outcome(plan: plan, results: results, refusals: plan.refusals + guarded.refusals)
    }

    /// Executes a plan exactly as shown (what `steward apply` confirmed), without planning again.
    public func execute(_ plan: PrefixListPlan) async -> [ActionResult] {
        guard plan.hasChanges else { return [] }
        return await executor.execute(plan)
    }
}
