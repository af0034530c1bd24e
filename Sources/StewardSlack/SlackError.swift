import Foundation

/// What went wrong talking to Slack, on what, and what to do about it. Never carries a token:
/// every case holds only method names, Slack's error codes and our own words.
public enum SlackError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Slack refused the token for good (`invalid_auth`, `not_authed`, `not_allowed_token_type`,
    /// `account_inactive`, …): retrying can't help, a person has to fix the configuration.
    case authenticationFailed(method: String, code: String, tokenKind: SlackToken.Kind)
    /// Slack said `ok:false` with an error that is neither fatal nor a rate limit.
    case apiError(method: String, code: String)
    /// Slack rate-limited the call; retry after the delay.
    case rateLimited(method: String, retryAfter: Duration)
    /// The HTTP exchange itself failed (connection refused, timeout, a 5xx, a body that isn't JSON).
    case transport(method: String, detail: String)
    /// The WebSocket did not send `hello` in time after connecting.
    case helloTimeout(after: Duration)
    /// The WebSocket closed or failed.
    case connectionLost(detail: String)
    /// A required secret is missing or malformed.
    case missingCredential(String)
    /// An HTTP-mode request failed signature verification.
    case signatureRejected(SignatureFailure)

    public enum SignatureFailure: String, Sendable, Hashable {
        case missingHeaders = "the X-Slack-Request-Timestamp or X-Slack-Signature header is missing"
        case malformedTimestamp = "X-Slack-Request-Timestamp is not a Unix time"
        case stale = "the request timestamp is more than 5 minutes from now (a replay, or a skewed clock)"
        case unsupportedVersion = "the signature is not a v0= signature"
        case mismatch = "the signature does not match the body (wrong signing secret, or the request was altered)"
    }

    public var description: String {
        switch self {
        case .authenticationFailed(let method, let code, let kind):
            return "Slack \(method) refused the \(kind.rawValue) (\(code)); check \(kind.environmentVariable) "
                + "(or the secret's \(kind.secretKey)) and that the Slack app is installed and active. Not retrying."
        case .apiError(let method, let code):
            return "Slack \(method) failed: \(code)"
        case .rateLimited(let method, let retryAfter):
            return "Slack \(method) is rate-limited; retrying after \(retryAfter)"
        case .transport(let method, let detail):
            return "Slack \(method) could not be reached: \(detail); check SLACK_API_URL and the network"
        case .helloTimeout(let after):
            return "the Socket Mode connection sent no hello within \(after); reconnecting"
        case .connectionLost(let detail):
            return "the Socket Mode connection was lost: \(detail); reconnecting"
        case .missingCredential(let what):
            return "Slack is not configured: \(what)"
        case .signatureRejected(let failure):
            return "Slack request rejected: \(failure.rawValue)"
        }
    }

    /// True when retrying can't help and the client must stop.
    public var isFatal: Bool {
        switch self {
        case .authenticationFailed, .missingCredential: return true
        default: return false
        }
    }

    /// Slack error codes that mean the token is wrong for good.
    static let fatalCodes: Set<String> = [
        "invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive", "token_revoked", "token_expired",
        "no_permission", "missing_scope", "team_access_not_granted",
    ]
}
