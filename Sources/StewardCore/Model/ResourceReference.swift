/// Names one AWS resource that Steward reads, acts on or reports, with enough to find it again.
/// Action results, drift items and audit lines all carry one, so nothing downstream has to
/// parse an id back out of a sentence.
public enum ResourceReference: Sendable, Hashable, Comparable {
    case securityGroup(id: String)
    case securityGroupRule(groupID: String, ruleID: String)
    case prefixList(id: String)
    /// A list the same plan creates; it has no id until then.
    case newPrefixList(family: AddressFamily)
    case ecsService(cluster: String, name: String)
    case rdsInstance(identifier: String)
    case auroraCluster(identifier: String)
    case databaseSnapshot(identifier: String)
    /// One EC2 start or stop call covers every instance of the environment at once.
    case ec2Instances([String])
    case bastion(instanceID: String)
    /// What a bastion launch names before AWS has answered with an instance.
    case launchTemplate(name: String)
    /// A desired-state file or table row, by the path diagnostics name it with.
    case desiredState(source: String)

    /// A stable kind name for JSON and finding ids.
    public var type: String {
        switch self {
        case .securityGroup: "security-group"
        case .securityGroupRule: "security-group-rule"
        case .prefixList, .newPrefixList: "prefix-list"
        case .ecsService: "ecs-service"
        case .rdsInstance: "rds-instance"
        case .auroraCluster: "aurora-cluster"
        case .databaseSnapshot: "db-snapshot"
        case .ec2Instances: "ec2-instance"
        case .bastion: "bastion"
        case .launchTemplate: "launch-template"
        case .desiredState: "desired-state"
        }
    }

    /// The AWS identifier (or, for an ECS service, `cluster/name`; for a rule, `group/rule`).
    public var id: String {
        switch self {
        case .securityGroup(let id), .prefixList(let id): id
        case .securityGroupRule(let group, let rule): "\(group)/\(rule)"
        case .newPrefixList(let family): "new-\(family.rawValue)"
        case .ecsService(let cluster, let name): "\(cluster)/\(name)"
        case .rdsInstance(let identifier), .auroraCluster(let identifier), .databaseSnapshot(let identifier): identifier
        case .ec2Instances(let ids): ids.joined(separator: ",")
        case .bastion(let id): id
        case .launchTemplate(let name): name
        case .desiredState(let source): source
        }
    }

    /// The name AWS's own tools and CloudTrail know the resource by.
    public var awsName: String {
        switch self {
        case .securityGroupRule(_, let rule): rule
        case .ecsService(_, let name): name
        default: id
        }
    }

    public static func < (lhs: ResourceReference, rhs: ResourceReference) -> Bool {
        (lhs.type, lhs.id) < (rhs.type, rhs.id)
    }
}

extension ResourceReference: CustomStringConvertible {
    /// Short, stable text for plans, audit lines and chat: `ecs:dev/api`, `rds:dev-db`, an id.
    public var description: String {
        switch self {
        case .securityGroup(let id), .prefixList(let id): id
        case .securityGroupRule(let group, let rule): "\(group) \(rule)"
        case .newPrefixList(let family): "(new \(family.rawValue) list)"
        case .ecsService(let cluster, let name): "ecs:\(cluster)/\(name)"
        case .rdsInstance(let identifier): "rds:\(identifier)"
        case .auroraCluster(let identifier): "aurora:\(identifier)"
        case .databaseSnapshot(let identifier): "snapshot:\(identifier)"
        case .ec2Instances(let ids): "ec2:\(ids.joined(separator: ","))"
        case .bastion(let id): id
        case .launchTemplate(let name): name
        case .desiredState(let source): source
        }
    }
}
