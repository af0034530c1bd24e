import Foundation

/// The shared `credentials`/`config` files: static keys in a profile, or `role_arn` with a
/// `source_profile` (followed recursively, cycles refused) or a `credential_source`,
/// exchanged with STS AssumeRole.
public struct ProfileCredentialProvider: AWSCredentialProvider {
    public let configuration: AWSConfiguration
    public let transport: any AWSHTTPTransport
    public var name: String { "shared config profile \(configuration.profileName)" }

    public init(configuration: AWSConfiguration, transport: any AWSHTTPTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    public func resolve() async throws -> AWSCredentials {
        guard configuration.sharedConfig.profile(configuration.profileName) != nil else {
            throw AWSCredentialsError.notConfigured(provider: name, reason: "no profile \(configuration.profileName) in the config or credentials file")
        }
        return try await credentials(forProfile: configuration.profileName, visited: [])
    }

    private func credentials(forProfile profileName: String, visited: [String]) async throws -> AWSCredentials {
        guard let profile = configuration.sharedConfig.profile(profileName) else {
            throw AWSCredentialsError.failed(provider: name, reason: "profile \(profileName) (referenced by source_profile) does not exist")
        }
        if visited.contains(profileName) {
            throw AWSCredentialsError.failed(provider: name, reason: "source_profile loop: \((visited + [profileName]).joined(separator: " → "))")
        }
        if let roleARN = profile["role_arn"].nonEmpty, !(visited.isEmpty == false && hasStaticKeys(profile)) {
            let source: AWSCredentials
            if let sourceProfile = profile["source_profile"].nonEmpty {
                // A profile that is its own source uses its static keys (the SDKs allow it).
                if sourceProfile == profileName, hasStaticKeys(profile) {
                    source = try staticKeys(profile, profileName: profileName)
                } else {
                    source = try await credentials(forProfile: sourceProfile, visited: visited + [profileName])
                }
            } else if let credentialSource = profile["credential_source"].nonEmpty {
                source = try await credentials(fromSource: credentialSource)
            } else if profile["web_identity_token_file"].nonEmpty != nil {
                throw AWSCredentialsError.notConfigured(provider: name, reason: "profile uses web_identity_token_file (handled by the web identity source)")
            } else {
                throw AWSCredentialsError.failed(provider: name, reason: "profile \(profileName) has role_arn but neither source_profile nor credential_source")
            }
            return try await assumeRole(roleARN: roleARN, profile: profile, profileName: profileName, source: source)
        }
        if hasStaticKeys(profile) {
            return try staticKeys(profile, profileName: profileName)
        }
        throw AWSCredentialsError.notConfigured(provider: name, reason: "profile \(profileName) has no aws_access_key_id or role_arn")
    }

    private func hasStaticKeys(_ profile: [String: String]) -> Bool {
        profile["aws_access_key_id"].nonEmpty != nil
    }

    private func staticKeys(_ profile: [String: String], profileName: String) throws -> AWSCredentials {
        guard let accessKey = profile["aws_access_key_id"].nonEmpty else {
            throw AWSCredentialsError.failed(provider: name, reason: "profile \(profileName) has no aws_access_key_id")
        }
        guard let secret = profile["aws_secret_access_key"].nonEmpty else {
            throw AWSCredentialsError.failed(provider: name, reason: "profile \(profileName) has aws_access_key_id but no aws_secret_access_key")
        }
        return AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: profile["aws_session_token"].nonEmpty)
    }

    private func credentials(fromSource source: String) async throws -> AWSCredentials {
        let environment = configuration.environment
        switch source {
        case "Environment":
            return try await EnvironmentCredentialProvider(environment: environment).resolve()
        case "EcsContainer":
            return try await ContainerCredentialProvider(environment: environment, transport: transport).resolve()
        case "Ec2InstanceMetadata":
            return try await InstanceMetadataCredentialProvider(environment: environment, transport: transport).resolve()
        default:
            throw AWSCredentialsError.failed(provider: name, reason: "unsupported credential_source \(source); use Environment, EcsContainer or Ec2InstanceMetadata")
        }
    }

    private func assumeRole(roleARN: String, profile: [String: String], profileName: String, source: AWSCredentials) async throws -> AWSCredentials {
        let sessionName = profile["role_session_name"].nonEmpty ?? "steward-\(Int(Date().timeIntervalSince1970))"
        let duration = profile["duration_seconds"].flatMap { Int($0) }
        let sts = STSClient(client: AWSClient(
            configuration: configuration,
            credentialProvider: StaticCredentialProvider(source, name: "source of profile \(profileName)"),
            transport: transport
        ))
        do {
            let result = try await sts.assumeRole(
                roleARN: roleARN,
                sessionName: sessionName,
                externalID: profile["external_id"].nonEmpty,
                durationSeconds: duration
            )
            return result.credentials
        } catch {
            throw AWSCredentialsError.failed(provider: name, reason: "STS AssumeRole for \(roleARN) (profile \(profileName)) failed: \(error)")
        }
    }
}
