import Foundation
import PropertyBased
import StewardCore
import Testing

/// Invariants for any tier and any estate.
@Suite struct TierPlannerPropertyTests {
    typealias F = TierFixture
    let planner = TierPlanner(ownerID: "steward")

    struct World: Sendable, CustomStringConvertible {
        var tier: Tier
        var observed: ObservedTierResources
        var description: String {
            "\(tier): services \(observed.services.map { "\($0.name)=\($0.desiredCount)\($0.isScaledDownBySteward ? "↓" : "")" }) "
                + "dbs \(observed.databases.map { "\($0.identifier):\($0.status)" }) snaps \(observed.snapshots.map(\.identifier)) "
                + "ec2 \(observed.instances.map { "\($0.id):\($0.state)" })"
        }
    }

    static let statuses = ["available", "stopped", "starting", "stopping", "backing-up", "failed"]
    static let settledStatuses = ["available", "stopped"]

    static func worlds(settled: Bool) -> Generator<World, some SendableSequenceType> {
        let service = zip(Gen.int(in: 0...4), Gen.bool(0.3), Gen.bool(0.5), Gen.bool(0.85))
        let database = zip(Gen.int(in: 0...(settled ? 1 : 5)), Gen.bool(0.3), Gen.bool(0.2), Gen.bool(0.85), Gen.bool(0.3))
        let instance = zip(Gen.bool(0.5), Gen.bool(0.85))
        return zip(Gen.int(in: 0...2), service.array(of: 0...3), database.array(of: 0...3), instance.array(of: 0...2)).map { tierIndex, services, databases, instances in
            var observed = F.world()
            for (index, (count, scaledDown, hasTarget, owned)) in services.enumerated() {
                let target = hasTarget ? ScalableCapacity(minCapacity: min(count, 1), maxCapacity: max(count, 1) + 2) : nil
                var service = scaledDown
                    ? F.scaledDown("svc\(index)", saved: SavedServiceState(desiredCount: count + 1, minCapacity: target?.minCapacity, maxCapacity: target?.maxCapacity), count: 0, target: hasTarget ? .zero : nil)
                    : F.service("svc\(index)", count: count, target: target, owned: owned)
                if !owned { service.tags[StewardTag.owner] = nil }
                observed.services.append(service)
            }
            for (index, (statusIndex, isCluster, hasSnapshot, owned, gone)) in databases.enumerated() {
                let list = settled ? settledStatuses : statuses
                let members = isCluster ? [DatabaseMember(identifier: "db\(index)-1", instanceClass: "db.r6g.large")] : []
                let database = F.database("db\(index)", list[statusIndex % list.count], kind: isCluster ? .cluster : .instance, members: members, owned: owned)
                if hasSnapshot || (gone && owned) {
                    observed.snapshots.append(F.snapshot(of: database, "snap\(index)"))
                }
                // A database torn down earlier exists only as its snapshot.
                if !(gone && owned) { observed.databases.append(database) }
            }
            for (index, (running, owned)) in instances.enumerated() {
                observed.instances.append(F.instance("i-\(index)", running ? "running" : "stopped", owned: owned))
            }
            return World(tier: [Tier.running, .stopped, .tornDown][tierIndex], observed: observed)
        }
    }

    @Test func neverActsOnWhatItDoesNotOwn() async {
        await propertyCheck(input: Self.worlds(settled: false)) { world in
            let plan = planner.plan(desired: F.desired(world.tier), observed: world.observed, now: F.now)
            let unowned = Set(world.observed.services.filter { !$0.isOwned(by: "steward") }.map(\.resource.name)
                + world.observed.databases.filter { !$0.isOwned(by: "steward") }.map(\.resource.name))
            let unownedInstances = Set(world.observed.instances.filter { !$0.isOwned(by: "steward") }.map(\.id))
            for step in plan.steps {
                #expect(!unowned.contains(step.action.resource.name), "\(step.action) acts on an unowned resource")
                if case .instances(let ids) = step.action.resource { #expect(unownedInstances.isDisjoint(with: ids)) }
            }
        }
    }

    @Test func neverDeletesWithoutAnAvailableFinalSnapshot() async {
        await propertyCheck(input: Self.worlds(settled: false)) { world in
            let plan = planner.plan(desired: F.desired(world.tier), observed: world.observed, now: F.now)
            for step in plan.steps {
                guard case .deleteDatabase(let resource, _, let snapshot) = step.action else { continue }
                let final = world.observed.snapshots.first { $0.identifier == snapshot }
                #expect(final?.isAvailable == true && final?.isConsumed == false)
                #expect(final.map { "\($0.settings.kind == .cluster ? "aurora" : "rds"):\($0.settings.identifier)" } == resource.name)
                #expect(world.tier == .tornDown)
            }
        }
    }

    @Test func servicesScaleUpOnlyWhenEveryDatabaseIsAvailable() async {
        await propertyCheck(input: Self.worlds(settled: false)) { world in
            let plan = planner.plan(desired: F.desired(world.tier), observed: world.observed, now: F.now)
            let scalesUp = plan.steps.contains { if case .scaleService(_, let count) = $0.action { count > 0 } else { false } }
            if scalesUp {
                let owned = world.observed.databases.filter { $0.isOwned(by: "steward") }
                #expect(owned.allSatisfy { $0.state == .available })
                #expect(!plan.steps.contains { if case .restoreDatabase = $0.action { true } else { false } })
            }
        }
    }

    @Test func aServiceIsNeverScaledToZeroBeforeItsCountIsSaved() async {
        await propertyCheck(input: Self.worlds(settled: false)) { world in
            let plan = planner.plan(desired: F.desired(world.tier), observed: world.observed, now: F.now)
            for (index, step) in plan.steps.enumerated() {
                guard case .scaleService(let resource, 0) = step.action else { continue }
                let service = world.observed.services.first { $0.resource == resource }
                if service?.isScaledDownBySteward == false {
                    #expect(plan.steps[..<index].contains { if case .saveServiceState(resource, _) = $0.action { true } else { false } })
                }
            }
        }
    }

    /// From any settled estate, every tier is reached in a bounded number of phases, and a
    /// stop → start round trip gives every owned service its count back.
    @Test func convergesAndRoundTrips() async {
        await propertyCheck(input: Self.worlds(settled: true)) { world in
            let phases = planner.phases(desired: F.desired(world.tier), observed: world.observed, now: F.now)
            var reached = phases.flatMap(\.steps).reduce(world.observed) { $0.simulating($1.action, now: F.now) }
            let final = planner.plan(desired: F.desired(world.tier), observed: reached, now: F.now)
            #expect(final.steps.isEmpty, "still planning \(final.steps.map(\.action.summary)) after \(phases.count) phases")
            #expect(final.waits.isEmpty)

            let counts = Dictionary(uniqueKeysWithValues: reached.services.filter { $0.isOwned(by: "steward") }
                .map { ($0.name, $0.isScaledDownBySteward ? $0.savedState?.desiredCount ?? -1 : $0.desiredCount) })
            for tier in [Tier.stopped, .running] {
                reached = planner.phases(desired: F.desired(tier), observed: reached, now: F.now).flatMap(\.steps)
                    .reduce(reached) { $0.simulating($1.action, now: F.now) }
            }
            for service in reached.services where service.isOwned(by: "steward") {
                #expect(service.desiredCount == counts[service.name], "\(service.name) came back at \(service.desiredCount)")
            }
        }
    }
}
