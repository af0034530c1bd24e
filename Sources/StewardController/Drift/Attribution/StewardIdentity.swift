import StewardAWS

/// Who Steward itself is in CloudTrail, so its own reconciles show as "Steward" rather than as
/// the name of whichever session its role had at the time.
public struct StewardIdentity: Sendable, Hashable {
    /// Exact caller ARNs: an IAM user's, or a role's (`arn:aws:iam::…:role/…`, matched
    /// against the session issuer).
    public var principalARNs: Set<String>
    /// Role names: every session of these roles is Steward, whatever its session name
    /// (credentials are refreshed into new sessions all the time).
    public var roleNames: Set<String>
    /// When set, role names match only sessions in this account.
    public var accountID: String?

    public init(principalARNs: Set<String> = [], roleNames: Set<String> = [], accountID: String? = nil) {
        self.principalARNs = principalARNs
        self.roleNames = roleNames
        self.accountID = accountID
    }

    /// From what STS GetCallerIdentity returned to the daemon: an assumed-role session ARN
    /// means "any session of that role in that account"; any other ARN is matched exactly.
    public init(callerARN: String) {
        if let session = AssumedRoleARN(callerARN) {
            self.init(roleNames: [session.roleName], accountID: session.accountID)
        } else {
            self.init(principalARNs: [callerARN])
        }
    }

    /// Whether the call was made with Steward's credentials.
    public func isSteward(_ identity: CloudTrailUserIdentity) -> Bool {
        if let arn = identity.arn, principalARNs.contains(arn) { return true }
        if let issuer = identity.sessionIssuer?.arn, principalARNs.contains(issuer) { return true }
        guard let session = identity.arn.flatMap(AssumedRoleARN.init) else { return false }
        return roleNames.contains(session.roleName) && (accountID == nil || accountID == session.accountID)
    }
}
