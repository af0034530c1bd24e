import Foundation
import StewardCore

/// Small builders so planner tables read as data.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_773_600) // 2026-11-27T10:00:00Z
    static let owner = "steward"
    static let env = try! EnvironmentName("dev")

    static func cidr(_ text: String) -> CIDR { try! CIDR(text) }

    static func entry(_ cidr: String, _ description: String = "office", expiresIn: TimeInterval? = 86_400) -> WhitelistEntry {
        WhitelistEntry(
            cidr: Fixture.cidr(cidr), description: description, addedBy: "tester",
            addedAt: now.addingTimeInterval(-3600), expiresAt: expiresIn.map { now.addingTimeInterval($0) }
        )
    }

    static func desired(_ entries: [WhitelistEntry]) -> DesiredState {
        DesiredState(environment: env, whitelist: entries)
    }

    static func owned(_ id: String, _ cidr: String, port: UInt16 = 443, description: String? = "office", proto: String = "tcp") -> ObservedRule {
        ObservedRule(
            ruleID: id, ipProtocol: proto, ports: PortRange(port), source: .cidr(try! CIDR(canonicalizing: cidr)),
            description: description, tags: [StewardTag.owner: owner]
        )
    }

    static func unowned(_ id: String, _ cidr: String, port: UInt16 = 443, description: String? = "by hand") -> ObservedRule {
        ObservedRule(ruleID: id, ports: PortRange(port), source: .cidr(try! CIDR(canonicalizing: cidr)), description: description)
    }

    static func group(id: String = "sg-1", ports: [UInt16] = [443], _ rules: [ObservedRule] = []) -> ObservedSecurityGroup {
        ObservedSecurityGroup(id: id, name: "web", tags: ["WhitelistManaged": "true", "Environment": "dev"],
                              whitelistPorts: ports.map { PortRange($0) }, ingressRules: rules)
    }
}
