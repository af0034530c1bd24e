/// EC2 instance-profile credentials through IMDSv2: a session token by PUT, then the role
/// name and its credentials by GET with that token. `AWS_EC2_METADATA_SERVICE_ENDPOINT`
/// overrides the address (as in the SDKs; tests point it at a local server) and
/// `AWS_EC2_METADATA_DISABLED=true` turns the source off.
public struct InstanceMetadataCredentialProvider: AWSCredentialProvider {
    public static let defaultEndpoint = "http://169.254.169.254"
    public let environment: [String: String]
    public let transport: any AWSHTTPTransport
    public let timeout: Duration
    public var name: String { "EC2 instance metadata (IMDSv2)" }

    public init(environment: [String: String], transport: any AWSHTTPTransport, timeout: Duration = .seconds(1)) {
        self.environment = environment
        self.transport = transport
        self.timeout = timeout
    }

    public func resolve() async throws -> AWSCredentials {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw AWSCredentialsError.notConfigured(provider: name, reason: "AWS_EC2_METADATA_DISABLED is true")
        }
        let base = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].nonEmpty ?? Self.defaultEndpoint
        guard let endpoint = AWSEndpoint(url: base) else {
            throw AWSCredentialsError.failed(provider: name, reason: "AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http(s) URL")
        }
        let prefix = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path

        var tokenRequest = AWSHTTPRequest(method: "PUT", endpoint: endpoint.with(path: prefix + "/latest/api/token"))
        tokenRequest.headers.set("host", endpoint.hostHeader)
        tokenRequest.headers.set("X-aws-ec2-metadata-token-ttl-seconds", "21600")
        let tokenResponse = try await send(tokenRequest, what: "session token")
        let token = tokenResponse.bodyText.trimmingWhitespace
        guard !token.isEmpty else {
            throw AWSCredentialsError.failed(provider: name, reason: "IMDS returned an empty session token")
        }

        let listPath = prefix + "/latest/meta-data/iam/security-credentials/"
        var roleRequest = AWSHTTPRequest(method: "GET", endpoint: endpoint.with(path: listPath))
        roleRequest.headers.set("host", endpoint.hostHeader)
        roleRequest.headers.set("X-aws-ec2-metadata-token", token)
        let roleResponse = try await send(roleRequest, what: "role name")
        guard let role = roleResponse.bodyText.split(whereSeparator: \.isNewline).first.map({ String($0).trimmingWhitespace }),
              !role.isEmpty else {
            throw AWSCredentialsError.failed(provider: name, reason: "the instance has no IAM role attached")
        }

        var credentialsRequest = AWSHTTPRequest(method: "GET", endpoint: endpoint.with(path: listPath + role))
        credentialsRequest.headers.set("host", endpoint.hostHeader)
        credentialsRequest.headers.set("X-aws-ec2-metadata-token", token)
        let credentialsResponse = try await send(credentialsRequest, what: "credentials of role \(role)")
        return try AWSCredentialDocument.decode(credentialsResponse.body, provider: name)
    }

    private func send(_ request: AWSHTTPRequest, what: String) async throws -> AWSHTTPResponse {
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch {
            throw AWSCredentialsError.notConfigured(provider: name, reason: "no answer from \(request.endpoint.url) for the \(what); not on EC2?")
        }
        guard response.isSuccess else {
            throw AWSCredentialsError.failed(provider: name, reason: "IMDS answered HTTP \(response.status) for the \(what)")
        }
        return response
    }
}
