import Foundation
import Logging
import StewardAWS
import StewardCore

/// Carries a whitelist plan out against EC2: per group one AuthorizeSecurityGroupIngress with
/// every new rule, one RevokeSecurityGroupIngress by rule ids, one description update.
/// A batch AWS refuses is split in halves until the offending item stands alone; "already
/// there" and "already gone" count as converged. Groups run concurrently and independently.
public struct WhitelistExecutor: Sendable {
    public var ec2: EC2Client
    public var ownerID: String
    public var logger: Logger
    /// Groups worked on at once; AWS's mutating bucket refills at 5 calls a second.
    public var maximumConcurrentGroups: Int

    public init(ec2: EC2Client, ownerID: String, logger: Logger = Logger(label: "steward.executor"), maximumConcurrentGroups: Int = 4) {
        self.ec2 = ec2
        self.ownerID = ownerID
        self.logger = logger
        self.maximumConcurrentGroups = maximumConcurrentGroups
    }

    public func execute(_ plan: WhitelistPlan) async -> [ActionResult] {
        let groups = plan.groups.filter { !$0.isEmpty }
        return await withTaskGroup(of: [ActionResult].self) { taskGroup in
            var results: [ActionResult] = []
            var next = 0
            func startNext() {
                guard next < groups.count else { return }
                let group = groups[next]
                next += 1
                taskGroup.addTask { await self.execute(group, environment: plan.environment) }
            }
            for _ in 0..<min(maximumConcurrentGroups, groups.count) { startNext() }
            while let groupResults = await taskGroup.next() {
                results += groupResults
                startNext()
            }
            return results
        }
    }

    func execute(_ group: SecurityGroupPlan, environment: EnvironmentName) async -> [ActionResult] {
        var results: [ActionResult] = []
        // Revoke first: it frees quota for the grants that follow.
        results += await Batch.run(group.revoke, convergedCode: .invalidPermissionNotFound) { batch in
            try await ec2.revokeSecurityGroupIngress(groupID: group.groupID, ruleIDs: batch.map(\.ruleID))
        }.map { revoke, outcome, message in
            ActionResult(kind: .revoke, environment: environment, resource: .securityGroup(id: group.groupID),
                         target: revoke.target, reason: revoke.reason.rawValue, outcome: outcome, message: message)
        }
        let tags = [AWSTag(key: StewardTag.owner, value: ownerID),
                    AWSTag(key: StewardTag.ownedEnvironment, value: environment.rawValue)]
        results += await Batch.run(group.authorize, convergedCode: .invalidPermissionDuplicate) { batch in
            try await ec2.authorizeSecurityGroupIngress(groupID: group.groupID, permissions: Self.permissions(batch), ruleTags: tags)
        }.map { grant, outcome, message in
            ActionResult(kind: .authorize, environment: environment, resource: .securityGroup(id: group.groupID),
                         target: grant.target, reason: grant.reason.rawValue, outcome: outcome, message: message)
        }
        results += await Batch.run(group.updateDescriptions, convergedCode: .invalidPermissionNotFound) { batch in
            // The permission form works on AWS and on moto alike (moto ignores the rule-id form).
            try await ec2.updateSecurityGroupRuleDescriptionsIngress(groupID: group.groupID, permissions: Self.permissions(batch))
        }.map { update, outcome, message in
            ActionResult(kind: .updateDescription, environment: environment, resource: .securityGroup(id: group.groupID),
                         target: update.target, reason: update.reason.rawValue, outcome: outcome, message: message)
        }
        for result in results where result.outcome == .failed {
            logger.error("whitelist action failed", metadata: [
                "environment": "\(environment)", "group": "\(group.groupID)", "kind": "\(result.kind.rawValue)",
                "target": "\(result.target)", "error": "\(result.message ?? "")",
            ])
        }
        return results
    }

    static func permissions(_ grants: [RuleGrant]) -> [EC2IPPermission] {
        permissions(grants.map { ($0.networkProtocol, $0.ports, $0.cidr, $0.description) })
    }

    static func permissions(_ updates: [DescriptionUpdate]) -> [EC2IPPermission] {
        permissions(updates.map { ($0.networkProtocol, $0.ports, $0.cidr, $0.newDescription) })
    }

    /// One permission per (protocol, ports) carrying all its ranges: the fewest AWS items.
    static func permissions(_ items: [(NetworkProtocol, PortRange, CIDR, String)]) -> [EC2IPPermission] {
        struct Key: Hashable { var proto: NetworkProtocol; var ports: PortRange }
        var order: [Key] = []
        var byKey: [Key: EC2IPPermission] = [:]
        for (proto, ports, cidr, description) in items {
            let key = Key(proto: proto, ports: ports)
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = EC2IPPermission(ipProtocol: proto.rawValue, fromPort: Int(ports.from), toPort: Int(ports.to))
            }
            let range = EC2IPRange(cidr: cidr.description, description: description)
            if cidr.family == .ipv4 { byKey[key]?.ipv4Ranges.append(range) } else { byKey[key]?.ipv6Ranges.append(range) }
        }
        return order.compactMap { byKey[$0] }
    }
}
