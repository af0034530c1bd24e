import Foundation
import Logging
import StewardAWS
import StewardCore

/// The bastion part of a reconcile, for `Reconciler` and the `bastion` CLI to call: observe
/// every environment's bastions at once, plan each lease purely, execute a plan as shown.
/// Holds no state between passes; the lease and AWS tags are all it needs.
public struct BastionReconciler: Sendable {
    public var observer: BastionObserver
    public var executor: BastionExecutor
    public var planner: BastionPlanner
    public var configuration: StewardConfiguration

    public init(ec2: EC2Client, configuration: StewardConfiguration, logger: Logger = Logger(label: "steward.bastions")) {
        observer = BastionObserver(ec2: ec2, environmentTagKey: configuration.tiers.environmentTag)
        executor = BastionExecutor(ec2: ec2, logger: logger)
        planner = BastionPlanner(ownerID: configuration.ownerID, environmentTagKey: configuration.tiers.environmentTag)
        self.configuration = configuration
    }

    /// One plan per environment asked for, in environment order, from one DescribeInstances.
    /// - Parameter wanted: each environment's desired state; `failed` marks the last good read
    ///   of a file that is now unreadable (then only leases known to have expired end).
    /// - Throws: `BastionError.observeFailed` when EC2 can't be read; nothing was changed.
    public func plan(_ wanted: [(EnvironmentName, DesiredState, failed: Bool)], now: Date) async throws(BastionError) -> [BastionPlan] {
        let observation = try await observer.observe(wanted.map(\.0))
        return wanted.sorted { $0.0 < $1.0 }.map { environment, desired, failed in
            planner.plan(
                desired: desired, observed: observation.instances[environment] ?? [],
                launchTemplate: configuration.bastionLaunchTemplate(for: environment), failedRead: failed, now: now
            )
        }
    }

    /// Executes a plan exactly as shown (what `steward apply` confirmed), without planning again.
    public func execute(_ plan: BastionPlan) async -> BastionExecution {
        guard plan.hasChanges else { return BastionExecution() }
        return await executor.execute(plan)
    }

    /// `bastion status E`: the environment's bastion-looking instances, Steward's first, each
    /// in launch order. `lease` (the desired one) fills in an expiry the instance's tag lacks.
    public func status(environment: EnvironmentName, lease: BastionLease? = nil) async throws(BastionError) -> [BastionStatus] {
        let observation = try await observer.observe([environment])
        let ownerID = configuration.ownerID
        let instances = (observation.instances[environment] ?? []).sorted(by: BastionPlanner.launchOrder)
        let ordered = instances.filter { $0.isOwned(by: ownerID) } + instances.filter { !$0.isOwned(by: ownerID) }
        return ordered.map { BastionStatus($0, environment: environment, ownerID: ownerID, lease: lease) }
    }
}
