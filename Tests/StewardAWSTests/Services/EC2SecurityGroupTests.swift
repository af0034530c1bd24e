import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("EC2 security groups against moto", .moto, .serialized)
struct EC2SecurityGroupTests {
    /// Creates a tagged group with boto3 (an independent client) and returns its id.
    func makeGroup(_ moto: MotoServer, environment: String) async throws -> String {
        let name = uniqueName("sg")
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        g = ec2.create_security_group(GroupName='\(name)', Description='steward test', VpcId=vpc,
            TagSpecifications=[{'ResourceType': 'security-group', 'Tags': [
                {'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': '\(environment)'}]}])
        print(g['GroupId'])
        """)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func describeByTagFiltersAndAuthorizeWithRuleTags() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let environment = uniqueName("env")
        let groupID = try await makeGroup(fixture.server, environment: environment)

        let rules = try await ec2.authorizeSecurityGroupIngress(
            groupID: groupID,
            permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 443, toPort: 443,
                                          ipv4Ranges: [EC2IPRange(cidr: "203.0.113.10/32", description: "John office"), EC2IPRange(cidr: "198.51.100.0/24", description: "VPN")],
                                          ipv6Ranges: [EC2IPRange(cidr: "2001:db8::/64", description: "v6 office")])],
            ruleTags: [AWSTag(key: "steward:owner", value: "steward")]
        )
        #expect(rules.count == 3)
        #expect(rules.allSatisfy { $0.tags.value(for: "steward:owner") == "steward" && !$0.ruleID.isEmpty })

        let groups = try await ec2.describeSecurityGroups(filters: [.tag("WhitelistManaged", "true"), .tag("Environment", environment)])
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.groupID == groupID)
        #expect(group.vpcID?.hasPrefix("vpc-") == true)
        #expect(group.tags.value(for: "Environment") == environment)

        // Rules (with their ids, tags and descriptions) come from DescribeSecurityGroupRules.
        let owned = try await ec2.describeSecurityGroupRules(filters: [EC2Filter(name: "group-id", values: [groupID]), .tag("steward:owner", "steward")])
        #expect(Set(owned.compactMap { $0.cidrIPv4 ?? $0.cidrIPv6 }) == ["203.0.113.10/32", "198.51.100.0/24", "2001:db8::/64"])
        #expect(Dictionary(uniqueKeysWithValues: owned.map { ($0.cidrIPv4 ?? $0.cidrIPv6 ?? "", $0.description ?? "") })
                == ["203.0.113.10/32": "John office", "198.51.100.0/24": "VPN", "2001:db8::/64": "v6 office"])
        #expect(owned.allSatisfy { !$0.isEgress && $0.groupID == groupID && $0.ipProtocol == "tcp" && $0.fromPort == 443 && $0.toPort == 443 })

        // Cross-check with the aws CLI.
        let cli = try parseJSON(try await fixture.server.aws(["ec2", "describe-security-group-rules", "--filters", "Name=group-id,Values=\(groupID)", "Name=tag:steward:owner,Values=steward"])) as? [String: Any]
        let cliRules = try #require(cli?["SecurityGroupRules"] as? [[String: Any]])
        #expect(Set(cliRules.compactMap { $0["SecurityGroupRuleId"] as? String }) == Set(owned.map(\.ruleID)))
    }

    @Test func revokeByRuleIDsAndByPermissions() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let groupID = try await makeGroup(fixture.server, environment: uniqueName("env"))
        let rules = try await ec2.authorizeSecurityGroupIngress(
            groupID: groupID,
            permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: [EC2IPRange(cidr: "10.1.0.0/16"), EC2IPRange(cidr: "10.2.0.0/16")])],
            ruleTags: [AWSTag(key: "steward:owner", value: "steward")]
        )
        let first = try #require(rules.first { $0.cidrIPv4 == "10.1.0.0/16" })
        try await ec2.revokeSecurityGroupIngress(groupID: groupID, ruleIDs: [first.ruleID])
        try await ec2.revokeSecurityGroupIngress(groupID: groupID, permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: [EC2IPRange(cidr: "10.2.0.0/16")])])

        let remaining = try await ec2.describeSecurityGroupRules(filters: [EC2Filter(name: "group-id", values: [groupID])])
        #expect(remaining.filter { !$0.isEgress }.isEmpty)
        let output = try await fixture.server.aws(["ec2", "describe-security-groups", "--group-ids", groupID])
        #expect(!output.contains("10.1.0.0/16") && !output.contains("10.2.0.0/16"))
    }

    @Test func updateDescriptionsByPermission() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let groupID = try await makeGroup(fixture.server, environment: uniqueName("env"))
        try await ec2.authorizeSecurityGroupIngress(groupID: groupID, permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: [EC2IPRange(cidr: "192.0.2.0/24", description: "old")])])
        try await ec2.updateSecurityGroupRuleDescriptionsIngress(groupID: groupID, permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: [EC2IPRange(cidr: "192.0.2.0/24", description: "new description")])])
        // The rule-id form is accepted too (moto ignores it; AWS applies it).
        let rules = try await ec2.describeSecurityGroupRules(filters: [EC2Filter(name: "group-id", values: [groupID])])
        let rule = try #require(rules.first { $0.cidrIPv4 == "192.0.2.0/24" })
        #expect(rule.description == "new description")
        try await ec2.updateSecurityGroupRuleDescriptionsIngress(groupID: groupID, updates: [EC2RuleDescriptionUpdate(ruleID: rule.ruleID, description: "by id")])

        let output = try await fixture.server.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        g = ec2.describe_security_groups(GroupIds=['\(groupID)'])['SecurityGroups'][0]
        print(json.dumps([r.get('Description') for p in g['IpPermissions'] for r in p['IpRanges']]))
        """)
        #expect(output.contains("new description"))
    }

    @Test func duplicateAuthorizeIsATypedEC2Error() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let groupID = try await makeGroup(fixture.server, environment: uniqueName("env"))
        let permission = EC2IPPermission(ipProtocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: [EC2IPRange(cidr: "192.0.2.7/32")])
        try await ec2.authorizeSecurityGroupIngress(groupID: groupID, permissions: [permission])
        let error = try await #require(throws: AWSError.self) {
            try await ec2.authorizeSecurityGroupIngress(groupID: groupID, permissions: [permission])
        }
        #expect(error.code == "InvalidPermission.Duplicate")
        #expect(error.statusCode == 400)
        #expect(error.requestID?.isEmpty == false)
        #expect(error.operation == "ec2:AuthorizeSecurityGroupIngress")

        let unknown = try await #require(throws: AWSError.self) {
            try await ec2.describeSecurityGroupRules(ruleIDs: ["sgr-00000000000000000"])
        }
        #expect(unknown.code == "InvalidSecurityGroupRuleId.NotFound")
    }

    @Test func sameCIDRTwiceInOneCallIsRefusedBeforeSending() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let error = try await #require(throws: AWSClientError.self) {
            try await ec2.authorizeSecurityGroupIngress(groupID: "sg-1", permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 443, toPort: 443, ipv4Ranges: [EC2IPRange(cidr: "192.0.2.7/32"), EC2IPRange(cidr: "192.0.2.7/32")])])
        }
        #expect(error.kind == .invalidRequest)
    }

    @Test func managedPrefixListLifecycle() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let name = uniqueName("pl")
        let created = try await ec2.createManagedPrefixList(name: name, addressFamily: "IPv4", maxEntries: 10,
                                                            entries: [EC2IPRange(cidr: "203.0.113.0/24", description: "a")],
                                                            tags: [AWSTag(key: "steward:owner", value: "steward")])
        #expect(created.prefixListID.hasPrefix("pl-"))
        #expect(created.name == name)
        #expect(created.maxEntries == 10)

        let listed = try await ec2.describeManagedPrefixLists(filters: [.tag("steward:owner", "steward")])
        let list = try #require(listed.first { $0.prefixListID == created.prefixListID })
        let version = try #require(list.version)

        let modified = try await ec2.modifyManagedPrefixList(prefixListID: list.prefixListID, currentVersion: version, name: name,
                                                             add: [EC2IPRange(cidr: "198.51.100.0/24", description: "b")], remove: ["203.0.113.0/24"])
        #expect(modified.name == name)
        let entries = try await ec2.getManagedPrefixListEntries(prefixListID: list.prefixListID)
        #expect(entries == [EC2IPRange(cidr: "198.51.100.0/24", description: "b")])
        let old = try await ec2.getManagedPrefixListEntries(prefixListID: list.prefixListID, targetVersion: version)
        #expect(old.map(\.cidr) == ["203.0.113.0/24"])

        let cli = try await fixture.server.aws(["ec2", "get-managed-prefix-list-entries", "--prefix-list-id", list.prefixListID])
        #expect(cli.contains("198.51.100.0/24") && !cli.contains("203.0.113.0/24"))
    }
}
