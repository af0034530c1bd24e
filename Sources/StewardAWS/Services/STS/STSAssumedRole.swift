/// The temporary credentials and identity returned by AssumeRole(WithWebIdentity).
public struct STSAssumedRole: Sendable, Equatable {
    public let credentials: AWSCredentials
    public let assumedRoleARN: String?
    public let assumedRoleID: String?

    init(result: AWSXMLElement?, operation: String) throws {
        guard let result, let element = result.child("Credentials"),
              let accessKey = element.string("AccessKeyId"), let secret = element.string("SecretAccessKey") else {
            throw AWSClientError(.malformedResponse, operation: operation, message: "no Credentials in the response")
        }
        credentials = AWSCredentials(
            accessKeyID: accessKey,
            secretAccessKey: secret,
            sessionToken: element.string("SessionToken"),
            expiration: element.string("Expiration").flatMap(AWSDateParsing.iso8601)
        )
        assumedRoleARN = result.path("AssumedRoleUser", "Arn")?.text
        assumedRoleID = result.path("AssumedRoleUser", "AssumedRoleId")?.text
    }
}
