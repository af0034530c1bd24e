/// Tries providers in order and returns the first credentials found. When none works, throws
/// one `AWSCredentialsError.noCredentials` listing every source and why it gave nothing.
public struct AWSCredentialChain: AWSCredentialProvider {
    public let providers: [any AWSCredentialProvider]
    public var name: String { "credential chain" }

    public init(_ providers: [any AWSCredentialProvider]) {
        self.providers = providers
    }

    /// The AWS SDKs' default order: environment, web identity, shared files (with
    /// assume-role), container, EC2 instance metadata.
    public static func standard(configuration: AWSConfiguration, transport: any AWSHTTPTransport) -> AWSCredentialChain {
        AWSCredentialChain([
            EnvironmentCredentialProvider(environment: configuration.environment),
            WebIdentityCredentialProvider(configuration: configuration, transport: transport),
            ProfileCredentialProvider(configuration: configuration, transport: transport),
            ContainerCredentialProvider(environment: configuration.environment, transport: transport),
            InstanceMetadataCredentialProvider(environment: configuration.environment, transport: transport),
        ])
    }

    public func resolve() async throws -> AWSCredentials {
        var tried: [String] = []
        for provider in providers {
            try Task.checkCancellation()
            do {
                return try await provider.resolve()
            } catch let error as AWSCredentialsError {
                tried.append(error.description)
            } catch {
                tried.append("\(provider.name): \(error)")
            }
        }
        throw AWSCredentialsError.noCredentials(tried: tried)
    }
}
