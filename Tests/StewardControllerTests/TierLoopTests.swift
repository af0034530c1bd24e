import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// Tier transitions end to end against moto_server; outcomes checked with boto3.
@Suite(.serialized) struct TierLoopTests {
    @Test func stopThenStartRestoresEveryServiceExactlyAndOrdersDatabasesAroundServices() async throws {
        try await TierWorld.with { world in
            let reconciler = world.reconciler()
            try world.writeDesired(tier: .stopped)
            let stopped = await reconciler.reconcile()
            #expect(stopped.failedActions.isEmpty, "\(stopped.failedActions)")

            var estate = try await world.estate()
            #expect(estate.services == ["api": 0, "worker": 0, "legacy": 2], "the unowned service is never touched")
            #expect(estate.serviceTags["api"]?[StewardTag.savedDesiredCount] == "3")
            #expect(estate.serviceTags["api"]?[StewardTag.savedMinCapacity] == "2")
            #expect(estate.serviceTags["api"]?[StewardTag.savedMaxCapacity] == "6")
            #expect(estate.targets["service/dev/api"] == [0, 0], "autoscaling could undo the stop")
            #expect(estate.databases["dev-db"] == "stopped")
            #expect(estate.clusters["dev-aurora"] == "stopped")
            #expect(estate.instances[world.seeded.ownedInstance] == "stopped")
            #expect(estate.instances[world.seeded.unownedInstance] == "running")
            // Services scale down before databases stop; Aurora only at the cluster.
            let actions = world.faults.actions
            let lastScale = try #require(actions.lastIndex(of: "UpdateService"))
            let firstStop = try #require(actions.firstIndex { $0 == "StopDBInstance" || $0 == "StopDBCluster" })
            #expect(lastScale < firstStop)
            #expect(actions.filter { $0 == "StopDBInstance" }.count == 1, "only dev-db, never the Aurora member")

            let again = await reconciler.reconcile()
            #expect(!again.results.contains { $0.outcome == .applied }, "stopped is converged: \(again.results)")

            try world.writeDesired(tier: .running)
            let before = world.faults.actions.count
            let started = await reconciler.reconcile()
            #expect(started.failedActions.isEmpty, "\(started.failedActions)")
            estate = try await world.estate()
            #expect(estate.services == ["api": 3, "worker": 1, "legacy": 2])
            #expect(estate.targets["service/dev/api"] == [2, 6])
            #expect(estate.serviceTags["api"]?[StewardTag.scaledDown] == "false")
            #expect(estate.databases["dev-db"] == "available")
            #expect(estate.clusters["dev-aurora"] == "available")
            #expect(estate.instances[world.seeded.ownedInstance] == "running")
            let startActions = Array(world.faults.actions[before...])
            let firstScale = try #require(startActions.firstIndex(of: "UpdateService"))
            let lastStart = try #require(startActions.lastIndex { $0 == "StartDBInstance" || $0 == "StartDBCluster" })
            #expect(lastStart < firstScale, "databases start before services scale up")
            #expect(world.auditLines().contains { $0.contains("\"scale-service\"") && $0.contains("ecs:dev/api") })
        }
    }

    @Test func aDatabaseStartedBehindStewardsBackIsStoppedAgainAndTheReasonRecorded() async throws {
        try await TierWorld.with { world in
            let reconciler = world.reconciler()
            try world.writeDesired(tier: .stopped)
            _ = await reconciler.reconcile()
            _ = try await world.moto.boto3("boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1').start_db_instance(DBInstanceIdentifier='dev-db')")
            #expect(try await world.estate().databases["dev-db"] == "available")

            let report = await reconciler.reconcile()
            let stop = try #require(report.results.first { $0.kind == .stopDatabase && $0.resource == .rdsInstance(identifier: "dev-db") })
            #expect(stop.outcome == .applied)
            #expect(stop.reason.contains("behind Steward's back"))
            #expect(try await world.estate().databases["dev-db"] == "stopped")
            #expect(world.auditLines().contains { $0.contains("behind Steward's back") })
        }
    }

    @Test func teardownSnapshotsBeforeDeletingAndSpinupRestoresTheSettings() async throws {
        try await TierWorld.with { world in
            let reconciler = world.reconciler()
            let original = try await world.estate().databaseDetails["dev-db"]
            try world.writeDesired(tier: .tornDown)
            let teardown = await reconciler.reconcile()
            #expect(teardown.failedActions.isEmpty, "\(teardown.failedActions)")

            var estate = try await world.estate()
            #expect(estate.databases["dev-db"] == nil)
            #expect(estate.clusters["dev-aurora"] == nil)
            #expect(estate.databases["dev-aurora-1"] == nil)
            let snapshot = try #require(estate.snapshots.first { $0.key.hasPrefix("steward-dev-db-") })
            #expect(snapshot.value == "available")
            let tags = try #require(estate.snapshotTags[snapshot.key])
            #expect(tags[StewardTag.instanceClass] == "db.t3.micro")
            #expect(tags[StewardTag.port] == "5433")
            #expect(tags[StewardTag.parameterGroup] == "dev-pg")
            #expect(tags[StewardTag.securityGroups] == world.seeded.securityGroup)
            #expect(tags[StewardTag.engineVersion] == "15.4")
            let clusterSnapshot = try #require(estate.clusterSnapshots.first { $0.key.hasPrefix("steward-dev-aurora-") })
            #expect(estate.clusterSnapshotTags[clusterSnapshot.key]?[StewardTag.members] == "dev-aurora-1=db.r6g.large")

            // The snapshot was seen available (a describe) after it was made and before the delete.
            let actions = world.faults.actions
            let created = try #require(actions.firstIndex(of: "CreateDBSnapshot"))
            let deleted = try #require(actions.firstIndex(of: "DeleteDBInstance"))
            #expect(created < deleted)
            #expect(actions[created..<deleted].contains("DescribeDBSnapshots"))

            try world.writeDesired(tier: .running)
            let spinup = await reconciler.reconcile()
            #expect(spinup.failedActions.isEmpty, "\(spinup.failedActions)")
            estate = try await world.estate()
            #expect(estate.databases["dev-db"] == "available")
            #expect(estate.clusters["dev-aurora"] == "available")
            #expect(estate.databaseDetails["dev-aurora-1"]?["cluster"] == "dev-aurora")
            let restored = try #require(estate.databaseDetails["dev-db"])
            for key in ["class", "port", "sgs", "pg", "version"] {
                #expect(restored[key] == original?[key], "\(key) after restore: \(restored[key] ?? "nil") vs \(original?[key] ?? "nil")")
            }
            #expect(restored["tags"]?.contains("steward:owner=steward") == true)
            #expect(estate.services == ["api": 3, "worker": 1, "legacy": 2])
            #expect(try await world.estate().snapshotTags[snapshot.key]?[StewardTag.restoredAt] != nil)
            // Running again is converged: no second restore.
            let again = await reconciler.reconcile()
            #expect(!again.results.contains { $0.kind == .restoreDatabase }, "\(again.results)")
        }
    }

    @Test func aProtectedEnvironmentRefusesTeardownAndOnlyStops() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .tornDown, protected: true)
            let report = await world.reconciler().reconcile()
            #expect(report.refusals.contains { $0.message.contains("protected") && $0.message.contains("allow_teardown_until") })
            let estate = try await world.estate()
            #expect(estate.databases["dev-db"] == "stopped")
            #expect(estate.clusters["dev-aurora"] == "stopped")
            #expect(estate.snapshots.isEmpty)
            #expect(!world.faults.actions.contains("DeleteDBInstance"))
        }
    }

    @Test func transitionalStatesAreWaitedOutWithBackoff() async throws {
        try await TierWorld.with { world in
            let reconciler = world.reconciler()
            try world.writeDesired(tier: .stopped)
            _ = await reconciler.reconcile()
            try world.writeDesired(tier: .running)
            // AWS shows `starting` for a while; moto is instant, so the test shows it. While
            // the database starts, services stay down and the loop is told when to look again.
            world.faults.inject("DescribeDBInstances", times: 1_000, .replace("<DBInstanceStatus>stopped</DBInstanceStatus>", with: "<DBInstanceStatus>starting</DBInstanceStatus>"))
            let waiting = await reconciler.reconcile()
            #expect(!waiting.results.contains { $0.kind == .scaleService }, "services scaled up before the database was available")
            #expect(waiting.tierPlans.last?.waits.contains { $0.resource == "rds:dev-db" && $0.message.contains("starting") } == true)
            let retry = try #require(waiting.retryAt)
            #expect(retry > waiting.startedAt && retry <= waiting.startedAt.addingTimeInterval(61))
            let second = await reconciler.reconcile()
            let backedOff = try #require(second.retryAt)
            #expect(backedOff.timeIntervalSince(second.startedAt) > retry.timeIntervalSince(waiting.startedAt), "the recheck backs off")
            #expect(try await world.estate().services["api"] == 0)
            world.faults.clear()

            // AWS refusing mid-transition is a deferral, not a failure; the next pass converges.
            world.faults.inject("StartDBInstance", .fail(code: "InvalidDBInstanceState", status: 400))
            let deferred = await reconciler.reconcile()
            #expect(deferred.failedActions.isEmpty, "\(deferred.failedActions)")
            #expect(deferred.results.contains { $0.kind == .startDatabase && $0.outcome == .deferred })
            #expect(!deferred.results.contains { $0.kind == .scaleService })
            #expect(deferred.retryAt != nil)
            let settled = await reconciler.reconcile()
            #expect(settled.failedActions.isEmpty)
            #expect(try await world.estate().services == ["api": 3, "worker": 1, "legacy": 2])
        }
    }

    /// Every transition as an IAM user holding exactly examples/iam-policy.json (moto enforces
    /// signatures and policies): an action missing from the policy fails this.
    @Test func everyTransitionRunsWithExactlyTheDocumentedPermissions() async throws {
        try await TierWorld.with(iamPolicyPath: LeastPrivilegeTests.policyPath) { world in
            let reconciler = world.reconciler()
            for tier in [Tier.stopped, .running, .tornDown, .running] {
                try world.writeDesired(tier: tier)
                let report = await reconciler.reconcile()
                #expect(report.failure == nil && report.observationProblems.isEmpty, "\(tier): \(report.failure.map(\.message) ?? "") \(report.observationProblems)")
                #expect(report.failedActions.isEmpty, "\(tier): \(report.failedActions)")
                #expect(report.results.contains { $0.outcome == .applied }, "\(tier): nothing was done")
            }
            let estate = try await world.estate()
            #expect(estate.services == ["api": 3, "worker": 1, "legacy": 2])
            #expect(estate.databases["dev-db"] == "available")
            #expect(estate.clusters["dev-aurora"] == "available")
        }
    }

    @Test func aDatabaseThatCannotStopIsWarnedAboutOnceNotEveryLoop() async throws {
        try await TierWorld.with { world in
            _ = try await world.moto.boto3("""
            rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
            rds.create_db_instance_read_replica(DBInstanceIdentifier='dev-replica', SourceDBInstanceIdentifier='dev-db',
                Tags=[{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'Environment', 'Value': 'dev'}])
            """)
            let reconciler = world.reconciler()
            try world.writeDesired(tier: .stopped)
            let first = await reconciler.reconcile()
            #expect(first.tierWarnings.filter { $0.contains("rds:dev-replica") && $0.contains("read replicas can't be stopped") }.count == 1,
                    "\(first.tierWarnings)")
            #expect(first.failedActions.isEmpty, "no StopDBInstance is sent for a replica: \(first.failedActions)")
            let second = await reconciler.reconcile()
            #expect(second.tierWarnings.isEmpty, "warned again: \(second.tierWarnings)")
            #expect(second.tierPlans.last?.warnings.contains { $0.resource == "rds:dev-replica" } == true, "still shown in the plan")
            #expect(try await world.estate().databases["dev-db"] == "stopped")
        }
    }
}
