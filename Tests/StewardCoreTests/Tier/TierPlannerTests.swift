import Foundation
import StewardCore
import Testing

/// The table at the top of TierPlanner.swift, row by row.
@Suite struct TierPlannerTests {
    typealias F = TierFixture
    let planner = TierPlanner(ownerID: "steward")

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var desired: DesiredState
        var world: ObservedTierResources
        var steps: [String]
        var waits: [String] = []
        var warnings: [String] = []
        var description: String { name }
    }

    static let saved = SavedServiceState(desiredCount: 3, minCapacity: 2, maxCapacity: 6)
    static let db = F.database("dev-db", "available")
    static let aurora = F.database("dev-aurora", "available", kind: .cluster, members: [DatabaseMember(identifier: "dev-aurora-1", instanceClass: "db.r6g.large")])

    static let cases: [Case] = [
        Case(name: "running: stopped database starts; scaled-down service waits for it",
             desired: F.desired(.running), world: F.world(services: [F.scaledDown("api", saved: saved, target: .zero)], databases: [F.database("dev-db", "stopped")]),
             steps: ["start-database rds:dev-db start"], waits: ["ecs:dev/api"]),
        Case(name: "running: databases available; service gets bounds, count and unmark, in that order",
             desired: F.desired(.running), world: F.world(services: [F.scaledDown("api", saved: saved, target: .zero)], databases: [db]),
             steps: ["set-scalable-target ecs:dev/api set autoscaling min 2 max 6", "scale-service ecs:dev/api scale to 3", "save-service-state ecs:dev/api mark restored"]),
        Case(name: "running: service never scaled by Steward is left as found",
             desired: F.desired(.running), world: F.world(services: [F.service("api", count: 5)], databases: [db]), steps: []),
        Case(name: "running: starting database means wait",
             desired: F.desired(.running), world: F.world(databases: [F.database("dev-db", "starting")]), steps: [], waits: ["rds:dev-db"]),
        Case(name: "running: failed database is a warning and services stay down",
             desired: F.desired(.running), world: F.world(services: [F.scaledDown("api", saved: saved)], databases: [F.database("dev-db", "failed")]),
             steps: [], waits: ["ecs:dev/api"], warnings: ["rds:dev-db"]),
        Case(name: "running: stopped EC2 instances start together",
             desired: F.desired(.running), world: F.world(instances: [F.instance("i-2", "stopped"), F.instance("i-1", "stopped"), F.instance("i-3", "running")]),
             steps: ["start-instance ec2:i-1,i-2 start"]),
        Case(name: "running: torn-down database is restored from its latest final snapshot",
             desired: F.desired(.running), world: F.world(snapshots: [F.snapshot(of: db, "old", createdAt: F.now.addingTimeInterval(-900)), F.snapshot(of: db, "new")]),
             steps: ["restore-database rds:dev-db restore from new"]),
        Case(name: "running: snapshot still creating means wait",
             desired: F.desired(.running), world: F.world(snapshots: [F.snapshot(of: db, "s1", status: "creating")]), steps: [], waits: ["snapshot:s1"]),
        Case(name: "running: restored cluster gets the members its snapshot names",
             desired: F.desired(.running),
             world: F.world(databases: [F.database("dev-aurora", "available", kind: .cluster)], snapshots: [F.snapshot(of: aurora, "a1")]),
             steps: ["restore-database rds:dev-aurora-1 create member of dev-aurora (db.r6g.large)"]),
        Case(name: "running: database back and complete; its snapshot is marked restored",
             desired: F.desired(.running), world: F.world(databases: [db], snapshots: [F.snapshot(of: db, "s1")]),
             steps: ["tag-database snapshot:s1 mark restored"]),
        Case(name: "running: consumed snapshots are history",
             desired: F.desired(.running), world: F.world(snapshots: [F.snapshot(of: db, "s1", consumed: true)]), steps: []),
        Case(name: "stopped: service saved, bounds zeroed, scaled to 0; databases wait for it",
             desired: F.desired(.stopped),
             world: F.world(services: [F.service("api", count: 3, target: ScalableCapacity(minCapacity: 2, maxCapacity: 6))], databases: [db]),
             steps: ["save-service-state ecs:dev/api save desired count 3 and autoscaling 2…6 in tags", "set-scalable-target ecs:dev/api set autoscaling min 0 max 0",
                     "scale-service ecs:dev/api scale to 0"],
             waits: ["rds:dev-db"]),
        Case(name: "stopped: service scaled up behind Steward's back goes back to 0, saved state kept",
             desired: F.desired(.stopped), world: F.world(services: [F.scaledDown("api", saved: saved, count: 2, target: .zero)]),
             steps: ["scale-service ecs:dev/api scale to 0"]),
        Case(name: "stopped: tasks still draining; databases wait",
             desired: F.desired(.stopped), world: F.world(services: [F.scaledDown("api", saved: saved, count: 0)].map { var s = $0; s.runningCount = 1; return s }, databases: [db]),
             steps: [], waits: ["ecs:dev/api", "rds:dev-db"]),
        Case(name: "stopped: services drained; database and cluster stop, instances stop",
             desired: F.desired(.stopped), world: F.world(services: [F.scaledDown("api", saved: saved)], databases: [db, aurora], instances: [F.instance("i-1", "running")]),
             steps: ["stop-instance ec2:i-1 stop", "stop-database aurora:dev-aurora stop", "stop-database rds:dev-db stop"]),
        Case(name: "stopped: read replica can't stop; warned, not acted on",
             desired: F.desired(.stopped), world: F.world(databases: [F.database("dev-replica", "available", readReplica: true)]),
             steps: [], warnings: ["rds:dev-replica"]),
        Case(name: "stopped: database Steward stopped is available again (7-day restart) and is stopped again",
             desired: F.desired(.stopped), world: F.world(databases: [F.database("dev-db", "available", tags: [StewardTag.stoppedAt: "2026-11-18T10:00:00Z"])]),
             steps: ["stop-database rds:dev-db stop"]),
        Case(name: "stopped: unowned resources are drift only",
             desired: F.desired(.stopped),
             world: F.world(services: [F.service("api", count: 2, owned: false)], databases: [F.database("x", "available", owned: false)], instances: [F.instance("i-9", "running", owned: false)]),
             steps: []),
        Case(name: "stopped: a torn-down database stays deleted (stopped creates nothing)",
             desired: F.desired(.stopped), world: F.world(snapshots: [F.snapshot(of: db, "s1")]), steps: []),
        Case(name: "torn-down: database without a final snapshot gets one",
             desired: F.desired(.tornDown), world: F.world(databases: [F.database("dev-db", "stopped")]),
             steps: ["snapshot-database rds:dev-db final snapshot steward-dev-db-20270115080000"]),
        Case(name: "torn-down: final snapshot creating means wait, no delete",
             desired: F.desired(.tornDown), world: F.world(databases: [db], snapshots: [F.snapshot(of: db, "s1", status: "creating")]),
             steps: [], waits: ["rds:dev-db"]),
        Case(name: "torn-down: final snapshot available; delete",
             desired: F.desired(.tornDown), world: F.world(databases: [db], snapshots: [F.snapshot(of: db, "s1")]),
             steps: ["delete-database rds:dev-db delete (final snapshot s1 is available)"]),
        Case(name: "torn-down: a consumed snapshot from an earlier cycle is not a final snapshot",
             desired: F.desired(.tornDown), world: F.world(databases: [db], snapshots: [F.snapshot(of: db, "s0", consumed: true)]),
             steps: ["snapshot-database rds:dev-db final snapshot steward-dev-db-20270115080000"]),
        Case(name: "torn-down: Aurora deleted with its members after the cluster snapshot",
             desired: F.desired(.tornDown), world: F.world(databases: [aurora], snapshots: [F.snapshot(of: aurora, "a1")]),
             steps: ["delete-database aurora:dev-aurora delete (final snapshot a1 is available) with members dev-aurora-1"]),
        Case(name: "torn-down: deletion protection respected; stopped instead with a warning",
             desired: F.desired(.tornDown), world: F.world(databases: [F.database("dev-db", "available", deletionProtection: true)]),
             steps: ["stop-database rds:dev-db stop"], warnings: ["rds:dev-db"]),
        Case(name: "torn-down: protected environment converges to stopped",
             desired: F.desired(.tornDown, protected: true), world: F.world(databases: [db]),
             steps: ["stop-database rds:dev-db stop"]),
        Case(name: "torn-down: protected but allowed until a future time tears down",
             desired: F.desired(.tornDown, protected: true, allowTeardownUntil: F.now.addingTimeInterval(3600)), world: F.world(databases: [db]),
             steps: ["snapshot-database rds:dev-db final snapshot steward-dev-db-20270115080000"]),
        Case(name: "torn-down: database mid-modification means wait",
             desired: F.desired(.tornDown), world: F.world(databases: [F.database("dev-db", "modifying")]), steps: [], waits: ["rds:dev-db"]),
    ]

    @Test(arguments: cases)
    func plansTheTableRow(_ row: Case) {
        let plan = planner.plan(desired: row.desired, observed: row.world, now: F.now)
        #expect(F.lines(plan) == row.steps)
        #expect(Set(plan.waits.map(\.resource)) == Set(row.waits))
        #expect(Set(plan.warnings.map(\.resource)) == Set(row.warnings))
    }

    @Test func protectedTeardownIsRefusedWithAReason() {
        let plan = planner.plan(desired: F.desired(.tornDown, protected: true), observed: F.world(databases: [Self.db]), now: F.now)
        #expect(plan.tier == .stopped)
        #expect(plan.refusals.count == 1)
        #expect(plan.refusals.first?.message.contains("allow_teardown_until") == true)
        #expect(!plan.steps.contains { $0.action.isDestructive })
    }

    @Test func unownedResourcesAreReportedAsDrift() {
        let plan = planner.plan(desired: F.desired(.stopped), observed: F.world(services: [F.service("api", count: 2, owned: false)]), now: F.now)
        #expect(plan.drift.contains { $0.kind == .unownedResource && $0.resource == .ecsService(cluster: "dev", name: "api") })
    }

    @Test func phasesShowTheWholeStopAndStartInOrder() {
        let world = F.world(services: [F.service("api", count: 2), F.service("web", count: 1)], databases: [Self.db, Self.aurora])
        let stop = planner.phases(desired: F.desired(.stopped), observed: world, now: F.now)
        #expect(stop.count == 2)
        #expect(stop[0].steps.allSatisfy { if case .service = $0.action.resource { true } else { false } })
        #expect(stop[1].steps.map(\.action.kind) == [.stopDatabase, .stopDatabase])

        let stoppedWorld = (stop.flatMap(\.steps)).reduce(world) { $0.simulating($1.action, now: F.now) }
        let start = planner.phases(desired: F.desired(.running), observed: stoppedWorld, now: F.now)
        #expect(start.count == 2)
        #expect(start[0].steps.map(\.action.kind) == [.startDatabase, .startDatabase])
        let restored = start.flatMap(\.steps).reduce(stoppedWorld) { $0.simulating($1.action, now: F.now) }
        #expect(restored.services.map(\.desiredCount) == [2, 1])
    }
}
