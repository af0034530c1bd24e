import Foundation

/// One line of the audit log: every applied action and every desired-state edit, allowed or
/// refused, as a JSON object with a fixed set of keys (`resources` only on reconcile actions).
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
    /// The ids of the resources a reconcile action changed, as drift findings name them, so a
    /// later `steward drift` can tell Steward fixed a finding. nil on edits, acks and older lines.
    public var resources: [String]?

    public init(time: Date, actor: String, environment: String, action: String, target: String, result: String, reason: String,
                resources: [String]? = nil) {
        self.time = time
        self.actor = actor
        self.environment = environment
        self.action = action
        self.target = target
        self.result = result
        self.reason = reason
        self.resources = resources
    }

    public init(_ result: ActionResult, actor: String, time: Date) {
        self.init(time: time, actor: actor, environment: result.environment.rawValue, action: result.kind.rawValue,
                  target: "\(result.resource) \(result.target)", result: result.outcome.rawValue,
                  reason: result.message.map { "\(result.reason): \($0)" } ?? result.reason, resources: result.changedResourceIDs)
    }
}
