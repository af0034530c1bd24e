/// A CloudTrail `userIdentity` element to seed, shaped as the CloudTrail user guide shows each
/// kind ("CloudTrail userIdentity element"), and the `Username` LookupEvents reports with it.
public struct EmulatedIdentity: Sendable, Hashable {
    public let userIdentity: EmulatorJSON
    /// The event's top-level `Username`: the user's name, or the role session's name.
    public let username: String?

    public init(userIdentity: EmulatorJSON, username: String?) {
        self.userIdentity = userIdentity
        self.username = username
    }

    public static let defaultAccount = "123456789012"

    public static func iamUser(_ name: String, account: String = defaultAccount) -> EmulatedIdentity {
        EmulatedIdentity(userIdentity: [
            "type": "IAMUser", "principalId": "AIDAEMULATOR\(name.count)EXAMPLE", "arn": .string("arn:aws:iam::\(account):user/\(name)"),
            "accountId": .string(account), "accessKeyId": "AKIAEMULATOREXAMPLE", "userName": .string(name),
        ], username: name)
    }

    /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`, issued by the role (whose ARN
    /// keeps its `path`).
    public static func assumedRole(_ role: String, session: String, path: String = "/", account: String = defaultAccount) -> EmulatedIdentity {
        let roleID = "AROAEMULATOR\(role.count)EXAMPLE"
        return EmulatedIdentity(userIdentity: [
            "type": "AssumedRole", "principalId": .string("\(roleID):\(session)"),
            "arn": .string("arn:aws:sts::\(account):assumed-role/\(role)/\(session)"),
            "accountId": .string(account), "accessKeyId": "ASIAEMULATOREXAMPLE",
            "sessionContext": [
                "sessionIssuer": [
                    "type": "Role", "principalId": .string(roleID), "arn": .string("arn:aws:iam::\(account):role\(path)\(role)"),
                    "accountId": .string(account), "userName": .string(role),
                ],
                "attributes": ["mfaAuthenticated": "false", "creationDate": "2026-11-20T09:00:00Z"],
            ],
        ], username: session)
    }

    /// An IAM Identity Center sign-in: a session of the permission set's `AWSReservedSSO_…`
    /// role, under `aws-reserved/sso.amazonaws.com/`, named after the user.
    public static func ssoSession(permissionSet: String, user: String, region: String = "eu-west-1", account: String = defaultAccount) -> EmulatedIdentity {
        assumedRole("AWSReservedSSO_\(permissionSet)_0123456789abcdef", session: user, path: "/aws-reserved/sso.amazonaws.com/\(region)/", account: account)
    }

    public static func root(account: String = defaultAccount) -> EmulatedIdentity {
        EmulatedIdentity(userIdentity: [
            "type": "Root", "principalId": .string(account), "arn": .string("arn:aws:iam::\(account):root"),
            "accountId": .string(account), "accessKeyId": "AKIAEMULATORROOT",
        ], username: "root")
    }

    /// A service acting for itself, e.g. `autoscaling.amazonaws.com`.
    public static func awsService(_ service: String) -> EmulatedIdentity {
        EmulatedIdentity(userIdentity: ["type": "AWSService", "invokedBy": .string(service)], username: nil)
    }
}
