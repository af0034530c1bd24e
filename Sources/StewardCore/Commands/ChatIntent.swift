import Foundation

/// What a slash command or its CLI twin asks for, parsed and validated, before any store is
/// touched. The CLI and Slack share this, so they can never disagree on meaning.
public enum ChatIntent: Sendable, Hashable {
    case help(ChatCommandFamily)
    case whitelistAdd(cidr: CIDR, description: String?, environment: EnvironmentName, ttl: TimeSpan)
    case whitelistRemove(cidr: CIDR, environment: EnvironmentName)
    case whitelistList(environment: EnvironmentName)
    case bastion(BastionVerb, environment: EnvironmentName)
    case infra(InfraVerb, environment: EnvironmentName)
    /// `/infra drift [ENV]`: the current drift report (every environment when nil).
    case drift(environment: EnvironmentName?)
    /// `/infra drift ack ID 7d reason…`: acknowledges a finding (an edit, though not of desired state).
    case driftAck(id: String, duration: TimeSpan, reason: String)
}

/// The three slash commands.
public enum ChatCommandFamily: String, Sendable, Hashable, CaseIterable {
    case whitelist
    case bastion
    case infra
}

public enum BastionVerb: String, Sendable, Hashable, CaseIterable {
    case create, status, extend, destroy
}

public enum InfraVerb: String, Sendable, Hashable, CaseIterable {
    case stop, start, teardown, spinup, status

    /// The tier a verb asks for; nil for `status`.
    public var targetTier: Tier? {
        switch self {
        case .stop: return .stopped
        case .start, .spinup: return .running
        case .teardown: return .tornDown
        case .status: return nil
        }
    }
}
