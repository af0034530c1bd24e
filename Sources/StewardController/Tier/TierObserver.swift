import Foundation
import StewardAWS
import StewardCore

/// Reads the tier resources of the given environments: per environment its ECS services
/// (ListServices, DescribeServices per 10, one DescribeScalableTargets), and for all of them
/// together the RDS instances, Aurora clusters and their final snapshots (RDS has no tag
/// filters, so those are filtered here by the environment tag). EC2 instances come from the
/// pass's one DescribeInstances, shared with the bastions.
public struct TierObserver: Sendable {
    public let clients: TierClients
    public let configuration: StewardConfiguration

    public init(clients: TierClients, configuration: StewardConfiguration) {
        self.clients = clients
        self.configuration = configuration
    }

    static let ecsDimension = "ecs:service:DesiredCount"

    /// Reads only what a plan for the given tiers can need: autoscaling targets when services
    /// are to be scaled down or brought back, final snapshots when tearing down or when a
    /// restore could be pending (`ObservedTierResources.needsSnapshots`). Reads that don't
    /// depend on each other run at once.
    /// - Parameters:
    ///   - tiers: the tier each environment is planned for; an environment without one gets
    ///     every read (status of an environment Steward doesn't plan, orphans).
    ///   - instances: the pass's EC2 instances (any environment); nil reads the environments' own.
    ///   - isOrphan: which environment names found on Steward's resources desired state no
    ///     longer has: their owned resources come back as `orphans`, never to be acted on.
    /// - Parameter shared: the pass's one DescribeInstances (shared with bastions), awaited
    ///   beside the ECS and RDS reads rather than before them; nil reads the instances here.
    public func observe(_ environments: [EnvironmentName], tiers: [EnvironmentName: Tier] = [:],
                        instances shared: (@Sendable () async throws -> [EC2Instance])? = nil,
                        isOrphan: @Sendable (EnvironmentName) -> Bool = { _ in false }) async throws -> TierObservation {
        guard !environments.isEmpty else { return TierObservation() }
        let wanted = Set(environments.map(\.rawValue))
        let tagKey = configuration.tiers.environmentTag
        let ownerID = configuration.ownerID

        async let services = observeServices(environments) { environment, services in
            tiers[environment].map { ObservedTierResources.needsScalableTargets(for: $0, services: services, ownerID: ownerID) } ?? true
        }
        async let databases = observeDatabases(tagKey: tagKey)
        async let read: [EC2Instance] = {
            if let shared { return try await shared() }
            return try await readInstances(environments, tagKey: tagKey)
        }()

        var observation = TierObservation()
        for environment in environments { observation.resources[environment] = ObservedTierResources(environment: environment) }
        let (serviceResult, allDatabases, instances) = try await (services, databases, read)
        let instanceList = Self.tierInstances(instances, tagKey: tagKey)
        for (environment, result) in serviceResult {
            switch result {
            case .success(let list): observation.resources[environment]?.services = list
            case .failure(let problem): observation.problems[environment] = problem.description
            }
        }
        for (environment, database) in allDatabases where wanted.contains(environment.rawValue) {
            observation.resources[environment]?.databases.append(database)
        }
        for (environment, instance) in instanceList where wanted.contains(environment.rawValue) {
            observation.resources[environment]?.instances.append(instance)
        }
        let snapshotsNeeded = environments.contains { environment in
            guard let tier = tiers[environment] else { return true }
            return observation.resources[environment]?.needsSnapshots(for: tier, ownerID: ownerID) ?? true
        }
        if snapshotsNeeded {
            for (environment, snapshot) in try await observeSnapshots(wanted: wanted, tagKey: tagKey) {
                observation.resources[environment]?.snapshots.append(snapshot)
            }
        }
        for (environment, database) in allDatabases where isOrphan(environment) && database.isOwned(by: ownerID) {
            observation.orphans[environment, default: ObservedTierResources(environment: environment)].databases.append(database)
        }
        for (environment, instance) in instanceList where isOrphan(environment) && instance.isOwned(by: ownerID) {
            observation.orphans[environment, default: ObservedTierResources(environment: environment)].instances.append(instance)
        }
        for (environment, services) in try await observeOrphanServices(Set(observation.orphans.keys).union(configuredOrphans(isOrphan))) {
            observation.orphans[environment, default: ObservedTierResources(environment: environment)].services = services.filter { $0.isOwned(by: ownerID) }
        }
        observation.orphans = observation.orphans.filter { !$0.value.services.isEmpty || !$0.value.databases.isEmpty || !$0.value.instances.isEmpty }
        return observation
    }

    /// The current status of the given databases, read by identifier, all at once: what the
    /// next phase of a transition waits on, without describing the whole account again.
    public func statuses(of databases: [TierResource]) async throws -> [String: String] {
        try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for database in databases {
                guard case .database(let kind, let identifier, _) = database else { continue }
                group.addTask {
                    let status = kind == .instance
                        ? try await clients.rds.describeDBInstances(identifier: identifier).first?.status
                        : try await clients.rds.describeDBClusters(identifier: identifier).first?.status
                    return (database.name, status)
                }
            }
            var found: [String: String] = [:]
            for try await (name, status) in group { found[name] = status ?? "deleted" }
            return found
        }
    }

    /// Environments steward.yaml configures that desired state no longer has: their clusters
    /// are where orphaned services would be.
    private func configuredOrphans(_ isOrphan: (EnvironmentName) -> Bool) -> Set<EnvironmentName> {
        Set(configuration.environments.keys.filter(isOrphan))
    }

    /// Services of environments desired state no longer has, found in the clusters those
    /// environments name; a cluster that doesn't exist holds none.
    private func observeOrphanServices(_ environments: Set<EnvironmentName>) async throws -> [(EnvironmentName, [ObservedService])] {
        guard !environments.isEmpty else { return [] }
        var found: [(EnvironmentName, [ObservedService])] = []
        for (environment, result) in try await observeServices(environments.sorted(), readTargets: { _, _ in false }) {
            if case .success(let services) = result { found.append((environment, services)) }
        }
        return found
    }

    // MARK: ECS

    /// - Parameter readTargets: whether a plan can need the autoscaling targets of these services.
    private func observeServices(
        _ environments: [EnvironmentName], readTargets: @escaping @Sendable (EnvironmentName, [ObservedService]) -> Bool
    ) async throws -> [(EnvironmentName, Result<[ObservedService], ObservationProblem>)] {
        try await withThrowingTaskGroup(of: (EnvironmentName, Result<[ObservedService], ObservationProblem>).self) { group in
            for environment in environments {
                group.addTask { (environment, try await observeServices(of: environment, readTargets: readTargets)) }
            }
            var results: [(EnvironmentName, Result<[ObservedService], ObservationProblem>)] = []
            for try await result in group { results.append(result) }
            return results
        }
    }

    struct ObservationProblem: Error, CustomStringConvertible {
        var description: String
    }

    private func observeServices(
        of environment: EnvironmentName, readTargets: (EnvironmentName, [ObservedService]) -> Bool
    ) async throws -> Result<[ObservedService], ObservationProblem> {
        let cluster = configuration.ecsCluster(for: environment)
        let arns: [String]
        do {
            arns = try await clients.ecs.listServices(cluster: cluster)
        } catch let error as AWSError where error.code == .clusterNotFound {
            // An environment without an ECS cluster simply has no services.
            return .success([])
        }
        guard !arns.isEmpty else { return .success([]) }
        let described = try await clients.ecs.describeServices(cluster: cluster, services: arns)
        if let failure = described.failures.first {
            return .failure(ObservationProblem(description: "\(environment): ECS could not describe \(failure.arn ?? "a service") of cluster \(cluster): \(failure.reason ?? "unknown reason")"))
        }
        let active = described.services.filter { ($0.status ?? "ACTIVE") == "ACTIVE" }
        var services = active.map { service in
            ObservedService(
                cluster: cluster, name: service.serviceName, arn: service.serviceArn, desiredCount: service.desiredCount,
                runningCount: service.runningCount, pendingCount: service.pendingCount, tags: Self.dictionary(service.tags)
            )
        }
        guard readTargets(environment, services) else { return .success(services) }
        var targets: [String: ScalableCapacity] = [:]
        let resourceIDs = services.map(\.scalableResourceID)
        var start = 0
        while start < resourceIDs.count {
            // DescribeScalableTargets takes at most 50 resource ids.
            let batch = Array(resourceIDs[start..<min(start + 50, resourceIDs.count)])
            for target in try await clients.autoScaling.describeScalableTargets(serviceNamespace: "ecs", resourceIDs: batch, scalableDimension: Self.ecsDimension) {
                targets[target.resourceID] = ScalableCapacity(minCapacity: target.minCapacity, maxCapacity: target.maxCapacity)
            }
            start += 50
        }
        for index in services.indices { services[index].scalableTarget = targets[services[index].scalableResourceID] }
        return .success(services)
    }

    // MARK: RDS

    /// Every database that names an environment, wanted or not (orphans are found here too).
    private func observeDatabases(tagKey: String) async throws -> [(EnvironmentName, ObservedDatabase)] {
        async let instancesCall = clients.rds.describeDBInstances()
        async let clustersCall = clients.rds.describeDBClusters()
        let (instances, clusters) = try await (instancesCall, clustersCall)
        var result: [(EnvironmentName, ObservedDatabase)] = []
        let memberClasses = Dictionary(instances.map { ($0.identifier, $0.instanceClass ?? "") }, uniquingKeysWith: { first, _ in first })
        for instance in instances where instance.clusterIdentifier == nil {
            let tags = Self.dictionary(instance.tags)
            guard let environment = Self.environment(tags[tagKey]) else { continue }
            let settings = DatabaseSettings(
                identifier: instance.identifier, kind: .instance, engine: instance.engine, engineVersion: instance.engineVersion,
                instanceClass: instance.instanceClass, port: instance.port, subnetGroup: instance.subnetGroupName,
                securityGroups: instance.vpcSecurityGroupIDs, parameterGroup: instance.parameterGroupName
            )
            result.append((environment, ObservedDatabase(
                settings: settings, arn: instance.arn, status: instance.status, deletionProtection: instance.deletionProtection,
                isReadReplica: instance.readReplicaSource != nil, multiAZ: instance.multiAZ, tags: tags)))
        }
        for cluster in clusters {
            let tags = Self.dictionary(cluster.tags)
            guard let environment = Self.environment(tags[tagKey]) else { continue }
            let settings = DatabaseSettings(
                identifier: cluster.identifier, kind: .cluster, engine: cluster.engine, engineVersion: cluster.engineVersion,
                port: cluster.port, subnetGroup: cluster.subnetGroupName, securityGroups: cluster.vpcSecurityGroupIDs,
                parameterGroup: cluster.parameterGroupName,
                members: cluster.memberInstanceIdentifiers.map { DatabaseMember(identifier: $0, instanceClass: memberClasses[$0] ?? "") }
            )
            result.append((environment, ObservedDatabase(
                settings: settings, arn: cluster.arn, status: cluster.status, deletionProtection: cluster.deletionProtection, tags: tags)))
        }
        return result
    }

    private func observeSnapshots(wanted: Set<String>, tagKey: String) async throws -> [(EnvironmentName, ObservedSnapshot)] {
        async let instanceSnapshots = clients.rds.describeDBSnapshots()
        async let clusterSnapshots = clients.rds.describeDBClusterSnapshots()
        let (instances, clusters) = try await (instanceSnapshots, clusterSnapshots)
        var result: [(EnvironmentName, ObservedSnapshot)] = []
        func add(identifier: String, arn: String?, status: String, createdAt: Date?, tags awsTags: [AWSTag]) {
            let tags = Self.dictionary(awsTags)
            guard let environment = Self.environment(tags[tagKey], wanted: wanted),
                  let settings = DatabaseSettings(snapshotTags: tags) else { return }
            result.append((environment, ObservedSnapshot(identifier: identifier, arn: arn ?? "", status: status, createdAt: createdAt, settings: settings, tags: tags)))
        }
        for snapshot in instances { add(identifier: snapshot.identifier, arn: snapshot.arn, status: snapshot.status, createdAt: snapshot.createdAt, tags: snapshot.tags) }
        for snapshot in clusters { add(identifier: snapshot.identifier, arn: snapshot.arn, status: snapshot.status, createdAt: snapshot.createdAt, tags: snapshot.tags) }
        return result
    }

    // MARK: EC2

    /// The environments' own instances, when the pass's shared read isn't at hand (a later round).
    private func readInstances(_ environments: [EnvironmentName], tagKey: String) async throws -> [EC2Instance] {
        try await clients.ec2.describeInstances(filters: [
            EC2Filter(name: "tag:\(tagKey)", values: environments.map(\.rawValue)),
            EC2Filter(name: "instance-state-name", values: Self.liveInstanceStates),
        ])
    }

    /// Instances that count while they exist or may run again.
    static let liveInstanceStates = ["pending", "running", "stopping", "stopped"]

    /// Instances of any environment, bastions left out: they live by their leases, not by the tier.
    static func tierInstances(_ instances: [EC2Instance], tagKey: String) -> [(EnvironmentName, ObservedInstance)] {
        var seen: Set<String> = []
        return instances.compactMap { instance in
            let tags = dictionary(instance.tags)
            guard seen.insert(instance.instanceID).inserted, liveInstanceStates.contains(instance.state),
                  tags[StewardTag.role] != StewardTag.bastionRole, let environment = environment(tags[tagKey]) else { return nil }
            return (environment, ObservedInstance(id: instance.instanceID, state: instance.state, instanceType: instance.instanceType, tags: tags))
        }
    }

    static func dictionary(_ tags: [AWSTag]) -> [String: String] {
        Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    static func environment(_ value: String?, wanted: Set<String>) -> EnvironmentName? {
        guard let value, wanted.contains(value) else { return nil }
        return try? EnvironmentName(value)
    }

    static func environment(_ value: String?) -> EnvironmentName? {
        value.flatMap { try? EnvironmentName($0) }
    }
}
