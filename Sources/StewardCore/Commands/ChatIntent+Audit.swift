extension ChatIntent {
    /// The command as the audit log names it, e.g. `whitelist add`.
    public var auditAction: String {
        switch self {
        case .help(let family): return "\(family.rawValue) help"
        case .whitelistAdd: return "whitelist add"
        case .whitelistRemove: return "whitelist remove"
        case .whitelistList: return "whitelist list"
        case .bastion(let verb, _): return "bastion \(verb.rawValue)"
        case .infra(let verb, _): return "infra \(verb.rawValue)"
        case .drift: return "infra drift"
        case .driftAck: return "infra drift ack"
        }
    }

    /// What the command acts on: the network, or the environment.
    public var auditTarget: String {
        switch self {
        case .whitelistAdd(let cidr, _, _, _), .whitelistRemove(let cidr, _): return cidr.description
        case .driftAck(let id, _, _): return id
        default: return environment?.rawValue ?? ""
        }
    }
}
