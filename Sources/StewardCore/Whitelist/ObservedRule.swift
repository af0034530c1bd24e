/// One ingress rule of a security group, as AWS reports it.
public struct ObservedRule: Sendable, Hashable, Codable {
    /// Where traffic may come from.
    /// Encoded as one string — the CIDR, the `pl-` id or the `sg-` id — so plans read well as JSON.
    public enum Source: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Canonicalized: AWS keeps whatever text it was sent, host bits and all.
        case cidr(CIDR)
        case prefixList(String)
        case securityGroup(String)

        public var description: String {
            switch self {
            case .cidr(let cidr): return cidr.description
            case .prefixList(let id): return id
            case .securityGroup(let id): return id
            }
        }

        public var cidr: CIDR? {
            if case .cidr(let cidr) = self { return cidr }
            return nil
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if text.hasPrefix("pl-") {
                self = .prefixList(text)
            } else if text.hasPrefix("sg-") {
                self = .securityGroup(text)
            } else {
                do { self = .cidr(try CIDR(canonicalizing: text)) } catch {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
                }
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// `sgr-…`
    public var ruleID: String
    /// AWS's protocol text: `tcp`, `udp`, `icmp`, `-1` (all) or a number.
    public var ipProtocol: String
    /// nil when the rule covers all ports (protocol `-1`, or AWS's -1/-1).
    public var ports: PortRange?
    public var source: Source
    public var description: String?
    public var tags: [String: String]

    public init(
        ruleID: String, ipProtocol: String = "tcp", ports: PortRange?, source: Source,
        description: String? = nil, tags: [String: String] = [:]
    ) {
        self.ruleID = ruleID
        self.ipProtocol = ipProtocol
        self.ports = ports
        self.source = source
        self.description = description
        self.tags = tags
    }

    /// The protocol when it is one Steward grants.
    public var networkProtocol: NetworkProtocol? { NetworkProtocol(rawValue: ipProtocol) }

    public func isOwned(by ownerID: String) -> Bool {
        tags[StewardTag.owner] == ownerID
    }

    /// Open to every address on the internet.
    public var isWorldOpen: Bool { source.cidr?.isWorldOpen ?? false }

    /// How the rule reads in a plan or drift line: `203.0.113.0/24 tcp/443`.
    public var summary: String {
        let portText = ports.map { "/\($0)" } ?? (ipProtocol == "-1" ? "" : "/all")
        let protocolText = ipProtocol == "-1" ? "all traffic" : ipProtocol
        return "\(source) \(protocolText)\(portText)"
    }
}
