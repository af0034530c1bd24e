/// Fixed credentials, e.g. a profile's source credentials or a test's keys.
public struct StaticCredentialProvider: AWSCredentialProvider {
    public let credentials: AWSCredentials
    public let name: String

    public init(_ credentials: AWSCredentials, name: String = "static") {
        self.credentials = credentials
        self.name = name
    }

    public func resolve() async throws -> AWSCredentials { credentials }
}
