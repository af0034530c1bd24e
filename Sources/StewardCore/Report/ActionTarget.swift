/// What an action changed on its resource, as a value: renderers word it, nothing parses it.
public enum ActionTarget: Sendable, Hashable, Codable {
    /// Access granted from a source (a network, or a prefix list's id) on a protocol and ports.
    case grant(source: String, networkProtocol: NetworkProtocol, ports: PortRange)
    /// An existing rule, by the id that can only ever name it, and what it lets in.
    case rule(id: String, source: String)
    /// One network in a prefix list.
    case entry(CIDR)
    /// What a tier, bastion or list-capacity action sets, in words (`scale to 0`).
    case setting(String)

    /// The network (or the setting) acted on, for people: without the rule id a revoke leads with.
    public var subject: String {
        switch self {
        case .grant(let source, let networkProtocol, let ports): "\(source) \(networkProtocol.rawValue)/\(ports)"
        case .rule(_, let source): source
        case .entry(let cidr): cidr.description
        case .setting(let text): text
        }
    }
}

extension ActionTarget: CustomStringConvertible {
    /// `203.0.113.10/32 tcp/443`, `sgr-0abc 203.0.113.10/32`, `203.0.113.10/32`, or the setting.
    public var description: String {
        switch self {
        case .rule(let id, let source): "\(id) \(source)"
        default: subject
        }
    }
}
