/// What a restore must set explicitly, because a restore does not copy it from the source:
/// security groups, parameter group, subnet group and tags.
public struct RDSRestoreOptions: Sendable, Equatable {
    public var vpcSecurityGroupIDs: [String]
    public var parameterGroupName: String?
    public var subnetGroupName: String?
    public var instanceClass: String?
    public var port: Int?
    /// Clusters only: a restore may otherwise pick the engine's default version.
    public var engineVersion: String?
    public var tags: [AWSTag]

    public init(
        vpcSecurityGroupIDs: [String] = [], parameterGroupName: String? = nil, subnetGroupName: String? = nil,
        instanceClass: String? = nil, port: Int? = nil, engineVersion: String? = nil, tags: [AWSTag] = []
    ) {
        self.port = port
        self.engineVersion = engineVersion
        self.vpcSecurityGroupIDs = vpcSecurityGroupIDs
        self.parameterGroupName = parameterGroupName
        self.subnetGroupName = subnetGroupName
        self.instanceClass = instanceClass
        self.tags = tags
    }
}
