import Foundation
import StewardTestSupport
import Testing

/// Tier reconciles at the floor of AWS calls: only what a plan can need is read, and between
/// phases only what the next phase waits on — counted on the wire, every call.
@Suite(.serialized) struct TierCallCountTests {
    /// Every call but the whitelist's group read, as a multiset.
    static func tierCalls(_ actions: [String]) -> [String: Int] {
        Dictionary(grouping: actions.filter { $0 != "DescribeSecurityGroups" }, by: { $0 }).mapValues(\.count)
    }

    static let reads: [String: Int] = [
        "ListServices": 1, "DescribeServices": 1, "DescribeDBInstances": 1, "DescribeDBClusters": 1, "DescribeInstances": 1,
    ]

    @Test func stopStartAndSteadyStateMakeOnlyTheCallsTheyNeed() async throws {
        try await TierWorld.with { world in
            let reconciler = world.reconciler()
            try world.writeDesired(tier: .running)
            _ = await reconciler.reconcile()

            var before = world.faults.actions.count
            func since() -> [String] {
                defer { before = world.faults.actions.count }
                return Array(world.faults.actions[before...])
            }
            _ = await reconciler.reconcile()
            let steady = Self.tierCalls(since())
            #expect(steady == Self.reads, "steady state reads: \(steady)")
            #expect(steady.values.reduce(0, +) <= 5)

            try world.writeDesired(tier: .stopped)
            let stop = await reconciler.reconcile()
            #expect(stop.failedActions.isEmpty, "\(stop.failedActions)")
            let stopCalls = Self.tierCalls(since())
            // Reads: the five, and the autoscaling targets whose bounds are saved. No snapshots,
            // no second look: ECS's answer to each scaling says the services drained.
            #expect(stopCalls == Self.reads.merging([
                "DescribeScalableTargets": 1,
                "TagResource": 2, "RegisterScalableTarget": 1, "UpdateService": 2, "StopInstances": 1,
                "StopDBInstance": 1, "StopDBCluster": 1, "AddTagsToResource": 2,
            ]) { $1 }, "\(stopCalls)")
            #expect(try await world.estate().databases["dev-db"] == "stopped")
            #expect(try await world.estate().services == ["api": 0, "worker": 0, "legacy": 2])

            try world.writeDesired(tier: .running)
            let start = await reconciler.reconcile()
            #expect(start.failedActions.isEmpty, "\(start.failedActions)")
            let startCalls = Self.tierCalls(since())
            // A stop (not a teardown) is undone without reading snapshots; the databases are read
            // again by id before the services come back.
            #expect(startCalls == Self.reads.merging([
                "DescribeScalableTargets": 1, "StartDBInstance": 1, "StartDBCluster": 1, "StartInstances": 1,
                "DescribeDBInstances": 2, "DescribeDBClusters": 2,
                "RegisterScalableTarget": 1, "UpdateService": 2, "TagResource": 2,
            ]) { $1 }, "\(startCalls)")
            #expect(!startCalls.keys.contains("DescribeDBSnapshots") && !startCalls.keys.contains("DescribeDBClusterSnapshots"))
            #expect(try await world.estate().services == ["api": 3, "worker": 1, "legacy": 2])

            _ = await reconciler.reconcile()
            #expect(Self.tierCalls(since()) == Self.reads, "steady again")
        }
    }
}
