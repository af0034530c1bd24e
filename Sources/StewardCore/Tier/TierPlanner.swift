import Foundation

// How each owned resource is planned for the tier the environment should be in. Only the
// current phase is planned; the loop plans again once AWS has moved ("level-triggered").
// Unowned resources (no steward:owner=<owner_id>) are never acted on: drift notes only.
//
// | tier      | resource                          | observed                          | plan                                                     |
// |-----------|-----------------------------------|-----------------------------------|----------------------------------------------------------|
// | running   | database (instance or cluster)    | stopped                           | start                                                    |
// | running   | database                          | starting/stopping/modifying/…     | wait                                                     |
// | running   | database                          | failed, storage-full, …           | warning; services wait                                   |
// | running   | final snapshot, no such database  | available                         | restore under the same identifier and settings           |
// | running   | final snapshot, database back     | Aurora members missing            | create the members the snapshot names                    |
// | running   | final snapshot, database back     | complete                          | mark the snapshot restored                               |
// | running   | EC2 instance (not a bastion)      | stopped                           | start                                                    |
// | running   | ECS service scaled down by Steward| any database not yet available    | wait                                                     |
// | running   | ECS service scaled down by Steward| databases available               | restore autoscaling bounds, scale to saved count, unmark |
// | running   | ECS service not scaled by Steward | any                               | nothing: as found                                        |
// | stopped   | ECS service                       | not scaled down by Steward        | save count and bounds in tags, bounds 0/0, scale to 0    |
// | stopped   | ECS service scaled down by Steward| desired count > 0 again           | bounds 0/0, scale to 0 (saved state kept)                |
// | stopped   | ECS service                       | at 0, tasks still running         | wait                                                     |
// | stopped   | EC2 instance                      | running                           | stop                                                     |
// | stopped   | database                          | services not drained              | wait                                                     |
// | stopped   | database                          | available                         | stop (again, if Steward stopped it before: drift)        |
// | stopped   | database that can't stop          | available                         | warning (read replica, SQL Server Multi-AZ)              |
// | torn-down | services, instances               | as stopped                        | as stopped                                               |
// | torn-down | database, deletion protection on  | any                               | warning; stopped instead (never switched off)            |
// | torn-down | database without final snapshot   | available or stopped              | final snapshot tagged with its settings                  |
// | torn-down | database with final snapshot      | snapshot creating                 | wait                                                     |
// | torn-down | database with final snapshot      | snapshot available                | delete (Aurora: members, then cluster)                   |
// | torn-down | protected environment             | allow_teardown_until not future   | refused; converge to stopped                             |

/// The pure heart of the tier loop: desired state and what AWS holds in, the current phase's
/// actions out. No I/O and no clock of its own.
public struct TierPlanner: Sendable {
    public var ownerID: String

    public init(ownerID: String) {
        self.ownerID = ownerID
    }

    public func plan(desired: DesiredState, observed: ObservedTierResources, now: Date) -> TierPlan {
        var guarded = desired
        let verdict = ProtectedTeardownGuard(now: now).apply(to: &guarded)
        var plan = TierPlan(environment: desired.environment, tier: guarded.tier, refusals: verdict.refusals)
        let owned = ownedResources(observed, environment: desired.environment, drift: &plan.drift)
        switch plan.tier {
        case .running: planRunning(owned, all: observed, into: &plan)
        case .stopped: planDown(owned, teardown: false, now: now, into: &plan)
        case .tornDown: planDown(owned, teardown: true, now: now, into: &plan)
        }
        plan.notes.sort()
        plan.drift.sort()
        return plan
    }

    private func ownedResources(_ observed: ObservedTierResources, environment: EnvironmentName, drift: inout [DriftItem]) -> ObservedTierResources {
        let hint = "not owned (no \(StewardTag.owner)=\(ownerID) tag): left alone"
        var owned = observed
        owned.services = observed.services.filter { $0.isOwned(by: ownerID) }.sorted { $0.name < $1.name }
        owned.databases = observed.databases.filter { $0.isOwned(by: ownerID) }.sorted { $0.identifier < $1.identifier }
        owned.instances = observed.instances.filter { $0.isOwned(by: ownerID) }.sorted { $0.id < $1.id }
        owned.snapshots = observed.snapshots.filter { $0.isOwned(by: ownerID) }
        let unowned = observed.services.filter { !$0.isOwned(by: ownerID) }.map(\.resource.reference)
            + observed.databases.filter { !$0.isOwned(by: ownerID) }.map(\.resource.reference)
            + observed.instances.filter { !$0.isOwned(by: ownerID) }.map { ResourceReference.ec2Instances([$0.id]) }
        drift += unowned.map { DriftItem(kind: .unownedResource, severity: .medium, environment: environment, resource: $0, message: hint) }
        return owned
    }

    // MARK: running

    private func planRunning(_ owned: ObservedTierResources, all: ObservedTierResources, into plan: inout TierPlan) {
        var databasesReady = true
        for database in owned.databases {
            switch database.state {
            case .available: break
            case .stopped:
                plan.steps.append(TierStep(.startDatabase(database.resource), reason: "tier running"))
                databasesReady = false
            case .transitional(let status):
                plan.notes.append(TierNote(.wait, resource: database.resource.name, "is \(status)"))
                databasesReady = false
            case .deleting:
                plan.notes.append(TierNote(.wait, resource: database.resource.name, "is deleting; restored from its final snapshot once gone"))
                databasesReady = false
            case .needsAttention(let status):
                plan.notes.append(TierNote(.warning, resource: database.resource.name, "is \(status): needs a person; services stay down until it is available"))
                databasesReady = false
            }
        }
        databasesReady = planRestores(owned, all: all, into: &plan) && databasesReady

        let stopped = owned.instances.filter { $0.state == "stopped" }.map(\.id)
        if !stopped.isEmpty { plan.steps.append(TierStep(.startInstances(stopped), reason: "tier running")) }
        for instance in owned.instances where ["pending", "stopping"].contains(instance.state) {
            plan.notes.append(TierNote(.wait, resource: "ec2:\(instance.id)", "is \(instance.state)"))
        }

        for service in owned.services where service.isScaledDownBySteward {
            guard databasesReady else {
                plan.notes.append(TierNote(.wait, resource: service.resource.name, "scales up once the databases are available"))
                continue
            }
            guard let saved = service.savedState else {
                plan.notes.append(TierNote(.warning, resource: service.resource.name,
                                           "scaled down by Steward but its saved count tag is missing or invalid; set its desired count by hand"))
                continue
            }
            if let minimum = saved.minCapacity, let maximum = saved.maxCapacity, service.scalableTarget != nil,
               service.scalableTarget != ScalableCapacity(minCapacity: minimum, maxCapacity: maximum) {
                plan.steps.append(TierStep(.setScalableTarget(service.resource, ScalableCapacity(minCapacity: minimum, maxCapacity: maximum)),
                                           reason: "restore autoscaling bounds"))
            }
            if service.desiredCount != saved.desiredCount {
                plan.steps.append(TierStep(.scaleService(service.resource, desiredCount: saved.desiredCount), reason: "restore saved count"))
            }
            plan.steps.append(TierStep(.markServiceRestored(service.resource), reason: "back at its saved count"))
        }
    }

    /// Restores torn-down databases; true when nothing is pending.
    private func planRestores(_ owned: ObservedTierResources, all: ObservedTierResources, into plan: inout TierPlan) -> Bool {
        var ready = true
        let pending = Dictionary(grouping: owned.snapshots.filter { !$0.isConsumed }) { SnapshotSource($0.settings) }
        for source in pending.keys.sorted(by: { $0.identifier < $1.identifier }) {
            let snapshots = pending[source] ?? []
            if let database = all.databases.first(where: { $0.identifier == source.identifier && $0.kind == source.kind }) {
                // Back (restored, or the teardown never finished): recreate missing Aurora
                // members first, then the snapshots are history.
                let wanted = Self.latest(snapshots)?.settings.members ?? []
                let present = Set(database.settings.members.map(\.identifier))
                let missing = wanted.filter { !present.contains($0.identifier) }
                if !missing.isEmpty {
                    ready = false
                    guard database.state == .available else {
                        plan.notes.append(TierNote(.wait, resource: database.resource.name, "is \(database.status); members are created once it is available"))
                        continue
                    }
                    for member in missing {
                        plan.steps.append(TierStep(.createClusterMember(cluster: source.identifier, engine: database.settings.engine, member),
                                                   reason: "member named by the final snapshot"))
                    }
                    continue
                }
                for snapshot in snapshots.sorted(by: { $0.identifier < $1.identifier }) {
                    plan.steps.append(TierStep(.markSnapshotRestored(snapshot.resource), reason: "\(database.resource.name) exists again"))
                }
                continue
            }
            ready = false
            guard let latest = Self.latest(snapshots) else { continue }
            if latest.isAvailable {
                plan.steps.append(TierStep(.restoreDatabase(latest), reason: "torn down; tier running"))
            } else {
                plan.notes.append(TierNote(.wait, resource: latest.resource.name, "is \(latest.status); restored once available"))
            }
        }
        return ready
    }

    // MARK: stopped and torn-down

    private func planDown(_ owned: ObservedTierResources, teardown: Bool, now: Date, into plan: inout TierPlan) {
        let reason = teardown ? "tier torn-down" : "tier stopped"
        var drained = true
        for service in owned.services {
            var acting = false
            if !service.isScaledDownBySteward {
                let saved = SavedServiceState(desiredCount: service.desiredCount, minCapacity: service.scalableTarget?.minCapacity,
                                              maxCapacity: service.scalableTarget?.maxCapacity, scaledDownFor: teardown ? .tornDown : .stopped)
                plan.steps.append(TierStep(.saveServiceState(service.resource, saved), reason: "remember for running"))
                acting = true
            } else if teardown, var saved = service.savedState, saved.scaledDownFor != .tornDown {
                // Stopped first, torn down now: coming back must look for the final snapshots.
                saved.scaledDownFor = .tornDown
                plan.steps.append(TierStep(.saveServiceState(service.resource, saved), reason: "remember the teardown for running"))
            }
            if let target = service.scalableTarget, target != .zero {
                plan.steps.append(TierStep(.setScalableTarget(service.resource, .zero), reason: "so autoscaling can't undo the stop"))
                acting = true
            }
            if service.desiredCount != 0 {
                let why = service.isScaledDownBySteward ? "scaled up behind Steward's back; \(reason)" : reason
                plan.steps.append(TierStep(.scaleService(service.resource, desiredCount: 0), reason: why))
                if service.isScaledDownBySteward {
                    plan.drift.append(DriftItem(
                        kind: .serviceScaledUpWhileStopped, severity: .high, environment: plan.environment, resource: service.resource.reference,
                        message: "was scaled back up to \(service.desiredCount) while the tier is \(plan.tier.rawValue); scaling it to 0 again"))
                }
                acting = true
            }
            if acting {
                drained = false
            } else if !service.isDrained {
                plan.notes.append(TierNote(.wait, resource: service.resource.name, "\(service.runningCount + service.pendingCount) task(s) still draining"))
                drained = false
            }
        }

        let running = owned.instances.filter { $0.state == "running" }.map(\.id)
        if !running.isEmpty { plan.steps.append(TierStep(.stopInstances(running), reason: reason)) }
        for instance in owned.instances where ["pending", "stopping"].contains(instance.state) {
            plan.notes.append(TierNote(.wait, resource: "ec2:\(instance.id)", "is \(instance.state)"))
        }

        for database in owned.databases {
            guard drained else {
                plan.notes.append(TierNote(.wait, resource: database.resource.name, "waits for the services to scale down"))
                continue
            }
            if teardown, !database.deletionProtection {
                planTeardown(database, snapshots: owned.snapshots, now: now, into: &plan)
                continue
            }
            if teardown {
                plan.notes.append(TierNote(.warning, resource: database.resource.name,
                                           "deletion protection is on: Steward never switches it off, so it is stopped, not deleted; switch it off to tear it down"))
            }
            planStop(database, reason: reason, into: &plan)
        }
    }

    private func planStop(_ database: ObservedDatabase, reason: String, into plan: inout TierPlan) {
        switch database.state {
        case .available:
            if let cannot = database.cannotStopReason {
                plan.notes.append(TierNote(.warning, resource: database.resource.name, "stays available: \(cannot)"))
            } else if let stoppedAt = database.stoppedBySteward {
                plan.steps.append(TierStep(.stopDatabase(database.resource),
                                           reason: "started behind Steward's back (AWS restarts a stopped database after 7 days); stopping again"))
                plan.drift.append(DriftItem(
                    kind: .databaseStartedBehindSteward, severity: .high, environment: plan.environment, resource: database.resource.reference,
                    message: "is available although Steward stopped it at \(Timestamp.text(stoppedAt)) and the tier is \(plan.tier.rawValue) "
                        + "(AWS restarts a stopped database after 7 days, or someone started it); stopping it again"))
            } else {
                plan.steps.append(TierStep(.stopDatabase(database.resource), reason: reason))
            }
        case .stopped: break
        case .transitional(let status), .needsAttention(let status):
            plan.notes.append(TierNote(database.state == .transitional(status) ? .wait : .warning, resource: database.resource.name, "is \(status)"))
        case .deleting:
            plan.notes.append(TierNote(.wait, resource: database.resource.name, "is deleting"))
        }
    }

    private func planTeardown(_ database: ObservedDatabase, snapshots: [ObservedSnapshot], now: Date, into plan: inout TierPlan) {
        let finals = snapshots.filter { !$0.isConsumed && $0.settings.identifier == database.identifier && $0.settings.kind == database.kind }
        switch database.state {
        case .transitional(let status):
            plan.notes.append(TierNote(.wait, resource: database.resource.name, "is \(status)"))
            return
        case .deleting:
            plan.notes.append(TierNote(.wait, resource: database.resource.name, "is deleting"))
            return
        case .needsAttention(let status):
            plan.notes.append(TierNote(.warning, resource: database.resource.name, "is \(status): needs a person; not torn down"))
            return
        case .available, .stopped: break
        }
        if let final = finals.first(where: \.isAvailable) {
            plan.steps.append(TierStep(.deleteDatabase(database.resource, members: database.settings.members.map(\.identifier), finalSnapshot: final.identifier),
                                       reason: "tier torn-down; final snapshot seen available"))
        } else if let creating = Self.latest(finals) {
            plan.notes.append(TierNote(.wait, resource: database.resource.name, "final snapshot \(creating.identifier) is \(creating.status)"))
        } else {
            plan.steps.append(TierStep(.snapshotDatabase(database.settings, snapshotIdentifier: Self.snapshotIdentifier(database.identifier, now: now)),
                                       reason: "tier torn-down; nothing is deleted without a restorable snapshot"))
        }
    }

    /// `steward-<id>-<UTC yyyymmddhhmmss>`: a valid RDS snapshot identifier for any valid
    /// database identifier (letters, digits, single hyphens), unique per second.
    public static func snapshotIdentifier(_ identifier: String, now: Date) -> String {
        "steward-\(identifier)-" + Timestamp.text(now).filter(\.isNumber)
    }

    static func latest(_ snapshots: [ObservedSnapshot]) -> ObservedSnapshot? {
        snapshots.max { ($0.createdAt ?? .distantPast, $0.identifier) < ($1.createdAt ?? .distantPast, $1.identifier) }
    }

    private struct SnapshotSource: Hashable {
        var identifier: String
        var kind: DatabaseKind
        init(_ settings: DatabaseSettings) {
            identifier = settings.identifier
            kind = settings.kind
        }
    }
}
