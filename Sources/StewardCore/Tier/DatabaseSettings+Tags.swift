extension DatabaseSettings {
    /// The snapshot tags that carry these settings (AWS tag values are at most 256 characters;
    /// identifiers, classes and group ids are far shorter).
    public var snapshotTags: [String: String] {
        var tags = [
            StewardTag.purpose: StewardTag.teardownPurpose,
            StewardTag.source: identifier,
            StewardTag.sourceKind: kind.rawValue,
            StewardTag.engine: engine,
        ]
        tags[StewardTag.engineVersion] = engineVersion
        tags[StewardTag.instanceClass] = instanceClass
        tags[StewardTag.port] = port.map(String.init)
        tags[StewardTag.subnetGroup] = subnetGroup
        if !securityGroups.isEmpty { tags[StewardTag.securityGroups] = securityGroups.joined(separator: ",") }
        tags[StewardTag.parameterGroup] = parameterGroup
        if !members.isEmpty {
            tags[StewardTag.members] = members.map { "\($0.identifier)=\($0.instanceClass)" }.joined(separator: ",")
        }
        return tags
    }

    /// Reads a final snapshot's tags; nil when they are not Steward's or are incomplete.
    public init?(snapshotTags tags: [String: String]) {
        guard tags[StewardTag.purpose] == StewardTag.teardownPurpose,
              let identifier = tags[StewardTag.source], !identifier.isEmpty,
              let kind = tags[StewardTag.sourceKind].flatMap(DatabaseKind.init(rawValue:)),
              let engine = tags[StewardTag.engine], !engine.isEmpty
        else { return nil }
        let members: [DatabaseMember] = (tags[StewardTag.members] ?? "").split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? DatabaseMember(identifier: String(parts[0]), instanceClass: String(parts[1])) : nil
        }
        self.init(
            identifier: identifier, kind: kind, engine: engine, engineVersion: tags[StewardTag.engineVersion],
            instanceClass: tags[StewardTag.instanceClass], port: tags[StewardTag.port].flatMap(Int.init),
            subnetGroup: tags[StewardTag.subnetGroup],
            securityGroups: (tags[StewardTag.securityGroups] ?? "").split(separator: ",").map(String.init),
            parameterGroup: tags[StewardTag.parameterGroup], members: members
        )
    }
}
