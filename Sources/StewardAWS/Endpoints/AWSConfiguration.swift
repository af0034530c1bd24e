import Foundation

/// Region, profile and endpoint settings, resolved from an injected environment and the shared
/// config files the way the AWS SDKs resolve them. Tests pass their own environment; nothing
/// here reads or writes the process environment unless the caller passes it.
public struct AWSConfiguration: Sendable {
    public let environment: [String: String]
    public let sharedConfig: AWSSharedConfig
    public let profileName: String
    public let region: String

    /// Throws when no region can be found anywhere.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, sharedConfig: AWSSharedConfig? = nil) throws(AWSConfigurationError) {
        self.environment = environment
        let shared = sharedConfig ?? AWSSharedConfig.load(environment: environment)
        self.sharedConfig = shared
        let profileName = environment["AWS_PROFILE"].nonEmpty ?? environment["AWS_DEFAULT_PROFILE"].nonEmpty ?? "default"
        self.profileName = profileName
        guard let region = environment["AWS_REGION"].nonEmpty
            ?? environment["AWS_DEFAULT_REGION"].nonEmpty
            ?? shared.profile(profileName)?["region"].nonEmpty else {
            throw AWSConfigurationError.noRegion(profile: profileName)
        }
        self.region = region
    }

    public init(region: String, environment: [String: String] = [:], sharedConfig: AWSSharedConfig = AWSSharedConfig()) {
        self.environment = environment
        self.sharedConfig = sharedConfig
        self.profileName = environment["AWS_PROFILE"].nonEmpty ?? "default"
        self.region = region
    }

    public var profile: [String: String] {
        sharedConfig.profile(profileName) ?? [:]
    }

    /// The endpoint for a service, in the SDKs' order: `AWS_ENDPOINT_URL_<SERVICE>`,
    /// `AWS_ENDPOINT_URL`, the profile's `services` section, the profile's `endpoint_url`,
    /// then `https://<prefix>.<region>.amazonaws.com`. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
    /// (or `ignore_configured_endpoint_urls` in the profile) skips all configured URLs.
    public func endpoint(for service: AWSService) throws(AWSConfigurationError) -> AWSEndpoint {
        let ignoreConfigured = (environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? profile["ignore_configured_endpoint_urls"])?.lowercased() == "true"
        if !ignoreConfigured {
            let candidates: [(String, String?)] = [
                ("AWS_ENDPOINT_URL_\(service.environmentSuffix)", environment["AWS_ENDPOINT_URL_\(service.environmentSuffix)"]),
                ("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]),
                ("services \(profile["services"] ?? "") → \(service.configKey).endpoint_url",
                 profile["services"].flatMap { sharedConfig.services[$0]?[service.configKey]?["endpoint_url"] }),
                ("profile \(profileName) endpoint_url", profile["endpoint_url"]),
            ]
            for (source, value) in candidates {
                guard let value = value.nonEmpty else { continue }
                guard let endpoint = AWSEndpoint(url: value) else {
                    throw AWSConfigurationError.invalidEndpoint(source: source, value: value)
                }
                return endpoint
            }
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return AWSEndpoint(scheme: "https", host: "\(service.endpointPrefix).\(region).\(suffix)")
    }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? {
        guard let value = self?.trimmingWhitespace, !value.isEmpty else { return nil }
        return value
    }
}
