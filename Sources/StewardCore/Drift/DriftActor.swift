import Foundation

/// Who made a drift finding happen, from the newest matching CloudTrail event: shown next to
/// the finding so that "someone opened port 22 to the world" names the someone.
public struct DriftActor: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case iamUser = "iam-user"
        case assumedRole = "assumed-role"
        /// An IAM Identity Center (SSO) session: an `AWSReservedSSO_…` role or an Identity
        /// Center user.
        case ssoSession = "sso-session"
        case root
        /// A service acting on its own (`invokedBy`), e.g. autoscaling replacing an instance.
        case awsService = "aws-service"
        /// Steward's own role or user: the change was a reconcile, not drift someone caused.
        case steward
        case unknown
    }

    /// What a person reads: a role session's name (often an e-mail address for SSO), an IAM
    /// user's name, `root`, the service's name, or `Steward`.
    public var name: String
    /// The caller's ARN (the assumed-role session ARN for roles); `nil` for AWS services.
    public var arn: String?
    public var kind: Kind
    /// The API call, e.g. `AuthorizeSecurityGroupIngress`.
    public var eventName: String
    public var eventTime: Date

    public init(name: String, arn: String?, kind: Kind, eventName: String, eventTime: Date) {
        self.name = name
        self.arn = arn
        self.kind = kind
        self.eventName = eventName
        self.eventTime = eventTime
    }
}
