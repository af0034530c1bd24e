/// Names what a tier action acts on, with what the AWS call needs.
public enum TierResource: Sendable, Hashable, Comparable {
    case service(cluster: String, name: String, arn: String)
    case database(DatabaseKind, identifier: String, arn: String)
    case snapshot(DatabaseKind, identifier: String, arn: String)
    case instances([String])

    /// Short, stable text for plans, audit lines and warnings.
    public var name: String {
        reference.description
    }

    /// The resource as reports name it.
    public var reference: ResourceReference {
        switch self {
        case .service(let cluster, let name, _): .ecsService(cluster: cluster, name: name)
        case .database(.instance, let identifier, _): .rdsInstance(identifier: identifier)
        case .database(.cluster, let identifier, _): .auroraCluster(identifier: identifier)
        case .snapshot(_, let identifier, _): .databaseSnapshot(identifier: identifier)
        case .instances(let ids): .ec2Instances(ids)
        }
    }

    public static func < (lhs: TierResource, rhs: TierResource) -> Bool { lhs.name < rhs.name }
}

extension ObservedService {
    public var resource: TierResource { .service(cluster: cluster, name: name, arn: arn) }
}

extension ObservedDatabase {
    public var resource: TierResource { .database(kind, identifier: identifier, arn: arn) }
}

extension ObservedSnapshot {
    public var resource: TierResource { .snapshot(settings.kind, identifier: identifier, arn: arn) }
}
