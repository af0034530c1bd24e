/// Configuration that cannot work, with what to set to fix it.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRegion(profile: String)
    case invalidEndpoint(source: String, value: String)

    public var description: String {
        switch self {
        case .noRegion(let profile):
            return "No AWS region configured: set AWS_REGION (or AWS_DEFAULT_REGION), or `region` in profile \(profile) of the AWS config file."
        case .invalidEndpoint(let source, let value):
            return "The endpoint URL from \(source) is not an http(s) URL: \(value)"
        }
    }
}
