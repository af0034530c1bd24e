import Foundation
import StewardCore

/// Why a finding has no "who did it": what failed, for which resource, and what to do. Its
/// description is what `AttributionResult.unavailable` carries into the report.
public enum AttributionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// CloudTrail refused the call: Steward's role lacks `cloudtrail:LookupEvents`.
    case notPermitted(resource: String, code: String, pausedUntil: Date)
    /// Still throttled after the client's retries: others in the account share the budget.
    case throttled(resource: String, pausedUntil: Date)
    /// Anything else: unreachable, a malformed answer, an unexpected error code.
    case failed(resource: String, error: String, pausedUntil: Date)
    /// Not asked: an earlier failure paused lookups.
    case paused(resource: String, cause: String, until: Date)
    /// The pass was cancelled while this lookup waited or ran.
    case cancelled(resource: String)

    /// Until when lookups pause because of this failure; `nil` for those that start no pause.
    public var pausedUntil: Date? {
        switch self {
        case .notPermitted(_, _, let until), .throttled(_, let until), .failed(_, _, let until): until
        case .paused, .cancelled: nil
        }
    }

    public var description: String {
        switch self {
        case .notPermitted(let resource, let code, let until):
            "CloudTrail refused LookupEvents for \(resource) (\(code)): grant cloudtrail:LookupEvents on \"*\" to Steward's role (statement StewardDriftAttribution in examples/iam-policy.json); no lookups until \(Timestamp.text(until))"
        case .throttled(let resource, let until):
            "CloudTrail throttled LookupEvents for \(resource) past retries (2 requests a second per account, shared with other callers); no lookups until \(Timestamp.text(until))"
        case .failed(let resource, let error, let until):
            "CloudTrail LookupEvents for \(resource) failed: \(error); no lookups until \(Timestamp.text(until))"
        case .paused(let resource, let cause, let until):
            "not looked up for \(resource): CloudTrail lookups are paused until \(Timestamp.text(until)) after: \(cause)"
        case .cancelled(let resource):
            "the lookup for \(resource) was cancelled"
        }
    }
}
