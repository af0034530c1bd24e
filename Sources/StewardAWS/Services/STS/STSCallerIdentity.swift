public struct STSCallerIdentity: Sendable, Equatable {
    public let account: String
    public let arn: String
    public let userID: String
}
