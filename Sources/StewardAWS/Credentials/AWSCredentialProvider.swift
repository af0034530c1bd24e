/// A source of credentials. `resolve()` throws `AWSCredentialsError.notConfigured` when its
/// source is absent (so a chain moves on), and `.failed` when it is present but did not work.
public protocol AWSCredentialProvider: Sendable {
    /// A short label for error messages: "environment", "web identity", "profile dev", …
    var name: String { get }
    func resolve() async throws -> AWSCredentials
}
