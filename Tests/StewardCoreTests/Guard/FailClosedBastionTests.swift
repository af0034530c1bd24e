import Foundation
import StewardCore
import Testing

/// The fail-closed guard on a bastion plan: a lease known to have expired still ends; nothing
/// else is launched, retagged or terminated on a guess.
@Suite struct FailClosedBastionTests {
    @Test func onlyTheEndOfAKnownExpiryIsLeft() {
        let env = try! EnvironmentName("dev")
        let launch = BastionLaunch(environment: env, launchTemplate: "dev-bastion",
                                   token: BastionLaunchToken(ownerID: "steward", environment: env,
                                                             lease: BastionLease(requestedBy: "U1", requestedAt: nil, expiresAt: Date(timeIntervalSince1970: 1))),
                                   tags: [:], leaseTags: [:], leaseExpiresAt: Date(timeIntervalSince1970: 1), requestedBy: "U1")
        var plan = BastionPlan(environment: env, launch: launch, terminate: [
            BastionTermination(instanceID: "i-1", state: .running, reason: .leaseExpired),
            BastionTermination(instanceID: "i-2", state: .running, reason: .extra),
        ], tagUpdates: [BastionLeaseTagUpdate(instanceID: "i-1", previousExpiry: nil, expiresAt: Date(timeIntervalSince1970: 2), tags: [:])])
        let verdict = UnreadableDesiredStateGuard<BastionPlan>(isUnreadable: true).apply(to: &plan)
        #expect(plan.terminate.map(\.instanceID) == ["i-1"])
        #expect(plan.launch == nil && plan.tagUpdates.isEmpty)
        #expect(plan.heldTerminations.map(\.instanceID) == ["i-2"])
        #expect(verdict.held.map(\.kind) == [.terminateBastion, .launchBastion])
        #expect(verdict.held.allSatisfy { $0.outcome == .refused })
    }
}
