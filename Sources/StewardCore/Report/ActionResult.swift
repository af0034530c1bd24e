import Foundation

/// What happened to one planned action: the executor's answer, the audit log's line, the
/// notifier's material.
public struct ActionResult: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        // Whitelist
        case authorize
        case revoke
        case updateDescription = "update-description"
        // Tiers
        case saveServiceState = "save-service-state"
        case scaleService = "scale-service"
        case setScalableTarget = "set-scalable-target"
        case startDatabase = "start-database"
        case stopDatabase = "stop-database"
        case snapshotDatabase = "snapshot-database"
        case deleteDatabase = "delete-database"
        case restoreDatabase = "restore-database"
        case tagDatabase = "tag-database"
        case startInstance = "start-instance"
        case stopInstance = "stop-instance"
        // Bastions
        case launchBastion = "launch-bastion"
        case terminateBastion = "terminate-bastion"
        /// Rewrites the lease tags (expiry, requester) on a running bastion after an extend.
        case tagBastion = "tag-bastion"
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
        /// AWS wasn't ready (`InvalidDBInstanceState`, `IncorrectInstanceState`, …): the loop
        /// looks again shortly.
        case deferred
    }

    public var kind: Kind
    public var environment: EnvironmentName
    /// What was acted on: a security group, prefix list, ECS service, database or instance.
    public var resource: ResourceReference
    /// What changed on it: a grant, a rule, a list entry, or what a tier action sets.
    public var target: ActionTarget
    public var reason: String
    public var outcome: Outcome
    public var message: String?
    /// For a refused action: the guard that held it back.
    public var refusedBy: GuardName?

    public init(kind: Kind, environment: EnvironmentName, resource: ResourceReference, target: ActionTarget, reason: String, outcome: Outcome,
                message: String? = nil, refusedBy: GuardName? = nil) {
        self.kind = kind
        self.environment = environment
        self.resource = resource
        self.target = target
        self.reason = reason
        self.outcome = outcome
        self.message = message
        self.refusedBy = refusedBy
    }
}
