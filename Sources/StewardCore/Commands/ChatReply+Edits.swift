import Foundation

extension ChatReply {
    /// The reply to an edit that the store accepted: what is now queued, against what was
    /// there before (`before`, read just ahead of the edit), so a renewal says it renewed.
    /// Read-only intents get their query reply instead.
    public static func applied(_ intent: ChatIntent, before: DesiredState, after: DesiredState, now: Date,
                               usage: ChatCommandUsage = ChatCommandUsage()) -> ChatReply {
        let environment = after.environment
        switch intent {
        case .help(let family):
            return help(family, usage: usage)
        case .whitelistList:
            return whitelistList(after, now: now, commandPrefix: usage.commandPrefix)
        case .bastion(.status, _):
            return bastionStatus(after, now: now, commandPrefix: usage.commandPrefix)
        case .infra(.status, _):
            return infraStatus(after, now: now)
        case .drift, .driftAck:
            // Answered by the drift source before any desired-state edit.
            return ChatReply(text: "\(environment): drift is not a desired-state edit")

        case .whitelistAdd(let cidr, _, _, let ttl):
            let entry = after.entry(for: cidr)
            let until = entry?.expiresAt.map { "until \(Timestamp.text($0)) (\(ttl))" } ?? "with no expiry"
            let described = entry.map { " — \"\($0.description)\"" } ?? ""
            guard let previous = before.entry(for: cidr) else {
                return .queued("queued: \(cidr) added to \(environment) \(until)\(described). "
                    + "Steward applies it on its next reconcile.")
            }
            let was: String
            if let expiry = previous.expiresAt {
                was = previous.isActive(at: now) ? "was until \(Timestamp.text(expiry))" : "had expired \(Timestamp.text(expiry))"
            } else {
                was = "had no expiry"
            }
            return .queued("queued: \(cidr) renewed in \(environment) \(until)\(described) (\(was)). "
                + "Steward applies it on its next reconcile.")

        case .whitelistRemove(let cidr, _):
            let described = before.entry(for: cidr).map { " (\"\($0.description)\")" } ?? ""
            return .queued("queued: \(cidr) removed from \(environment)\(described). "
                + "Steward revokes it on its next reconcile.")

        case .infra(let verb, _):
            guard let tier = verb.targetTier, before.tier != tier else {
                return ChatReply(text: "no change: desired state already has \(environment) \(after.tier.rawValue).")
            }
            let leaseEnds = before.bastion != nil && after.bastion == nil ? " Its bastion lease ends with it." : ""
            return .queued("queued: \(environment) → \(tier.rawValue) (was \(before.tier.rawValue)). "
                + "On its next reconcile Steward \(action(for: tier)).\(leaseEnds)")

        case .bastion(.create, _):
            guard let lease = after.bastion else { return bastionGone(environment) }
            return .queued("queued: bastion for \(environment) until \(Timestamp.text(lease.expiresAt)) "
                + "(\(relative(lease.expiresAt, from: now))), requested by \(lease.requestedBy). "
                + "Steward launches it on its next reconcile.")

        case .bastion(.extend, _):
            guard let lease = after.bastion else { return bastionGone(environment) }
            let was = before.bastion.map { "; was until \(Timestamp.text($0.expiresAt))" } ?? ""
            return .queued("queued: \(environment) bastion extended until \(Timestamp.text(lease.expiresAt)) "
                + "(\(relative(lease.expiresAt, from: now))\(was)). Steward keeps it until then.")

        case .bastion(.destroy, _):
            let was = before.bastion.map { " (was until \(Timestamp.text($0.expiresAt)))" } ?? ""
            return .queued("queued: \(environment) bastion lease dropped\(was). "
                + "Steward terminates the bastion on its next reconcile.")
        }
    }

    static func action(for tier: Tier) -> String {
        switch tier {
        case .running: return "starts services at their remembered sizes and starts databases and instances"
        case .stopped: return "scales services to zero and stops databases and instances"
        case .tornDown: return "scales services to zero, stops instances and deletes databases after a final snapshot"
        }
    }

    /// A create or extend whose resulting state holds no lease: only a store that disagrees
    /// with `DesiredState.applying` can produce it, so say what is true rather than crash.
    private static func bastionGone(_ environment: EnvironmentName) -> ChatReply {
        .queued("queued: the edit was accepted, but \(environment) holds no bastion lease now.")
    }

    /// An edit that was written: the reconciler takes it from here.
    static func queued(_ text: String) -> ChatReply {
        ChatReply(text: text, kind: .queuedEdit)
    }
}
