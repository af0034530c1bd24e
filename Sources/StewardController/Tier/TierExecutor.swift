import Foundation
import Logging
import StewardAWS
import StewardCore

/// Runs a tier plan's steps in order. A failed step stops the later steps on the same
/// resource (a service isn't scaled to 0 if its count couldn't be saved); other resources go
/// on. "Not ready yet" answers from AWS are deferrals, not failures.
public struct TierExecutor: Sendable {
    public let clients: TierClients
    public let ownerID: String
    public let environmentTag: String
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(clients: TierClients, ownerID: String, environmentTag: String, logger: Logger = Logger(label: "steward.tier"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clients = clients
        self.ownerID = ownerID
        self.environmentTag = environmentTag
        self.logger = logger
        self.clock = clock
    }

    /// AWS error codes meaning "the resource is mid-transition; try again later".
    static let notReadyCodes: Set<AWSErrorCode> = [
        .invalidDBInstanceState, .invalidDBInstanceStateFault, .invalidDBClusterStateFault, .invalidDBSnapshotState,
        .invalidDBClusterSnapshotStateFault, .incorrectInstanceState, .incorrectState,
    ]
    /// Codes meaning the change is already in place.
    static let convergedCodes: Set<AWSErrorCode> = [.dbSnapshotAlreadyExists, .dbClusterSnapshotAlreadyExistsFault, .dbInstanceAlreadyExists, .dbClusterAlreadyExistsFault]

    /// Runs the plan's steps. Steps on one resource run in order (the order is the safety); steps
    /// on different resources of one phase don't depend on each other and run at once.
    public func execute(_ plan: TierPlan) async -> TierExecution {
        var byResource: [(String, [(Int, TierStep)])] = []
        for (index, step) in plan.steps.enumerated() {
            let name = step.action.resource.name
            if let position = byResource.firstIndex(where: { $0.0 == name }) {
                byResource[position].1.append((index, step))
            } else {
                byResource.append((name, [(index, step)]))
            }
        }
        let done = await withTaskGroup(of: [(Int, ActionResult, TierExecution.ServiceCounts?)].self) { group in
            for (_, steps) in byResource {
                group.addTask { await self.execute(steps, of: plan) }
            }
            var all: [(Int, ActionResult, TierExecution.ServiceCounts?)] = []
            for await results in group { all += results }
            return all.sorted { $0.0 < $1.0 }
        }
        var execution = TierExecution()
        execution.results = done.map(\.1)
        for (index, _, counts) in done {
            if let counts { execution.scaledServices[plan.steps[index].action.resource.name] = counts }
        }
        return execution
    }

    /// One resource's steps, in order; a step that fails or must wait holds the later ones back.
    private func execute(_ steps: [(Int, TierStep)], of plan: TierPlan) async -> [(Int, ActionResult, TierExecution.ServiceCounts?)] {
        var results: [(Int, ActionResult, TierExecution.ServiceCounts?)] = []
        var blocked = false
        for (index, step) in steps {
            let resource = step.action.resource.name
            guard !blocked else {
                results.append((index, result(step, plan, .refused, "an earlier step on \(resource) did not complete"), nil))
                continue
            }
            do {
                let counts = try await perform(step.action, environment: plan.environment)
                results.append((index, result(step, plan, .applied, nil), counts))
            } catch let error as AWSError where Self.convergedCodes.contains(error.code) {
                results.append((index, result(step, plan, .converged, error.code.rawValue), nil))
            } catch let error as AWSError where Self.notReadyCodes.contains(error.code) {
                blocked = true
                results.append((index, result(step, plan, .deferred, "\(error.code): \(error.message)"), nil))
            } catch {
                blocked = true
                logger.error("tier action failed", metadata: ["resource": "\(resource)", "action": "\(step.action.kind.rawValue)", "error": "\(error)"])
                results.append((index, result(step, plan, .failed, "\(error)"), nil))
            }
        }
        return results
    }

    private func result(_ step: TierStep, _ plan: TierPlan, _ outcome: ActionResult.Outcome, _ message: String?) -> ActionResult {
        ActionResult(kind: step.action.kind, environment: plan.environment, resource: step.action.resource.reference,
                     target: .setting(step.action.summary), reason: step.reason, outcome: outcome, message: message)
    }

    private func ownedTags(_ environment: EnvironmentName) -> [AWSTag] {
        [AWSTag(key: StewardTag.owner, value: ownerID), AWSTag(key: environmentTag, value: environment.rawValue)]
    }

    /// Sends one action; a scaling returns the counts ECS answered with.
    private func perform(_ action: TierAction, environment: EnvironmentName) async throws -> TierExecution.ServiceCounts? {
        switch action {
        case .saveServiceState(.service(_, _, let arn), let saved):
            try await clients.ecs.tagResource(arn: arn, tags: saved.tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) })
        case .setScalableTarget(.service(let cluster, let name, _), let capacity):
            try await clients.autoScaling.registerScalableTarget(
                serviceNamespace: "ecs", resourceID: "service/\(cluster)/\(name)", scalableDimension: TierObserver.ecsDimension,
                minCapacity: capacity.minCapacity, maxCapacity: capacity.maxCapacity)
        case .scaleService(.service(let cluster, let name, _), let count):
            let service = try await clients.ecs.updateService(cluster: cluster, service: name, desiredCount: count)
            return TierExecution.ServiceCounts(desired: service.desiredCount, running: service.runningCount, pending: service.pendingCount)
        case .markServiceRestored(.service(_, _, let arn)):
            try await clients.ecs.tagResource(arn: arn, tags: [AWSTag(key: StewardTag.scaledDown, value: "false")])
        case .startDatabase(.database(.instance, let identifier, _)):
            try await clients.rds.startDBInstance(identifier: identifier)
        case .startDatabase(.database(.cluster, let identifier, _)):
            _ = try await clients.rds.startDBCluster(identifier: identifier)
        case .stopDatabase(.database(let kind, let identifier, let arn)):
            if kind == .instance { try await clients.rds.stopDBInstance(identifier: identifier) } else { _ = try await clients.rds.stopDBCluster(identifier: identifier) }
            try await clients.rds.addTagsToResource(arn: arn, tags: [AWSTag(key: StewardTag.stoppedAt, value: Timestamp.text(clock()))])
        case .snapshotDatabase(let settings, let snapshotIdentifier):
            let tags = settings.snapshotTags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) } + ownedTags(environment)
            if settings.kind == .instance {
                _ = try await clients.rds.createDBSnapshot(instanceIdentifier: settings.identifier, snapshotIdentifier: snapshotIdentifier, tags: tags)
            } else {
                _ = try await clients.rds.createDBClusterSnapshot(clusterIdentifier: settings.identifier, snapshotIdentifier: snapshotIdentifier, tags: tags)
            }
        case .deleteDatabase(.database(let kind, let identifier, _), let members, let finalSnapshot):
            try await verifySnapshot(finalSnapshot, kind: kind, source: identifier)
            if kind == .instance {
                try await clients.rds.deleteDBInstance(identifier: identifier, finalSnapshot: .skip)
            } else {
                for member in members {
                    do {
                        try await clients.rds.deleteDBInstance(identifier: member, finalSnapshot: .skip)
                    } catch let error as AWSError where error.code == .dbInstanceNotFound || error.code == .dbInstanceNotFoundFault {
                        continue
                    }
                }
                try await clients.rds.deleteDBCluster(identifier: identifier, finalSnapshot: .skip)
            }
        case .restoreDatabase(let snapshot):
            let settings = snapshot.settings
            var options = RDSRestoreOptions(
                vpcSecurityGroupIDs: settings.securityGroups, parameterGroupName: settings.parameterGroup, subnetGroupName: settings.subnetGroup,
                instanceClass: settings.instanceClass, port: settings.port, tags: ownedTags(environment))
            if settings.kind == .instance {
                try await clients.rds.restoreDBInstanceFromDBSnapshot(identifier: settings.identifier, snapshotIdentifier: snapshot.identifier, options: options)
            } else {
                options.instanceClass = nil
                options.engineVersion = settings.engineVersion
                try await clients.rds.restoreDBClusterFromSnapshot(identifier: settings.identifier, snapshotIdentifier: snapshot.identifier, engine: settings.engine, options: options)
            }
        case .createClusterMember(let cluster, let engine, let member):
            try await clients.rds.createDBInstance(identifier: member.identifier, instanceClass: member.instanceClass, engine: engine,
                                                   clusterIdentifier: cluster, tags: ownedTags(environment))
        case .markSnapshotRestored(.snapshot(_, _, let arn)):
            try await clients.rds.addTagsToResource(arn: arn, tags: [AWSTag(key: StewardTag.restoredAt, value: Timestamp.text(clock()))])
        case .startInstances(let ids):
            _ = try await clients.ec2.startInstances(ids)
        case .stopInstances(let ids):
            _ = try await clients.ec2.stopInstances(ids)
        default:
            throw TierExecutionError.mismatchedResource(action: action.kind.rawValue, resource: action.resource.name)
        }
        return nil
    }

    /// Looks at the final snapshot once more just before a delete: a plan confirmed minutes
    /// ago must not delete a database whose snapshot has since gone or failed.
    private func verifySnapshot(_ identifier: String, kind: DatabaseKind, source: String) async throws {
        let status: String?
        if kind == .instance {
            status = try await clients.rds.describeDBSnapshots(snapshotIdentifier: identifier).first { $0.instanceIdentifier == source }?.status
        } else {
            status = try await clients.rds.describeDBClusterSnapshots(snapshotIdentifier: identifier).first { $0.clusterIdentifier == source }?.status
        }
        guard status == "available" else {
            throw TierExecutionError.finalSnapshotNotAvailable(snapshot: identifier, database: source, status: status)
        }
    }
}
