import Foundation

/// What happened to one planned action: the executor's answer, the audit log's line, the
/// notifier's material.
public struct ActionResult: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case authorize
        case revoke
        case updateDescription = "update-description"
    }

    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// AWS accepted the change.
        case applied
        /// AWS already had it that way (`InvalidPermission.Duplicate` / `NotFound`).
        case converged
        /// AWS refused or could not be reached; `message` says why.
        case failed
        /// Not attempted: a guard (budget, quota, upsert-only, unreadable desired state) held it back.
        case refused
    }

    public var kind: Kind
    public var environment: EnvironmentName
    public var groupID: String
    /// `203.0.113.10/32 tcp/443`, or a rule id for revokes.
    public var target: String
    public var reason: String
    public var outcome: Outcome
    public var message: String?

    public init(kind: Kind, environment: EnvironmentName, groupID: String, target: String, reason: String, outcome: Outcome, message: String? = nil) {
        self.kind = kind
        self.environment = environment
        self.groupID = groupID
        self.target = target
        self.reason = reason
        self.outcome = outcome
        self.message = message
    }
}
