/// A failure a test injects into the next Web API calls of one method.
public enum SlackAPIFailure: Sendable, Hashable {
    /// HTTP 429 with `Retry-After` and `{"ok":false,"error":"ratelimited"}`.
    case rateLimited(retryAfterSeconds: Int)
    /// HTTP 200 with `{"ok":false,"error":<error>}` — e.g. `account_inactive`, `invalid_auth`,
    /// `internal_error`.
    case error(String)
    /// A bare HTTP status with Slack's `ok:false` body, e.g. 500 or 503 during an outage.
    case httpStatus(Int, error: String)
}
