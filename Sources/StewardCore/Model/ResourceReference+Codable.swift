/// As JSON: `{"type": "ecs-service", "id": "dev/api", "display": "ecs:dev/api"}` — what scripts
/// key on, and what people read — decoded back from `type` and `id` alone.
extension ResourceReference: Codable {
    private enum CodingKeys: String, CodingKey { case type, id, display }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let id = try container.decode(String.self, forKey: .id)
        func pair() throws -> (String, String) {
            guard let slash = id.firstIndex(of: "/") else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "a \(type) id is 'parent/name'")
            }
            return (String(id[..<slash]), String(id[id.index(after: slash)...]))
        }
        switch type {
        case "security-group": self = .securityGroup(id: id)
        case "security-group-rule": let (group, rule) = try pair(); self = .securityGroupRule(groupID: group, ruleID: rule)
        case "prefix-list":
            if id.hasPrefix("new-"), let family = AddressFamily(rawValue: String(id.dropFirst(4))) {
                self = .newPrefixList(family: family)
            } else {
                self = .prefixList(id: id)
            }
        case "ecs-service": let (cluster, name) = try pair(); self = .ecsService(cluster: cluster, name: name)
        case "rds-instance": self = .rdsInstance(identifier: id)
        case "aurora-cluster": self = .auroraCluster(identifier: id)
        case "db-snapshot": self = .databaseSnapshot(identifier: id)
        case "ec2-instance": self = .ec2Instances(id.split(separator: ",").map(String.init))
        case "bastion": self = .bastion(instanceID: id)
        case "launch-template": self = .launchTemplate(name: id)
        case "desired-state": self = .desiredState(source: id)
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown resource type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(id, forKey: .id)
        try container.encode(description, forKey: .display)
    }
}
