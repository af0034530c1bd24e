import Foundation

extension ObservedTierResources {
    /// What AWS would hold once `action` has taken full effect. Lets `plan` show every phase
    /// of a transition up front, and lets tests check that plans converge.
    public func simulating(_ action: TierAction, now: Date) -> ObservedTierResources {
        var next = self
        switch action {
        case .saveServiceState(let resource, let saved):
            next.updateService(resource) { $0.tags.merge(saved.tags) { $1 } }
        case .setScalableTarget(let resource, let capacity):
            next.updateService(resource) { $0.scalableTarget = capacity }
        case .scaleService(let resource, let count):
            next.updateService(resource) {
                $0.desiredCount = count
                $0.runningCount = count
                $0.pendingCount = 0
            }
        case .markServiceRestored(let resource):
            next.updateService(resource) { $0.tags[StewardTag.scaledDown] = "false" }
        case .startDatabase(let resource):
            next.updateDatabase(resource) { $0.status = "available" }
        case .stopDatabase(let resource):
            next.updateDatabase(resource) {
                $0.status = "stopped"
                $0.tags[StewardTag.stoppedAt] = Timestamp.text(now)
            }
        case .snapshotDatabase(let settings, let identifier):
            var tags = settings.snapshotTags
            tags[StewardTag.owner] = databases.first { $0.identifier == settings.identifier }?.tags[StewardTag.owner]
            next.snapshots.append(ObservedSnapshot(identifier: identifier, arn: "", status: "available", createdAt: now, settings: settings, tags: tags))
        case .deleteDatabase(let resource, _, _):
            next.databases.removeAll { $0.resource.name == resource.name }
        case .restoreDatabase(let snapshot):
            var settings = snapshot.settings
            settings.members = []
            next.databases.append(ObservedDatabase(settings: settings, arn: "", status: "available",
                                                   tags: [StewardTag.owner: snapshot.tags[StewardTag.owner] ?? ""]))
        case .createClusterMember(let cluster, _, let member):
            next.updateDatabase(.database(.cluster, identifier: cluster, arn: "")) { $0.settings.members.append(member) }
        case .markSnapshotRestored(let resource):
            if let index = next.snapshots.firstIndex(where: { $0.resource.name == resource.name }) {
                next.snapshots[index].tags[StewardTag.restoredAt] = Timestamp.text(now)
            }
        case .startInstances(let ids):
            for index in next.instances.indices where ids.contains(next.instances[index].id) { next.instances[index].state = "running" }
        case .stopInstances(let ids):
            for index in next.instances.indices where ids.contains(next.instances[index].id) { next.instances[index].state = "stopped" }
        }
        return next
    }

    private mutating func updateService(_ resource: TierResource, _ change: (inout ObservedService) -> Void) {
        if let index = services.firstIndex(where: { $0.resource.name == resource.name }) { change(&services[index]) }
    }

    private mutating func updateDatabase(_ resource: TierResource, _ change: (inout ObservedDatabase) -> Void) {
        if let index = databases.firstIndex(where: { $0.resource.name == resource.name }) { change(&databases[index]) }
    }
}
