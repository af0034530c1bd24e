/// An AWS error code as a value, with the codes Steward decides on named once: executors and
/// observers match on these rather than on strings of their own.
public struct AWSErrorCode: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public var description: String { rawValue }

    /// Codes of a family, such as every `InvalidLaunchTemplateName.*`.
    public func isInFamily(_ prefix: String) -> Bool { rawValue.hasPrefix(prefix) }

    // EC2: security groups and prefix lists
    public static let invalidPermissionDuplicate: AWSErrorCode = "InvalidPermission.Duplicate"
    public static let invalidPermissionNotFound: AWSErrorCode = "InvalidPermission.NotFound"
    public static let invalidPermissionMalformed: AWSErrorCode = "InvalidPermission.Malformed"
    public static let invalidParameterValue: AWSErrorCode = "InvalidParameterValue"
    public static let invalidRuleIDNotFound: AWSErrorCode = "InvalidSecurityGroupRuleId.NotFound"
    public static let invalidRuleIDMalformed: AWSErrorCode = "InvalidSecurityGroupRuleId.Malformed"
    public static let rulesPerGroupLimitExceeded: AWSErrorCode = "RulesPerSecurityGroupLimitExceeded"
    public static let incorrectState: AWSErrorCode = "IncorrectState"
    public static let prefixListVersionMismatch: AWSErrorCode = "PrefixListVersionMismatch"
    public static let invalidPrefixListModification: AWSErrorCode = "InvalidPrefixListModification"
    // EC2: instances
    public static let invalidInstanceIDNotFound: AWSErrorCode = "InvalidInstanceID.NotFound"
    public static let invalidInstanceIDMalformed: AWSErrorCode = "InvalidInstanceID.Malformed"
    public static let incorrectInstanceState: AWSErrorCode = "IncorrectInstanceState"
    public static let operationNotPermitted: AWSErrorCode = "OperationNotPermitted"
    public static let idempotentParameterMismatch: AWSErrorCode = "IdempotentParameterMismatch"
    public static let invalidLaunchTemplateNameFamily = "InvalidLaunchTemplateName"
    public static let invalidLaunchTemplateIDFamily = "InvalidLaunchTemplateId"
    // RDS
    public static let invalidDBInstanceState: AWSErrorCode = "InvalidDBInstanceState"
    public static let invalidDBInstanceStateFault: AWSErrorCode = "InvalidDBInstanceStateFault"
    public static let invalidDBClusterStateFault: AWSErrorCode = "InvalidDBClusterStateFault"
    public static let invalidDBSnapshotState: AWSErrorCode = "InvalidDBSnapshotState"
    public static let invalidDBClusterSnapshotStateFault: AWSErrorCode = "InvalidDBClusterSnapshotStateFault"
    public static let dbSnapshotAlreadyExists: AWSErrorCode = "DBSnapshotAlreadyExists"
    public static let dbClusterSnapshotAlreadyExistsFault: AWSErrorCode = "DBClusterSnapshotAlreadyExistsFault"
    public static let dbInstanceAlreadyExists: AWSErrorCode = "DBInstanceAlreadyExists"
    public static let dbClusterAlreadyExistsFault: AWSErrorCode = "DBClusterAlreadyExistsFault"
    public static let dbInstanceNotFound: AWSErrorCode = "DBInstanceNotFound"
    public static let dbInstanceNotFoundFault: AWSErrorCode = "DBInstanceNotFoundFault"
    // ECS
    public static let clusterNotFound: AWSErrorCode = "ClusterNotFoundException"
    // DynamoDB
    public static let conditionalCheckFailed: AWSErrorCode = "ConditionalCheckFailedException"
    public static let resourceNotFound: AWSErrorCode = "ResourceNotFoundException"
    public static let transactionCanceled: AWSErrorCode = "TransactionCanceledException"
    // DynamoDB Streams: the iterator or the records it pointed at are gone; take a new one.
    public static let expiredIterator: AWSErrorCode = "ExpiredIteratorException"
    public static let trimmedDataAccess: AWSErrorCode = "TrimmedDataAccessException"
    // Credentials the service has stopped accepting: fetch fresh ones.
    public static let expiredCredentials: Set<AWSErrorCode> = ["ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidClientTokenId"]
    // Access
    public static let accessDenied: Set<AWSErrorCode> = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure"]

    /// Throttling, as every SDK retries it.
    public static let throttling: Set<AWSErrorCode> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "RequestLimitExceeded", "RequestThrottled", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "SlowDown", "BandwidthLimitExceeded", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Transient server-side codes the SDKs retry regardless of status.
    public static let transient: Set<AWSErrorCode> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    ]
}
