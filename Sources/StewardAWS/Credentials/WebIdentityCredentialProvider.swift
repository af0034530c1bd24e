import Foundation

/// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (EKS IRSA and the like), or the profile's
/// `web_identity_token_file` + `role_arn`: the token file is read on every refresh (it is
/// rotated) and exchanged with STS AssumeRoleWithWebIdentity, which is unsigned.
public struct WebIdentityCredentialProvider: AWSCredentialProvider {
    public let configuration: AWSConfiguration
    public let transport: any AWSHTTPTransport
    public var name: String { "web identity" }

    public init(configuration: AWSConfiguration, transport: any AWSHTTPTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    public func resolve() async throws -> AWSCredentials {
        let environment = configuration.environment
        let profile = configuration.profile
        let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"].nonEmpty ?? profile["web_identity_token_file"].nonEmpty
        let roleARN = environment["AWS_ROLE_ARN"].nonEmpty ?? profile["role_arn"].nonEmpty
        guard let tokenFile else {
            throw AWSCredentialsError.notConfigured(provider: name, reason: "AWS_WEB_IDENTITY_TOKEN_FILE is not set")
        }
        guard let roleARN else {
            throw AWSCredentialsError.failed(provider: name, reason: "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")
        }
        let token: String
        do {
            token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingWhitespace
        } catch {
            throw AWSCredentialsError.failed(provider: name, reason: "cannot read the token file \(tokenFile); check the path and its permissions")
        }
        guard !token.isEmpty else {
            throw AWSCredentialsError.failed(provider: name, reason: "the token file \(tokenFile) is empty")
        }
        let sessionName = environment["AWS_ROLE_SESSION_NAME"].nonEmpty ?? profile["role_session_name"].nonEmpty
            ?? "steward-\(Int(Date().timeIntervalSince1970))"
        let sts = STSClient(client: AWSClient(configuration: configuration, credentialProvider: nil, transport: transport))
        do {
            let result = try await sts.assumeRoleWithWebIdentity(roleARN: roleARN, sessionName: sessionName, webIdentityToken: token)
            return result.credentials
        } catch {
            throw AWSCredentialsError.failed(provider: name, reason: "STS AssumeRoleWithWebIdentity for \(roleARN) failed: \(error)")
        }
    }
}
