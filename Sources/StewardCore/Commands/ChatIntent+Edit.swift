import Foundation

extension ChatIntent {
    /// The desired-state edit this intent asks for, or nil when it only reads (list, status,
    /// help). `now` comes from the caller: Core has no clock of its own.
    public func edit(actor: String, now: Date, policy: Policy) -> DesiredStateEdit? {
        switch self {
        case .help, .whitelistList, .drift, .driftAck:
            return nil
        case .whitelistAdd(let cidr, let description, _, let ttl):
            let entry = WhitelistEntry(
                cidr: cidr,
                description: description ?? ChatIntent.defaultDescription(actor: actor),
                addedBy: actor,
                addedAt: now,
                expiresAt: now.addingTimeInterval(ttl.timeInterval)
            )
            return .addWhitelistEntry(entry)
        case .whitelistRemove(let cidr, _):
            return .removeWhitelistEntry(cidr)
        case .bastion(let verb, _):
            switch verb {
            case .create:
                return .createBastionLease(BastionLease(
                    requestedBy: actor, requestedAt: now, expiresAt: now.addingTimeInterval(policy.bastionTTL.timeInterval)))
            case .extend:
                return .extendBastionLease(by: policy.bastionTTL)
            case .destroy:
                return .dropBastionLease
            case .status:
                return nil
            }
        case .infra(let verb, _):
            return verb.targetTier.map(DesiredStateEdit.setTier)
        }
    }

    /// The environment the intent concerns; nil for help.
    public var environment: EnvironmentName? {
        switch self {
        case .help, .driftAck: return nil
        case .drift(let environment): return environment
        case .whitelistAdd(_, _, let environment, _), .whitelistRemove(_, let environment),
             .whitelistList(let environment), .bastion(_, let environment), .infra(_, let environment):
            return environment
        }
    }

    /// Changes what Steward keeps (an ack in the findings history) without editing desired
    /// state: recorded and access-checked as an edit.
    public var acknowledgesDrift: Bool {
        if case .driftAck = self { return true }
        return false
    }

    /// "added by <actor>", kept within what AWS accepts on a rule description: the actor is a
    /// Slack user id or a login, but a display name can hold anything, and a description AWS
    /// refuses would fail the reconcile rather than the command.
    static func defaultDescription(actor: String) -> String {
        let sanitized = String(actor.map { Policy.isAllowedInDescription($0) ? $0 : "_" })
        let text = "added by " + (sanitized.isEmpty ? "unknown" : sanitized)
        return String(text.prefix(Policy.maximumDescriptionLength))
    }
}
