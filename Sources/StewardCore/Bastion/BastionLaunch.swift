import Foundation

/// One bastion to launch for an environment's lease.
public struct BastionLaunch: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    /// The launch template's name (`<env>-bastion` unless configured).
    public var launchTemplate: String
    public var token: BastionLaunchToken
    /// Sent with RunInstances. Deliberately without the lease expiry: RunInstances must carry
    /// the same parameters for the same token (AWS answers `IdempotentParameterMismatch`
    /// otherwise), and `extend` changes the expiry. `leaseTags` follow by CreateTags.
    public var tags: [String: String]
    /// Written right after the launch, and rewritten whenever the lease changes.
    public var leaseTags: [String: String]
    public var leaseExpiresAt: Date
    public var requestedBy: String
    /// Owned instances this launch replaces (stopped outside Steward), terminated first.
    public var replacing: [String]

    public init(
        environment: EnvironmentName, launchTemplate: String, token: BastionLaunchToken, tags: [String: String],
        leaseTags: [String: String], leaseExpiresAt: Date, requestedBy: String, replacing: [String] = []
    ) {
        self.environment = environment
        self.launchTemplate = launchTemplate
        self.token = token
        self.tags = tags
        self.leaseTags = leaseTags
        self.leaseExpiresAt = leaseExpiresAt
        self.requestedBy = requestedBy
        self.replacing = replacing
    }

    /// The first-generation token: what a launch sends unless AWS says it was spent.
    public var clientToken: String { token.clientToken(generation: 0) }

    public var reason: String { replacing.isEmpty ? "lease has no bastion" : "replaces stopped \(replacing.joined(separator: ", "))" }
}
