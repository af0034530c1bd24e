/// One AWS change the tier loop wants. The executor runs a plan's actions in order; the order
/// is the safety (tags saved before scaling, snapshot seen before delete).
public enum TierAction: Sendable, Hashable {
    /// Tags the service with its count and autoscaling bounds before it is scaled to zero.
    case saveServiceState(TierResource, SavedServiceState)
    case setScalableTarget(TierResource, ScalableCapacity)
    case scaleService(TierResource, desiredCount: Int)
    /// Clears the scaled-down mark once the service is back, so later changes by people or
    /// autoscaling are left alone.
    case markServiceRestored(TierResource)
    case startDatabase(TierResource)
    /// Also tags the database with the time, to recognise a restart behind Steward's back.
    case stopDatabase(TierResource)
    case snapshotDatabase(DatabaseSettings, snapshotIdentifier: String)
    /// Only ever planned once the named final snapshot has been seen `available`. Aurora
    /// members are deleted first, then the cluster.
    case deleteDatabase(TierResource, members: [String], finalSnapshot: String)
    case restoreDatabase(ObservedSnapshot)
    case createClusterMember(cluster: String, engine: String, DatabaseMember)
    case markSnapshotRestored(TierResource)
    case startInstances([String])
    case stopInstances([String])

    public var kind: ActionResult.Kind {
        switch self {
        case .saveServiceState, .markServiceRestored: .saveServiceState
        case .setScalableTarget: .setScalableTarget
        case .scaleService: .scaleService
        case .startDatabase: .startDatabase
        case .stopDatabase: .stopDatabase
        case .snapshotDatabase: .snapshotDatabase
        case .deleteDatabase: .deleteDatabase
        case .restoreDatabase, .createClusterMember: .restoreDatabase
        case .markSnapshotRestored: .tagDatabase
        case .startInstances: .startInstance
        case .stopInstances: .stopInstance
        }
    }

    public var resource: TierResource {
        switch self {
        case .saveServiceState(let resource, _), .setScalableTarget(let resource, _), .scaleService(let resource, _),
             .markServiceRestored(let resource), .startDatabase(let resource), .stopDatabase(let resource),
             .deleteDatabase(let resource, _, _), .markSnapshotRestored(let resource):
            resource
        case .snapshotDatabase(let settings, _): .database(settings.kind, identifier: settings.identifier, arn: "")
        case .restoreDatabase(let snapshot): .database(snapshot.settings.kind, identifier: snapshot.settings.identifier, arn: "")
        case .createClusterMember(_, _, let member): .database(.instance, identifier: member.identifier, arn: "")
        case .startInstances(let ids), .stopInstances(let ids): .instances(ids)
        }
    }

    /// What the line in a plan says after the resource.
    public var summary: String {
        switch self {
        case .saveServiceState(_, let saved):
            "save desired count \(saved.desiredCount)"
                + (saved.minCapacity.map { " and autoscaling \($0)…\(saved.maxCapacity ?? $0)" } ?? "") + " in tags"
        case .setScalableTarget(_, let capacity): "set autoscaling min \(capacity.minCapacity) max \(capacity.maxCapacity)"
        case .scaleService(_, let count): "scale to \(count)"
        case .markServiceRestored: "mark restored"
        case .startDatabase: "start"
        case .stopDatabase: "stop"
        case .snapshotDatabase(_, let id): "final snapshot \(id)"
        case .deleteDatabase(_, let members, let snapshot):
            "delete (final snapshot \(snapshot) is available)" + (members.isEmpty ? "" : " with members \(members.joined(separator: ", "))")
        case .restoreDatabase(let snapshot): "restore from \(snapshot.identifier)"
        case .createClusterMember(let cluster, _, let member): "create member of \(cluster) (\(member.instanceClass))"
        case .markSnapshotRestored: "mark restored"
        case .startInstances: "start"
        case .stopInstances: "stop"
        }
    }

    /// Deletions: the budget and `--force` apply to these.
    public var isDestructive: Bool {
        if case .deleteDatabase = self { return true }
        return false
    }
}
