import StewardAWS
import StewardCore

/// The one DescribeInstances of a pass, shared by tiers and bastions: every live instance
/// carrying the environment tag — of the environments given, or (nil) of any environment, so
/// Steward's instances in environments desired state no longer has are seen too.
enum InstanceRead {
    static let liveStates = ["pending", "running", "stopping", "stopped"]

    /// - Parameter role: only instances with this `Role` tag (a bastion-only read outside a pass).
    static func instances(ec2: EC2Client, environmentTag: String, environments: [EnvironmentName]?, role: String? = nil) async throws -> [EC2Instance] {
        let selection = environments.map { EC2Filter(name: "tag:\(environmentTag)", values: Set($0.map(\.rawValue)).sorted()) }
            ?? EC2Filter(name: "tag-key", values: [environmentTag])
        let roleFilter = role.map { [EC2Filter.tag(StewardTag.role, $0)] } ?? []
        return try await ec2.describeInstances(filters: roleFilter + [selection, EC2Filter(name: "instance-state-name", values: liveStates)])
    }
}
