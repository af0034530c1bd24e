import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// Bastion leases end to end against moto_server through `BastionStage`, outcomes
/// checked with the aws CLI (an independent client), what Steward sent with moto's recorder.
@Suite(.serialized) struct BastionLeaseTests {
    typealias W = BastionWorld

    @Test func createLaunchesOneInstanceFromTheTemplateWithTheLeaseTags() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            let lease = try #require(desired.bastion)
            let (plans, results, _) = try await world.pass([desired])
            #expect(plans.map { $0.launch != nil } == [true])
            #expect(results.map(\.kind) == [.launchBastion])
            #expect(results.map(\.outcome) == [.applied])

            let instances = try await world.live()
            #expect(instances.count == 1)
            let instance = try #require(instances.first)
            #expect(results.first?.resource == .bastion(instanceID: instance.id), "the result names the instance")
            #expect(instance.instanceType == "t3.nano", "launched from dev-bastion")
            #expect(instance.tags["aws:ec2launchtemplate:name"].map { $0 == "dev-bastion" } ?? true)
            #expect(instance.tags["Environment"] == "dev")
            #expect(instance.tags["Role"] == "bastion")
            #expect(instance.tags["steward:owner"] == "steward")
            #expect(instance.tags["Name"] == "dev-bastion")
            #expect(instance.tags["steward:lease-requested-by"] == "U0123")
            #expect(instance.tags["steward:lease-expires-at"] == Timestamp.text(lease.expiresAt))
            #expect(instance.tags["steward:lease-expires-at"] == "2026-11-27T13:00:00Z", "3 h default TTL")
        }
    }

    @Test func reRunLaunchesNothingAndARetriedLaunchSendsTheSameToken() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.moto.startRecording()
            try await world.pass([desired])
            // A second pass (a new process, same lease): only the read, no second launch.
            let second = try await world.pass([desired])
            #expect(second.plans.allSatisfy { !$0.hasChanges })
            #expect(second.results.isEmpty)
            let recording = try await world.moto.downloadRecording()
            try await world.moto.stopRecording()
            let actions = MotoRecording.actions(recording)
            #expect(actions == ["DescribeInstances", "RunInstances", "CreateTags", "DescribeInstances"])
            let tokens = MotoRecording.launchTokens(recording)
            #expect(tokens.count == 1)
            #expect(try await world.live().count == 1)

            // The launch as planned again from scratch, after the lease was extended (as after
            // a crash before the instance became visible): the very same ClientToken.
            let plannedAgain = BastionPlanner(ownerID: "steward").plan(
                desired: try world.extend(desired), observed: [], launchTemplate: "dev-bastion", now: world.clock.addingTimeInterval(60))
            #expect(plannedAgain.launch?.clientToken == tokens.first)
            #expect(tokens.first.map { $0.count <= 64 && $0.hasPrefix("steward-") } == true)
        }
    }

    @Test func extendRewritesTheExpiryTagOnTheSameInstance() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let before = try #require(try await world.live().first)

            world.clock = world.clock.addingTimeInterval(3600)
            let extended = try world.extend(desired)
            let (plans, results, _) = try await world.pass([extended])
            #expect(plans.first?.tagUpdates.map(\.instanceID) == [before.id])
            #expect(plans.first?.launch == nil)
            #expect(results.map(\.outcome) == [.applied])
            let after = try await world.live()
            #expect(after.map(\.id) == [before.id], "same instance, no new launch")
            #expect(after.first?.tags["steward:lease-expires-at"] == "2026-11-27T16:00:00Z")
            #expect(before.tags["steward:lease-expires-at"] == "2026-11-27T13:00:00Z")
        }
    }

    @Test func destroyTerminatesTheBastion() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let instance = try #require(try await world.live().first)
            let (plans, results, _) = try await world.pass([try world.destroy(desired)])
            #expect(plans.first?.terminate.map(\.reason) == [.noLease])
            #expect(results.map(\.kind) == [.terminateBastion])
            #expect(results.map(\.resource) == [.bastion(instanceID: instance.id)])
            #expect(try await world.instances().first { $0.id == instance.id }?.state == "terminated")
            #expect(try await world.pass([try world.destroy(desired)]).results.isEmpty, "and then nothing more to do")
        }
    }

    @Test func expiredLeaseTerminatesTheBastion() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            world.clock = world.clock.addingTimeInterval(3 * 3600 - 1)
            #expect(try await world.pass([desired]).results.isEmpty, "one second before expiry: still wanted")
            world.clock = world.clock.addingTimeInterval(1)
            let (plans, results, _) = try await world.pass([desired])
            #expect(plans.first?.terminate.map(\.reason) == [.leaseExpired])
            #expect(results.map(\.outcome) == [.applied])
            #expect(try await world.live().isEmpty)
        }
    }

    @Test func orphanedOwnedInstancesAreTerminatedAndUntaggedOnesNeverTouched() async throws {
        try await W.with { world in
            let orphan = try await world.handLaunch(tags: W.ownedTags)
            let handMade = try await world.handLaunch(tags: W.bastionTags)
            let otherOwner = try await world.handLaunch(tags: W.bastionTags.merging(["steward:owner": "someone-else"]) { $1 })
            let (plans, results, _) = try await world.pass([world.running()])
            let plan = try #require(plans.first)
            #expect(plan.terminate.map(\.instanceID) == [orphan])
            #expect(results.map(\.resource) == [.bastion(instanceID: orphan)])
            #expect(Set(plan.drift.map(\.resource.id)) == [handMade, otherOwner])
            #expect(plan.drift.first { $0.resource.id == handMade }?.severity == .high)
            let states = Dictionary(uniqueKeysWithValues: try await world.instances().map { ($0.id, $0.state) })
            #expect(states[orphan] == "terminated")
            #expect(states[handMade] == "running")
            #expect(states[otherOwner] == "running")

            // With a lease, the hand-made one still doesn't count and is still not touched.
            let desired = try world.create(world.running())
            try await world.pass([desired])
            try await world.pass([try world.destroy(desired)])
            let live = try await world.live()
            #expect(Set(live.map(\.id)) == [handMade, otherOwner])
        }
    }

    @Test func moreOwnedInstancesThanLeasesKeepsTheFirstLaunched() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let first = try #require(try await world.live().first)
            world.clock = world.clock.addingTimeInterval(1)
            // A second owned bastion (as a lost-response relaunch on an AWS without idempotency would make).
            let second = try await world.handLaunch(tags: W.ownedTags)
            // moto's launch times have whole seconds: the keeper is the first by (launch time, id).
            let launched = try await world.live()
            let keeper = try #require(launched.min { ($0.launchTime, $0.id) < ($1.launchTime, $1.id) })
            #expect(Set(launched.map(\.id)) == [first.id, second])
            let (plans, _, _) = try await world.pass([desired])
            #expect(plans.first?.terminate.map(\.instanceID) == launched.map(\.id).filter { $0 != keeper.id })
            #expect(plans.first?.terminate.map(\.reason) == [.extra])
            #expect(try await world.live().map(\.id) == [keeper.id])
        }
    }

    @Test func stoppedTierTerminatesTheBastionAndLaunchesNone() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            // `infra stop` drops the lease with the tier; a hand-edited file may keep it.
            var stopped = desired
            stopped.tier = .stopped
            let (plans, results, _) = try await world.pass([stopped])
            #expect(plans.first?.launch == nil)
            #expect(plans.first?.terminate.map(\.reason) == [.tierNotRunning])
            #expect(results.map(\.kind) == [.terminateBastion])
            #expect(try await world.live().isEmpty)
            #expect(try await world.pass([stopped]).results.isEmpty, "and no relaunch")
            #expect(try await world.live().isEmpty)
            #expect(throws: DesiredStateEditError.self) { try world.create(stopped) }
        }
    }

    @Test func unreadableDesiredStateLaunchesNothingAndEndsOnlyExpiredLeases() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            // Last good state says a lease is wanted: still no launch on a failed read.
            let held = try await world.pass([desired], failed: true)
            #expect(held.plans.first?.launch == nil)
            #expect(held.results.map(\.outcome) == [.refused])
            #expect(held.plans.first?.refusals.isEmpty == false)
            #expect(try await world.live().isEmpty)

            try await world.pass([desired])
            #expect(try await world.live().count == 1)
            // Lease dropped in the last good state: no termination on a guess.
            let guess = try await world.pass([try world.destroy(desired)], failed: true)
            #expect(guess.results.map(\.outcome) == [.refused])
            #expect(try await world.live().count == 1)
            // But a lease the last good read saw expire still ends on time.
            world.clock = world.clock.addingTimeInterval(3 * 3600)
            let expired = try await world.pass([desired], failed: true)
            #expect(expired.results.map(\.kind) == [.terminateBastion])
            #expect(expired.results.map(\.outcome) == [.applied])
            #expect(try await world.live().isEmpty)
        }
    }

    @Test func stoppedOwnedBastionIsReplacedByAFreshOne() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let first = try #require(try await world.live().first)
            try await world.stopByHand(first.id)
            let (plans, results, _) = try await world.pass([desired])
            #expect(plans.first?.terminate.map(\.reason) == [.stopped])
            #expect(plans.first?.launch?.replacing == [first.id])
            #expect(Set(results.map(\.kind)) == [.terminateBastion, .launchBastion])
            let live = try await world.live()
            #expect(live.count == 1)
            #expect(live.first?.id != first.id)
            #expect(live.first?.state == "running")
        }
    }

    @Test func oneDescribeInstancesCoversEveryEnvironment() async throws {
        try await W.with { world in
            try await world.createLaunchTemplate("staging-bastion")
            let staging = try EnvironmentName("staging")
            let states = [try world.create(world.running()), try world.create(world.running(staging), by: "U0999")]
            try await world.moto.startRecording()
            let (plans, results, _) = try await world.pass(states)
            let recording = try await world.moto.downloadRecording()
            try await world.moto.stopRecording()
            #expect(plans.map(\.environment.rawValue) == ["dev", "staging"])
            #expect(results.map(\.outcome) == [.applied, .applied])
            let calls = MotoRecording.calls(recording)
            #expect(calls.filter { $0["Action"] == "DescribeInstances" }.count == 1)
            let describe = try #require(calls.first { $0["Action"] == "DescribeInstances" })
            #expect(Set(describe.filter { $0.key.hasPrefix("Filter.") && $0.key.contains(".Value.") }.map(\.value))
                .isSuperset(of: ["bastion", "dev", "staging", "pending", "running", "stopping", "stopped"]))
            let live = try await world.live()
            #expect(Set(live.compactMap { $0.tags["Environment"] }) == ["dev", "staging"])
            #expect(Set(MotoRecording.launchTokens(recording)).count == 2, "one token per lease")
        }
    }

    @Test func missingLaunchTemplateFailsSayingWhatToDo() async throws {
        try await W.with { world in
            let qa = try EnvironmentName("qa")
            let (_, results, _) = try await world.pass([try world.create(world.running(qa))])
            let result = try #require(results.first)
            #expect(result.outcome == .failed)
            #expect(result.message?.contains("qa-bastion") == true, "\(result.message ?? "")")
            #expect(try await world.live().isEmpty)
        }
    }

    @Test func statusShowsTheInstanceLeaseAndHowToConnect() async throws {
        try await W.with { world in
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let handMade = try await world.handLaunch(tags: W.bastionTags)
            let statuses = try await world.reconciler().status(environment: W.dev, lease: desired.bastion)
            #expect(statuses.count == 2)
            let owned = try #require(statuses.first)
            #expect(owned.isOwned)
            #expect(owned.state == "running")
            #expect(owned.privateIPAddress?.isEmpty == false)
            #expect(owned.launchTime != nil)
            #expect(owned.leaseExpiresAt == desired.bastion?.expiresAt)
            #expect(owned.connectCommand == "aws ssm start-session --target \(owned.instanceID)")
            #expect(owned.line.contains("lease until 2026-11-27T13:00:00Z"))
            #expect(owned.line.contains("aws ssm start-session --target \(owned.instanceID)"))
            #expect(statuses.last?.instanceID == handMade)
            #expect(statuses.last?.isOwned == false)
            let reply = ChatReply.bastionStatus(desired, now: world.clock, observed: BastionStatus.observedText(statuses))
            #expect(reply.text.contains("AWS:"))
            #expect(reply.text.contains("\(owned.instanceID) running"))
            #expect(reply.text.contains("`aws ssm start-session --target \(owned.instanceID)`"))
        }
    }
}
