/// Everything a restore from snapshot must set explicitly to bring a database back as it was
/// (a restore copies neither security groups nor the parameter group). Written as tags on the
/// final snapshot, read back from them.
public struct DatabaseSettings: Sendable, Hashable, Codable {
    public var identifier: String
    public var kind: DatabaseKind
    public var engine: String
    public var engineVersion: String?
    public var instanceClass: String?
    public var port: Int?
    public var subnetGroup: String?
    public var securityGroups: [String]
    public var parameterGroup: String?
    /// Aurora member instances and their classes.
    public var members: [DatabaseMember]

    public init(identifier: String, kind: DatabaseKind, engine: String, engineVersion: String? = nil, instanceClass: String? = nil,
                port: Int? = nil, subnetGroup: String? = nil, securityGroups: [String] = [], parameterGroup: String? = nil,
                members: [DatabaseMember] = []) {
        self.identifier = identifier
        self.kind = kind
        self.engine = engine
        self.engineVersion = engineVersion
        self.instanceClass = instanceClass
        self.port = port
        self.subnetGroup = subnetGroup
        self.securityGroups = securityGroups
        self.parameterGroup = parameterGroup
        self.members = members
    }
}
