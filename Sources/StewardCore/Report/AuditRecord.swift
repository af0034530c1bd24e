import Foundation

/// One line of the audit log: every applied action and every desired-state edit, allowed or
/// refused, as a JSON object with a fixed set of keys.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var time: Date
    /// Who: `steward` for the reconciler, a login or Slack user id for edits.
    public var actor: String
    public var environment: String
    /// `authorize`, `revoke`, `update-description`, or an edit such as `whitelist add`.
    public var action: String
    public var target: String
    /// `applied`, `converged`, `failed`, `refused`, `dry-run`…
    public var result: String
    public var reason: String

    public init(time: Date, actor: String, environment: String, action: String, target: String, result: String, reason: String) {
        self.time = time
        self.actor = actor
        self.environment = environment
        self.action = action
        self.target = target
        self.result = result
        self.reason = reason
    }

    public init(_ result: ActionResult, actor: String, time: Date) {
        self.init(time: time, actor: actor, environment: result.environment.rawValue, action: result.kind.rawValue,
                  target: "\(result.resource) \(result.target)", result: result.outcome.rawValue,
                  reason: result.message.map { "\(result.reason): \($0)" } ?? result.reason)
    }
}
