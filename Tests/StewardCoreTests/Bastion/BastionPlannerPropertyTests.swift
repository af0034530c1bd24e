import Foundation
import PropertyBased
import StewardCore
import Testing

/// Invariants that must hold for any lease, tier and set of bastion-looking instances.
@Suite struct BastionPlannerPropertyTests {
    typealias B = BastionFixture

    struct World: Sendable, CustomStringConvertible {
        var desired: DesiredState
        var observed: [ObservedBastion]
        var failedRead: Bool
        var description: String {
            "lease \(desired.bastion.map { Timestamp.text($0.expiresAt) } ?? "none"), tier \(desired.tier.rawValue), failedRead \(failedRead), "
                + observed.map { "\($0.instanceID):\($0.state.rawValue):\($0.ownerTag ?? "-")" }.joined(separator: " ")
        }
    }

    static let states = ObservedBastion.State.allCases
    static let tiers = Tier.allCases

    static var worlds: Generator<World, some SendableSequenceType> {
        let instance = zip(Gen.int(in: 0...2), Gen.int(in: 0...(states.count - 1)), Gen.int(in: 0...5000))
        return zip(Gen.int(in: 0...2), Gen.int(in: 0...2), Gen.bool(0.3), instance.array(of: 0...5)).map { leaseKind, tier, failedRead, cells in
            let lease: BastionLease? = leaseKind == 0 ? nil : B.lease(expiresIn: leaseKind == 1 ? 3600 : -60)
            var observed: [ObservedBastion] = []
            for (index, (owner, state, launchedAgo)) in cells.enumerated() {
                var bastion = B.owned("i-\(index)", states[state], launchedAgo: TimeInterval(launchedAgo))
                bastion.ownerTag = owner == 0 ? B.owner : owner == 1 ? nil : "other-steward"
                observed.append(bastion)
            }
            return World(desired: B.desired(lease, tier: tiers[tier]), observed: observed, failedRead: failedRead)
        }
    }

    func plan(_ world: World) -> BastionPlan {
        BastionPlanner(ownerID: B.owner).plan(
            desired: world.desired, observed: world.observed, launchTemplate: B.template, failedRead: world.failedRead, now: B.now)
    }

    @Test func neverTouchesAnUnownedInstance() async {
        await propertyCheck(count: 400, input: Self.worlds) { world in
            let plan = plan(world)
            let unowned = Set(world.observed.filter { !$0.isOwned(by: B.owner) }.map(\.instanceID))
            let touched = plan.terminate.map(\.instanceID) + plan.tagUpdates.map(\.instanceID) + plan.heldTerminations.map(\.instanceID)
                + (plan.launch?.replacing ?? [])
            #expect(touched.allSatisfy { !unowned.contains($0) })
            #expect(Set(plan.drift.map(\.resource.id)) == Set(world.observed.filter { $0.state.isLive && !$0.isOwned(by: B.owner) }.map(\.instanceID)))
        }
    }

    /// After the plan, exactly one owned bastion is up while a lease is wanted, none otherwise;
    /// and a launch happens only when no owned one is left up.
    @Test func convergesToOneBastionPerWantedLeaseWithAtMostOneLaunch() async {
        await propertyCheck(count: 400, input: Self.worlds) { world in
            let plan = plan(world)
            let terminated = Set(plan.terminate.map(\.instanceID))
            #expect(terminated.count == plan.terminate.count, "no instance terminated twice")
            let ownedUp = world.observed.filter { $0.isOwned(by: B.owner) && $0.state.isUp && !terminated.contains($0.instanceID) }
            let after = ownedUp.count + (plan.launch == nil ? 0 : 1)
            let wanted = world.desired.bastion?.isActive(at: B.now) == true && world.desired.tier == .running
            if world.failedRead {
                #expect(plan.launch == nil, "no launch on an unreadable desired state")
                #expect(plan.tagUpdates.isEmpty)
                #expect(plan.terminate.allSatisfy { $0.reason == .leaseExpired })
            } else {
                #expect(after == (wanted ? 1 : 0))
                #expect(plan.terminate.count + ownedUp.count == world.observed.filter { $0.isOwned(by: B.owner) && $0.state.isLive }.count)
            }
            if plan.launch != nil {
                #expect(ownedUp.isEmpty)
                #expect(wanted)
            }
        }
    }

    @Test func launchTokenIsStableAcrossExtendAndReplans() async {
        let spans = zip(Gen.int(in: 0...9), Gen.int(in: 1...11), Gen.int(in: 0...3599))
        await propertyCheck(count: 200, input: spans) { extensions, hours, requestedAgo in
            let lease = B.lease(expiresIn: TimeInterval(hours * 3600), requestedAgo: TimeInterval(requestedAgo))
            var extended = lease
            extended.expiresAt += TimeInterval(extensions * 3 * 3600)
            let planner = BastionPlanner(ownerID: B.owner)
            let first = planner.plan(desired: B.desired(lease), observed: [], launchTemplate: B.template, now: B.now).launch
            // Later, after extends, with the instance of the first launch not (yet) visible.
            let later = B.now.addingTimeInterval(TimeInterval(min(requestedAgo, hours * 3600 - 1)))
            let second = planner.plan(desired: B.desired(extended), observed: [], launchTemplate: B.template, now: later).launch
            #expect(first != nil)
            #expect(first?.clientToken == second?.clientToken)
            #expect(first?.tags == second?.tags, "RunInstances parameters stay the same for the same token")
        }
    }
}
