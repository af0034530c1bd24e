import StewardAWS
import StewardCore

extension ObservedRule {
    /// Nil for rules with no recognisable source (kept out of plans entirely).
    init?(ec2 rule: EC2SecurityGroupRule) {
        let source: Source
        if let text = rule.cidrIPv4 ?? rule.cidrIPv6, let cidr = try? CIDR(canonicalizing: text) {
            source = .cidr(cidr)
        } else if let list = rule.prefixListID {
            source = .prefixList(list)
        } else if let group = rule.referencedGroupID {
            source = .securityGroup(group)
        } else {
            return nil
        }
        var ports: PortRange?
        if rule.ipProtocol != "-1", let from = rule.fromPort, let to = rule.toPort, from >= 0, to >= 0,
           let low = UInt16(exactly: from), let high = UInt16(exactly: to) {
            ports = try? PortRange(from: low, to: high)
        }
        self.init(
            ruleID: rule.ruleID, ipProtocol: rule.ipProtocol, ports: ports, source: source, description: rule.description,
            tags: Dictionary(rule.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        )
    }
}
