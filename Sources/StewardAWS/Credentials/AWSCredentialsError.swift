/// Why credentials could not be had. Messages name the source and the setting involved and
/// never include a secret, a token or a token file's contents.
public enum AWSCredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source is not set up here (a variable missing, no file, not on ECS/EC2).
    case notConfigured(provider: String, reason: String)
    /// The source is set up but failed (unreadable file, endpoint error, bad response).
    case failed(provider: String, reason: String)
    /// Every source of a chain was tried; each entry says why it gave nothing.
    case noCredentials(tried: [String])

    public var description: String {
        switch self {
        case .notConfigured(let provider, let reason):
            return "\(provider): not configured (\(reason))"
        case .failed(let provider, let reason):
            return "\(provider): \(reason)"
        case .noCredentials(let tried):
            return "No AWS credentials found. Tried, in order:\n" + tried.map { "  - \($0)" }.joined(separator: "\n")
                + "\nSet AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE with a configured profile, or run with a task/instance role."
        }
    }
}
