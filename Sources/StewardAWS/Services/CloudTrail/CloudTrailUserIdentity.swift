/// The `userIdentity` element of a CloudTrail record: who made the call, and with which kind of
/// credentials (CloudTrail user guide, "CloudTrail userIdentity element"). Only the fields
/// Steward reads; every one may be absent, depending on `type`.
public struct CloudTrailUserIdentity: Sendable, Hashable, Decodable {
    /// `IAMUser`, `AssumedRole`, `Root`, `AWSService`, `FederatedUser`, `IdentityCenterUser`,
    /// `AWSAccount`, `Unknown`…
    public let type: String?
    /// For an assumed role, `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    public let arn: String?
    public let principalID: String?
    public let accountID: String?
    public let accessKeyID: String?
    /// Set for IAM users (and the root user's alias); absent for assumed roles.
    public let userName: String?
    /// For `AWSService` (and calls a service made for a user): e.g. `ecs.amazonaws.com`.
    public let invokedBy: String?
    public let sessionIssuer: CloudTrailSessionIssuer?

    public init(
        type: String?, arn: String?, principalID: String? = nil, accountID: String? = nil, accessKeyID: String? = nil,
        userName: String? = nil, invokedBy: String? = nil, sessionIssuer: CloudTrailSessionIssuer? = nil
    ) {
        self.type = type
        self.arn = arn
        self.principalID = principalID
        self.accountID = accountID
        self.accessKeyID = accessKeyID
        self.userName = userName
        self.invokedBy = invokedBy
        self.sessionIssuer = sessionIssuer
    }

    enum CodingKeys: String, CodingKey {
        case type, arn, userName, invokedBy, sessionContext
        case principalID = "principalId"
        case accountID = "accountId"
        case accessKeyID = "accessKeyId"
    }

    enum SessionContextKeys: String, CodingKey {
        case sessionIssuer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        principalID = try container.decodeIfPresent(String.self, forKey: .principalID)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        accessKeyID = try container.decodeIfPresent(String.self, forKey: .accessKeyID)
        userName = try container.decodeIfPresent(String.self, forKey: .userName)
        invokedBy = try container.decodeIfPresent(String.self, forKey: .invokedBy)
        if container.contains(.sessionContext), try !container.decodeNil(forKey: .sessionContext) {
            let context = try container.nestedContainer(keyedBy: SessionContextKeys.self, forKey: .sessionContext)
            sessionIssuer = try context.decodeIfPresent(CloudTrailSessionIssuer.self, forKey: .sessionIssuer)
        } else {
            sessionIssuer = nil
        }
    }
}
