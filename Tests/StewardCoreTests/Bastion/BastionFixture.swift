import Foundation
import StewardCore

/// Builders so the bastion planner tables read as data.
enum BastionFixture {
    static let now = Fixture.now
    static let owner = Fixture.owner
    static let env = Fixture.env
    static let template = "dev-bastion"

    static func lease(expiresIn: TimeInterval = 3 * 3600, requestedAgo: TimeInterval? = 60, by user: String = "U0123") -> BastionLease {
        BastionLease(requestedBy: user, requestedAt: requestedAgo.map { now.addingTimeInterval(-$0) }, expiresAt: now.addingTimeInterval(expiresIn))
    }

    static func desired(_ lease: BastionLease?, tier: Tier = .running) -> DesiredState {
        DesiredState(environment: env, tier: tier, bastion: lease)
    }

    /// An owned instance carrying the lease tags of `lease` (or none), launched `launchedAgo` seconds before now.
    static func owned(_ id: String, _ state: ObservedBastion.State = .running, launchedAgo: TimeInterval = 600, lease: BastionLease? = nil) -> ObservedBastion {
        ObservedBastion(
            instanceID: id, state: state, privateIPAddress: "10.0.1.5", launchTime: now.addingTimeInterval(-launchedAgo),
            leaseExpiryTag: lease.map { Timestamp.text($0.expiresAt) }, requestedByTag: lease?.requestedBy, ownerTag: owner, instanceType: "t3.micro"
        )
    }

    static func unowned(_ id: String, _ state: ObservedBastion.State = .running, ownerTag: String? = nil) -> ObservedBastion {
        ObservedBastion(instanceID: id, state: state, launchTime: now.addingTimeInterval(-7200), ownerTag: ownerTag)
    }

    /// The plan as short strings: `+launch`, `-id:reason`, `~id`, `…id`, `held-id`, `held+launch`.
    static func summary(_ plan: BastionPlan) -> [String] {
        var lines: [String] = []
        if plan.launch != nil { lines.append("+launch") }
        lines += plan.terminate.map { "-\($0.instanceID):\($0.reason.rawValue)" }
        lines += plan.tagUpdates.map { "~\($0.instanceID)" }
        lines += plan.waits.map { "…\($0.instanceID)" }
        lines += plan.heldTerminations.map { "held-\($0.instanceID)" }
        if plan.heldLaunch != nil { lines.append("held+launch") }
        return lines
    }
}
