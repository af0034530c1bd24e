import CloudTrailEmulator
import StewardCore
import Testing

/// Who made the seeded event, and how the finding should name them.
struct AttributionIdentityCase: Sendable, CustomTestStringConvertible {
    let label: String
    let identity: EmulatedIdentity
    let name: String
    let kind: DriftActor.Kind
    let arn: String?

    var testDescription: String { label }

    static let account = CloudTrailWorld.account
    static let all: [AttributionIdentityCase] = [
        AttributionIdentityCase(label: "assumed-role session", identity: .assumedRole("Admin", session: "jane.doe"), name: "jane.doe", kind: .assumedRole,
                                arn: "arn:aws:sts::\(account):assumed-role/Admin/jane.doe"),
        AttributionIdentityCase(label: "SSO session", identity: .ssoSession(permissionSet: "AdministratorAccess", user: "jane@example.com"), name: "jane@example.com", kind: .ssoSession,
                                arn: "arn:aws:sts::\(account):assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane@example.com"),
        AttributionIdentityCase(label: "Steward's own role, another session", identity: .assumedRole("steward", session: "i-0fedcba9876543210"), name: "Steward", kind: .steward,
                                arn: "arn:aws:sts::\(account):assumed-role/steward/i-0fedcba9876543210"),
        AttributionIdentityCase(label: "IAM user", identity: .iamUser("alice"), name: "alice", kind: .iamUser, arn: "arn:aws:iam::\(account):user/alice"),
        AttributionIdentityCase(label: "root", identity: .root(), name: "root", kind: .root, arn: "arn:aws:iam::\(account):root"),
        AttributionIdentityCase(label: "AWS service", identity: .awsService("autoscaling.amazonaws.com"), name: "autoscaling.amazonaws.com", kind: .awsService, arn: nil),
    ]
}
