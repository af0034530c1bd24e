import StewardAWS
import StewardCore

extension DriftActor {
    /// The prefix IAM Identity Center gives the roles of its permission sets.
    static let ssoRolePrefix = "AWSReservedSSO_"

    /// Who made `event`, named the way a person recognises them; `nil` when the event has no
    /// time (it could not be shown as "who, when").
    public init?(event: CloudTrailEvent, steward: StewardIdentity) {
        guard let time = event.eventTime else { return nil }
        let identity = event.userIdentity
        let (name, kind) = Self.describe(identity, username: event.username, steward: steward)
        self.init(name: name, arn: kind == .awsService ? nil : identity?.arn, kind: kind, eventName: event.eventName, eventTime: time)
    }

    private static func describe(_ identity: CloudTrailUserIdentity?, username: String?, steward: StewardIdentity) -> (String, Kind) {
        guard let identity else { return (username ?? "unknown", .unknown) }
        if steward.isSteward(identity) { return ("Steward", .steward) }
        let session = identity.arn.flatMap(AssumedRoleARN.init)
        switch identity.type {
        case "IAMUser":
            return (identity.userName ?? lastPathComponent(identity.arn) ?? username ?? "IAM user", .iamUser)
        case "AssumedRole":
            // The session name is the person (or the pipeline) behind the role: for SSO it is
            // the user's sign-in name, for `aws sts assume-role` whatever they typed.
            let sessionName = session?.sessionName ?? identity.principalID.flatMap(afterColon) ?? username ?? "role session"
            let roleName = session?.roleName ?? identity.sessionIssuer?.userName ?? ""
            return (sessionName, roleName.hasPrefix(ssoRolePrefix) ? .ssoSession : .assumedRole)
        case "IdentityCenterUser":
            return (identity.userName ?? username ?? "Identity Center user", .ssoSession)
        case "Root":
            return ("root", .root)
        case "AWSService":
            return (identity.invokedBy ?? username ?? "AWS service", .awsService)
        default:
            return (identity.userName ?? lastPathComponent(identity.arn) ?? username ?? "unknown", .unknown)
        }
    }

    private static func lastPathComponent(_ arn: String?) -> String? {
        guard let last = arn?.split(separator: "/").last, !last.isEmpty, arn?.contains("/") == true else { return nil }
        return String(last)
    }

    /// `AROAEXAMPLE:session` → `session`.
    private static func afterColon(_ principalID: String) -> String? {
        guard let colon = principalID.firstIndex(of: ":") else { return nil }
        let rest = principalID[principalID.index(after: colon)...]
        return rest.isEmpty ? nil : String(rest)
    }
}
