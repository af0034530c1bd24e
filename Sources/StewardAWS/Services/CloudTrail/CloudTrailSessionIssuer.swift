/// `userIdentity.sessionContext.sessionIssuer`: where temporary credentials came from — for an
/// assumed role, the role itself (its `userName` is the role's name, its ARN keeps the path).
public struct CloudTrailSessionIssuer: Sendable, Hashable, Decodable {
    /// `Role`, `IAMUser`, `Root`…
    public let type: String?
    public let principalID: String?
    public let arn: String?
    public let accountID: String?
    public let userName: String?

    public init(type: String?, principalID: String?, arn: String?, accountID: String?, userName: String?) {
        self.type = type
        self.principalID = principalID
        self.arn = arn
        self.accountID = accountID
        self.userName = userName
    }

    enum CodingKeys: String, CodingKey {
        case type, arn, userName
        case principalID = "principalId"
        case accountID = "accountId"
    }
}
