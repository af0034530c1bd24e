/// AWS Secrets Manager (JSON 1.1): reading one secret (e.g. Slack tokens).
public struct SecretsManagerClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func getSecretValue(secretID: String, versionStage: String? = nil) async throws -> SecretValue {
        struct Input: Encodable { let SecretId: String; let VersionStage: String? }
        return try await client.json(service: .secretsManager, operation: "GetSecretValue", input: Input(SecretId: secretID, VersionStage: versionStage))
    }
}
