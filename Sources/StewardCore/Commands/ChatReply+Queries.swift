import Foundation

extension ChatReply {
    /// The reply to a read-only intent (help, list, status) from desired state alone; nil for
    /// intents that edit, whose reply is `applied(_:before:after:now:usage:)`.
    public static func answer(_ intent: ChatIntent, state: DesiredState, now: Date,
                              usage: ChatCommandUsage = ChatCommandUsage(), observed: String? = nil) -> ChatReply? {
        switch intent {
        case .help(let family): return help(family, usage: usage)
        case .whitelistList: return whitelistList(state, now: now, commandPrefix: usage.commandPrefix)
        case .bastion(.status, _): return bastionStatus(state, now: now, commandPrefix: usage.commandPrefix, observed: observed)
        case .infra(.status, _): return infraStatus(state, now: now, observed: observed)
        case .whitelistAdd, .whitelistRemove, .bastion, .infra, .drift, .driftAck: return nil
        }
    }

    /// Every entry, sorted by network, each marked active or expired with its expiry relative
    /// to `now`. Expired entries stay listed: they are in the file until someone removes them.
    public static func whitelistList(_ state: DesiredState, now: Date, commandPrefix: String = "/") -> ChatReply {
        let environment = state.environment
        guard !state.whitelist.isEmpty else {
            return ChatReply(text: "\(environment) whitelist (desired): empty. "
                + "`\(commandPrefix)whitelist add CIDR --env \(environment)` adds a network.")
        }
        let entries = state.whitelist.sorted { $0.cidr < $1.cidr }
        let active = entries.filter { $0.isActive(at: now) }.count
        var lines = ["\(environment) whitelist (desired): \(count(entries.count, "entry", "entries")), \(active) active"]
        for entry in entries {
            lines.append("• \(entry.cidr) — \(expiryText(entry, now: now)) — \"\(entry.description)\" — by \(entry.addedBy)")
        }
        return ChatReply(text: lines.joined(separator: "\n"))
    }

    /// The bastion lease desired state holds. `observed` is the extension point for what AWS
    /// holds (instance id, state, address), rendered by the controller once the observer
    /// exists; it is appended on its own line as `AWS: …`. Until then the reply says only what
    /// is wanted, and its `(desired)` label says so.
    public static func bastionStatus(_ state: DesiredState, now: Date, commandPrefix: String = "/",
                                     observed: String? = nil) -> ChatReply {
        let environment = state.environment
        var text = "\(environment) bastion (desired): " + bastionText(state, now: now)
        if state.bastion == nil || state.bastion?.isActive(at: now) == false {
            text += state.tier == .running
                ? " `\(commandPrefix)bastion create \(environment)` asks for one."
                : " \(environment) is \(state.tier.rawValue); a bastion needs it running."
        }
        return ChatReply(text: appending(observed, to: text))
    }

    /// Tier, protection, bastion and whitelist summary from desired state. `observed` is the
    /// same extension point as in `bastionStatus`: the controller's account of what runs.
    public static func infraStatus(_ state: DesiredState, now: Date, observed: String? = nil) -> ChatReply {
        var first = "\(state.environment) (desired): \(state.tier.rawValue)"
        if state.isProtected {
            first += ", protected"
            if let until = state.allowTeardownUntil, until > now {
                first += " (teardown allowed until \(Timestamp.text(until)))"
            }
        }
        var whitelist = "whitelist: "
        if state.whitelist.isEmpty {
            whitelist += "no entries"
        } else {
            let active = state.activeEntries(at: now)
            whitelist += "\(count(state.whitelist.count, "entry", "entries")), \(active.count) active"
            if let next = active.compactMap(\.expiresAt).min() {
                whitelist += "; next expiry \(Timestamp.text(next)) (\(relative(next, from: now)))"
            }
        }
        var lines = [first, "bastion: " + bastionText(state, now: now), whitelist]
        if let override = state.overrides?.summary(tier: state.tier) { lines.append("override: " + override) }
        return ChatReply(text: appending(observed, to: lines.joined(separator: "\n")))
    }

    private static func bastionText(_ state: DesiredState, now: Date) -> String {
        guard let lease = state.bastion else { return "none wanted." }
        let expiry = Timestamp.text(lease.expiresAt)
        guard lease.isActive(at: now) else {
            return "lease expired \(expiry) (\(relative(lease.expiresAt, from: now))); Steward terminates the bastion."
        }
        return "wanted until \(expiry) (\(relative(lease.expiresAt, from: now))), requested by \(lease.requestedBy)."
    }

    private static func expiryText(_ entry: WhitelistEntry, now: Date) -> String {
        guard let expiresAt = entry.expiresAt else { return "active, no expiry" }
        let when = "\(relative(expiresAt, from: now)) (\(Timestamp.text(expiresAt)))"
        return entry.isActive(at: now) ? "active, expires \(when)" : "expired \(when)"
    }

    private static func appending(_ observed: String?, to text: String) -> String {
        guard let observed else { return text }
        guard observed.contains("\n") else { return text + "\nAWS: " + observed }
        return text + "\nAWS:\n" + observed.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    private static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
