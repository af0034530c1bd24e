import Foundation
import StewardAWS
import StewardCore

/// Reads the managed security groups and their ingress rules into value snapshots for the
/// planner. Two AWS calls per reconcile whatever the number of entries or environments
/// (paging aside): one DescribeSecurityGroups by selection tag, one DescribeSecurityGroupRules
/// for all the groups found (one per 200 groups: EC2's cap on a filter's values) — rule ids and
/// rule tags only come from the latter.
public struct WhitelistObserver: Sendable {
    public var ec2: EC2Client
    public var settings: @Sendable (EnvironmentName) -> WhitelistSettings

    public init(ec2: EC2Client, settings: @escaping @Sendable (EnvironmentName) -> WhitelistSettings) {
        self.ec2 = ec2
        self.settings = settings
    }

    /// Managed groups per environment, for the environments asked for (nil: every environment a
    /// managed group names, so groups of environments desired state no longer has are seen
    /// too). Groups whose `WhitelistPorts` tag can't be read are left out (never touched) and
    /// reported.
    public func observe(_ environments: [EnvironmentName]?, base: WhitelistSettings) async throws -> WhitelistObservation {
        guard environments?.isEmpty != true else { return WhitelistObservation() }
        var filters = base.selectionTags.sorted { $0.key < $1.key }.map { EC2Filter.tag($0.key, $0.value) }
        if let environments {
            filters.append(EC2Filter(name: "tag:\(base.environmentTagKey)", values: environments.map(\.rawValue).sorted()))
        }
        let groups = try await ec2.describeSecurityGroups(filters: filters)
        let rules: [EC2SecurityGroupRule] = groups.isEmpty ? [] : try await ec2.describeSecurityGroupRules(
            filters: [EC2Filter(name: "group-id", values: groups.map(\.groupID).sorted())]
        )
        var rulesByGroup: [String: [EC2SecurityGroupRule]] = [:]
        for rule in rules where !rule.isEgress {
            rulesByGroup[rule.groupID, default: []].append(rule)
        }
        var observation = WhitelistObservation()
        for environment in environments ?? [] {
            observation.groups[environment] = []
        }
        for group in groups {
            let tags = Dictionary(group.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            // The filter already selected; checking again guards against a looser emulator or a
            // tag changed between the two calls: an unselected group is never touched.
            guard base.selectionTags.allSatisfy({ tags[$0.key] == $0.value }),
                  let environmentText = tags[base.environmentTagKey],
                  let environment = try? EnvironmentName(environmentText), environments?.contains(environment) ?? true
            else { continue }
            let environmentSettings = settings(environment)
            let ports: [PortRange]
            if let tag = tags[environmentSettings.portsTagKey] {
                switch WhitelistPortsTag.parse(tag) {
                case .success(let parsed): ports = parsed
                case .failure(let error):
                    observation.problems.append(ObservationProblem(
                        source: .securityGroups, environment: environment, message: "\(group.groupID): \(error); group left untouched"))
                    continue
                }
            } else {
                ports = environmentSettings.defaultPorts
            }
            let observedRules = (rulesByGroup[group.groupID] ?? []).compactMap(ObservedRule.init(ec2:))
            observation.groups[environment, default: []].append(ObservedSecurityGroup(
                id: group.groupID, name: group.groupName, tags: tags, whitelistPorts: ports, ingressRules: observedRules
            ))
        }
        return observation
    }
}
