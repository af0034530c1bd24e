import StewardCore

/// Why a bastion pass could not run at all. Failures of single actions are `ActionResult`s.
public enum BastionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DescribeInstances failed: nothing was planned or changed.
    case observeFailed(environments: [EnvironmentName], underlying: String)

    public var description: String {
        switch self {
        case .observeFailed(let environments, let underlying):
            return "could not read the bastion instances of \(environments.map(\.rawValue).joined(separator: ", ")) from EC2: "
                + "\(underlying); nothing was changed — check the network and the ec2:DescribeInstances permission, then retry"
        }
    }
}
