import Foundation

// How an environment's lease and its observed bastions are planned. "Owned" means tagged
// steward:owner=<owner_id>; "live" means pending, running, stopping or stopped (shutting-down
// and terminated instances are gone and count for nothing). "Wanted" means the lease is
// active (now < expires_at) and the tier is running.
//
// | desired                   | owned live instances               | plan                                              |
// |---------------------------|------------------------------------|---------------------------------------------------|
// | wanted                    | none                               | launch (token from the lease)                     |
// | wanted                    | one up (pending/running)           | keep; retag if the lease tags differ              |
// | wanted                    | several up                         | keep the first launched; terminate the rest       |
// | wanted                    | stopped/stopping (± some up)       | terminate those; launch only if none is up        |
// | wanted                    | kept one is pending                | + wait (look again soon)                          |
// | lease expired             | any                                | terminate all (lease expired)                     |
// | no lease                  | any                                | terminate all (no lease)                          |
// | active, tier not running  | any                                | terminate all (environment not running)           |
// | any                       | unowned                            | nothing; drift (never touched)                    |
// | unreadable (last good):   |                                    |                                                   |
// |   lease expired           | any                                | terminate all (lease expired) — still ends on time|
// |   anything else           | any                                | nothing; launches and terminations held, refused  |
//
// A stopped owned bastion is terminated and replaced, never restarted: a fresh launch runs the
// current template (patched image, current profile), and an instance changed while stopped
// is not quietly brought back.

/// The pure heart of the bastion part of the loop: a lease and an observed snapshot in, a
/// plan out. No I/O, no clock: `now` is a parameter.
public struct BastionPlanner: Sendable {
    public var ownerID: String
    /// The tag that names an instance's environment (`tiers.environmentTag`).
    public var environmentTagKey: String
    /// Prices the "bastion up that nobody's lease wants" findings.
    public var prices: PriceTable

    public init(ownerID: String, environmentTagKey: String = StewardTag.environment, prices: PriceTable = PriceTable()) {
        self.ownerID = ownerID
        self.environmentTagKey = environmentTagKey
        self.prices = prices
    }

    /// - Parameters:
    ///   - observed: the environment's bastion-looking instances, owned or not, any state.
    ///   - launchTemplate: the template a launch uses (`bastionLaunchTemplate(for:)`).
    ///   - failedRead: `desired` is the last good read of a file that is now unreadable.
    public func plan(desired: DesiredState, observed: [ObservedBastion], launchTemplate: String, failedRead: Bool = false, now: Date) -> BastionPlan {
        let environment = desired.environment
        var plan = BastionPlan(environment: environment)
        let live = observed.filter(\.state.isLive).sorted(by: Self.launchOrder)
        let owned = live.filter { $0.isOwned(by: ownerID) }
        plan.drift = live.filter { !$0.isOwned(by: ownerID) }
            .map { DriftItem.unownedBastion($0, environment: environment, ownerID: ownerID, prices: prices) }
            .sorted()

        var terminate: [BastionTermination] = []
        var launch: BastionLaunch?
        if let lease = desired.bastion, lease.isActive(at: now), desired.tier == .running {
            let up = owned.filter(\.state.isUp)
            let down = owned.filter { !$0.state.isUp }
            terminate += down.map { BastionTermination($0, reason: .stopped) }
            if let kept = up.first {
                terminate += up.dropFirst().map { BastionTermination($0, reason: .extra) }
                let tags = leaseTags(lease)
                if kept.leaseExpiryTag != tags[StewardTag.leaseExpiresAt] || kept.requestedByTag != tags[StewardTag.leaseRequestedBy] {
                    plan.tagUpdates.append(BastionLeaseTagUpdate(
                        instanceID: kept.instanceID, previousExpiry: kept.leaseExpiryTag, expiresAt: lease.expiresAt, tags: tags))
                }
                if kept.state == .pending {
                    plan.waits.append(BastionWait(instanceID: kept.instanceID, state: kept.state.rawValue,
                                                  message: "\(kept.instanceID) is starting"))
                }
            } else {
                launch = self.launch(lease, environment: environment, template: launchTemplate, replacing: down.map(\.instanceID))
            }
        } else {
            let reason: BastionTerminationReason
            if let lease = desired.bastion, !lease.isActive(at: now) {
                reason = .leaseExpired
            } else if desired.bastion == nil {
                reason = .noLease
            } else {
                reason = .tierNotRunning
            }
            terminate += owned.map { BastionTermination($0, reason: reason) }
        }
        terminate.sort { $0.instanceID < $1.instanceID }

        plan.terminate = terminate
        plan.launch = launch
        if !UnreadableDesiredStateGuard<BastionPlan>(isUnreadable: failedRead).apply(to: &plan).held.isEmpty {
            plan.refusals.append(Refusal(environment: environment, guardName: .unreadableDesiredState,
                message: "desired state is unreadable; bastion launches and terminations are held "
                    + "(only a lease known to have expired still ends) until the file is fixed"))
        }
        return plan
    }

    /// The tags a launch sends with RunInstances: the same for every call of one lease.
    public func launchTags(environment: EnvironmentName, lease: BastionLease) -> [String: String] {
        [
            environmentTagKey: environment.rawValue,
            StewardTag.role: StewardTag.bastionRole,
            StewardTag.owner: ownerID,
            StewardTag.leaseRequestedBy: lease.requestedBy,
            StewardTag.name: StewardTag.bastionName(environment),
        ]
    }

    /// The tags that follow the lease as it changes.
    public func leaseTags(_ lease: BastionLease) -> [String: String] {
        [StewardTag.leaseExpiresAt: Timestamp.text(lease.expiresAt), StewardTag.leaseRequestedBy: lease.requestedBy]
    }

    private func launch(_ lease: BastionLease, environment: EnvironmentName, template: String, replacing: [String]) -> BastionLaunch {
        BastionLaunch(
            environment: environment, launchTemplate: template,
            token: BastionLaunchToken(ownerID: ownerID, environment: environment, lease: lease),
            tags: launchTags(environment: environment, lease: lease), leaseTags: leaseTags(lease),
            leaseExpiresAt: lease.expiresAt, requestedBy: lease.requestedBy, replacing: replacing.sorted()
        )
    }

    /// First launched first; an instance without a launch time (not yet reported) last; the
    /// id breaks ties so every replica keeps the same one.
    public static func launchOrder(_ lhs: ObservedBastion, _ rhs: ObservedBastion) -> Bool {
        switch (lhs.launchTime, rhs.launchTime) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.instanceID < rhs.instanceID
        }
    }
}
