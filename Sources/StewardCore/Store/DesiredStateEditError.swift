import Foundation

/// Why an edit was refused. Nothing is written when an edit is refused.
public enum DesiredStateEditError: Error, Sendable, Equatable, CustomStringConvertible {
    case policyViolation(environment: EnvironmentName, reasons: [String])
    case entryNotFound(CIDR, environment: EnvironmentName)
    case noBastionLease(environment: EnvironmentName)
    case bastionLeaseExists(environment: EnvironmentName, expiresAt: Date)
    case bastionLifetimeExceeded(environment: EnvironmentName, limit: Date, maximum: TimeSpan)
    case tierNotRunning(environment: EnvironmentName, tier: Tier)
    case teardownProtected(environment: EnvironmentName)
    case unknownEnvironment(EnvironmentName)
    case invalidFile([Diagnostic])
    /// The entry comes from a git-reviewed file: only a reviewed change may remove or replace it.
    case definedInReviewedFile(CIDR, path: String, verb: String)
    /// The write kept conflicting with concurrent writers; nothing of this edit was written.
    case conflictingWriters(environment: EnvironmentName, attempts: Int)

    public var description: String {
        switch self {
        case .policyViolation(let environment, let reasons):
            return "refused for \(environment): " + reasons.joined(separator: "; ")
        case .entryNotFound(let cidr, let environment):
            return "\(cidr) is not in the \(environment) whitelist; `/whitelist list \(environment)` shows what is"
        case .noBastionLease(let environment):
            return "\(environment) has no bastion lease; `/bastion create \(environment)` asks for one"
        case .bastionLeaseExists(let environment, let expiresAt):
            return "\(environment) already has a bastion lease until \(Timestamp.text(expiresAt)); use `/bastion extend \(environment)`"
        case .bastionLifetimeExceeded(let environment, let limit, let maximum):
            return "the \(environment) bastion may live at most \(maximum) in total, until \(Timestamp.text(limit)); "
                + "destroy it and create a new lease if you still need one"
        case .tierNotRunning(let environment, let tier):
            return "\(environment) is \(tier.rawValue); a bastion needs it running (`/infra start \(environment)` first)"
        case .teardownProtected(let environment):
            return "\(environment) is protected: teardown needs `allow_teardown_until:` set to a future time in "
                + "desired-state/\(environment).yaml, through review"
        case .unknownEnvironment(let environment):
            return "no environment named \(environment); desired-state/\(environment).yaml does not exist"
        case .invalidFile(let diagnostics):
            return "the desired-state file is invalid, so no edit was made; fix it first:\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        case .definedInReviewedFile(let cidr, let path, let verb):
            return "\(cidr) is defined in \(path) (git-reviewed): \(verb) it there"
        case .conflictingWriters(let environment, let attempts):
            return "\(environment) changed under this edit \(attempts) times in a row, so nothing was changed; try again"
        }
    }
}
