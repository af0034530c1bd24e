import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// Prefix-list mode end to end against moto_server through the real Reconciler; outcomes
/// checked with boto3. moto doesn't check CurrentVersion or MaxEntries and erases a list's
/// name on a modify without one (MOTO.md item 7), so what Steward *sends* is asserted with
/// moto's request recorder.
@Suite(.serialized) struct PrefixListModeTests {
    static let dev = try! EnvironmentName("dev")

    struct Rule: Decodable, Hashable {
        var ruleID: String
        var cidr: String?
        var prefixListID: String?
        var port: Int
        var tags: [String: String]
        var owned: Bool { tags["steward:owner"] == "steward" }
    }

    struct List: Decodable {
        var id: String
        var name: String
        var family: String
        var maxEntries: Int
        var entries: [String: String]
    }

    /// Ingress rules as boto3 sees them, prefix-list references included.
    static func rules(_ world: WhitelistWorld, _ groupID: String) async throws -> [Rule] {
        let output = try await world.moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(groupID)']}])['SecurityGroupRules']
        print(json.dumps([{'ruleID': r['SecurityGroupRuleId'], 'cidr': r.get('CidrIpv4') or r.get('CidrIpv6'), 'prefixListID': r.get('PrefixListId'),
            'port': r['FromPort'], 'tags': {t['Key']: t['Value'] for t in r.get('Tags', [])}} for r in rules if not r['IsEgress']]))
        """)
        return try JSONDecoder().decode([Rule].self, from: Data(output.utf8))
    }

    /// Steward's lists with their entries, through boto3's get_managed_prefix_list_entries.
    static func lists(_ world: WhitelistWorld) async throws -> [List] {
        let output = try await world.moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        lists = ec2.describe_managed_prefix_lists(Filters=[{'Name': 'tag:steward:owner', 'Values': ['steward']}])['PrefixLists']
        print(json.dumps([{'id': l['PrefixListId'], 'name': l.get('PrefixListName', ''), 'family': l['AddressFamily'], 'maxEntries': l['MaxEntries'],
            'entries': {e['Cidr']: e.get('Description', '') for e in ec2.get_managed_prefix_list_entries(PrefixListId=l['PrefixListId'])['Entries']}}
            for l in lists]))
        """)
        return try JSONDecoder().decode([List].self, from: Data(output.utf8)).sorted { $0.family < $1.family }
    }

    /// Query bodies of the recorded requests, in order.
    static func prefixListMode(_ world: WhitelistWorld) {
        world.configuration.environments[dev] = EnvironmentSettings(whitelistMode: .prefixList)
    }

    static func rulesMode(_ world: WhitelistWorld) {
        world.configuration.environments[dev] = EnvironmentSettings(whitelistMode: .rules)
    }

    @Test func prefixListModeConvergesBothWays() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let ssh = try await world.managedGroup("ssh", ports: "22,8443")
            try await world.handMadeRule(web, cidr: "192.0.2.200/32")
            let entries: [(String, String, TimeInterval)] = [
                ("203.0.113.10/32", "John office IP", 86_400), ("198.51.100.0/24", "Office", 86_400), ("2001:db8::/64", "IPv6 office", 86_400),
            ]
            try world.writeDesired("dev", entries)

            // Rules mode first: one rule per network and port.
            let rulesReport = await world.reconciler().reconcile()
            #expect(rulesReport.failedActions.isEmpty)
            #expect(try await Self.rules(world, web).filter(\.owned).count == 3)

            // Into prefix-list mode.
            Self.prefixListMode(world)
            let into = await world.reconciler().reconcile()
            #expect(into.failure == nil)
            #expect(into.refusals.isEmpty, "\(into.refusals)")
            #expect(into.failedActions.isEmpty, "\(into.failedActions)")
            let lists = try await Self.lists(world)
            #expect(lists.map(\.family) == ["IPv4", "IPv6"])
            #expect(lists.map(\.name) == ["steward-dev-ipv4", "steward-dev-ipv6"])
            #expect(lists.first?.entries == ["203.0.113.10/32": "John office IP", "198.51.100.0/24": "Office"])
            #expect(lists.last?.entries == ["2001:db8::/64": "IPv6 office"])
            try #require(lists.count == 2)
            let (v4, v6) = (lists[0].id, lists[1].id)
            let webRules = try await Self.rules(world, web)
            #expect(Set(webRules.filter(\.owned).map { "\($0.prefixListID ?? $0.cidr ?? "?"):\($0.port)" }) == ["\(v4):443", "\(v6):443"])
            #expect(webRules.contains { $0.cidr == "192.0.2.200/32" && !$0.owned }, "hand-made rule untouched")
            let sshRules = try await Self.rules(world, ssh)
            #expect(Set(sshRules.map { "\($0.prefixListID ?? $0.cidr ?? "?"):\($0.port)" }) == ["\(v4):22", "\(v4):8443", "\(v6):22", "\(v6):8443"])
            #expect(sshRules.allSatisfy { $0.owned && $0.tags["steward:environment"] == "dev" })

            // Converged: a second pass only reads.
            try await world.moto.startRecording()
            let steady = await world.reconciler().reconcile()
            let actions = MotoRecording.actions(try await world.moto.downloadRecording())
            try await world.moto.stopRecording()
            #expect(steady.results.isEmpty, "\(steady.results)")
            #expect(actions == ["DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeManagedPrefixLists",
                                "GetManagedPrefixListEntries", "GetManagedPrefixListEntries"])

            // And back to rules mode: references revoked, one rule per network and port again.
            // Revoking every reference trips the rules-mode revoke budget (they're all of the
            // environment's owned rules), so the switch back is forced, as an operator would.
            Self.rulesMode(world)
            let back = await world.reconciler().reconcile(ReconcileOptions(force: true))
            #expect(back.failedActions.isEmpty, "\(back.failedActions)")
            let webBack = try await Self.rules(world, web)
            #expect(Set(webBack.filter(\.owned).map { "\($0.cidr ?? "?"):\($0.port)" }) == ["203.0.113.10/32:443", "198.51.100.0/24:443", "2001:db8::/64:443"])
            #expect(!webBack.contains { $0.prefixListID != nil })
            #expect(webBack.contains { $0.cidr == "192.0.2.200/32" && !$0.owned }, "hand-made rule untouched")
            #expect(try await Self.rules(world, ssh).allSatisfy { $0.prefixListID == nil && $0.owned })
            #expect(try await Self.rules(world, ssh).count == 6)
            // The lists stay (never deleted: something else may reference them).
            #expect(try await Self.lists(world).count == 2)
        }
    }

    @Test func entryChangesTouchOnlyTheListWithVersionAndName() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            Self.prefixListMode(world)
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400), ("198.51.100.0/24", "Office", 86_400)])
            _ = await world.reconciler().reconcile()
            let before = try await Self.rules(world, web)

            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400), ("192.0.2.0/24", "Lab", 86_400)])
            try await world.moto.startRecording()
            let report = await world.reconciler().reconcile()
            let recording = try await world.moto.downloadRecording()
            try await world.moto.stopRecording()
            #expect(report.failedActions.isEmpty, "\(report.failedActions)")
            #expect(Set(report.results.map { "\($0.kind.rawValue) \($0.target)" }) == ["authorize 192.0.2.0/24", "revoke 198.51.100.0/24"])

            let actions = MotoRecording.actions(recording)
            #expect(actions == ["DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeManagedPrefixLists",
                                "GetManagedPrefixListEntries", "ModifyManagedPrefixList"], "no security-group call")
            let modify = try #require(MotoRecording.bodies(recording).first { $0.contains("Action=ModifyManagedPrefixList") })
            #expect(modify.contains("CurrentVersion=1"))
            #expect(modify.contains("PrefixListName=steward-dev-ipv4"))
            #expect(modify.contains("AddEntry.1.Cidr=192.0.2.0/24"))
            #expect(modify.contains("RemoveEntry.1.Cidr=198.51.100.0/24"))

            let lists = try await Self.lists(world)
            #expect(lists.first?.name == "steward-dev-ipv4", "name kept")
            #expect(lists.first?.entries == ["203.0.113.10/32": "John", "192.0.2.0/24": "Lab"])
            #expect(try await Self.rules(world, web) == before, "rules unchanged")

            // The next modify quotes the version the last one produced.
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400)])
            try await world.moto.startRecording()
            _ = await world.reconciler().reconcile()
            // The recorder keeps earlier recordings: the last modify is this pass's.
            let second = MotoRecording.bodies(try await world.moto.downloadRecording()).last { $0.contains("Action=ModifyManagedPrefixList") }
            try await world.moto.stopRecording()
            #expect(second?.contains("CurrentVersion=2") == true, "\(second ?? "no modify")")
        }
    }

    @Test func maxEntriesGrowInAModifyOfTheirOwnBeforeEntriesAreAdded() async throws {
        try await WhitelistWorld.with { world in
            _ = try await world.managedGroup("web")
            Self.prefixListMode(world)
            let networks = (0..<15).map { ("198.51.100.\($0 * 16)/28", "n\($0)", TimeInterval(86_400)) }
            try world.writeDesired("dev", Array(networks.prefix(8)))
            try await world.moto.startRecording()
            _ = await world.reconciler().reconcile()
            let create = MotoRecording.bodies(try await world.moto.downloadRecording()).first { $0.contains("Action=CreateManagedPrefixList") }
            try await world.moto.stopRecording()
            #expect(create?.contains("MaxEntries=10") == true)
            #expect(create?.contains("ClientToken=") == true)

            try world.writeDesired("dev", networks)
            try await world.moto.startRecording()
            let report = await world.reconciler().reconcile()
            let modifies = MotoRecording.bodies(try await world.moto.downloadRecording()).filter { $0.contains("Action=ModifyManagedPrefixList") }
            try await world.moto.stopRecording()
            #expect(report.failedActions.isEmpty, "\(report.failedActions)")
            #expect(modifies.count == 2)
            #expect(modifies.first.map { $0.contains("MaxEntries=20") && !$0.contains("AddEntry") } == true, "resize alone first")
            #expect(modifies.last.map { $0.contains("AddEntry.7.Cidr") && !$0.contains("MaxEntries") && $0.contains("CurrentVersion=") } == true)
            #expect(report.results.contains { $0.target == .setting("max entries 10 -> 20") && $0.outcome == .applied })
            #expect(try await Self.lists(world).first?.entries.count == 15)
        }
    }

    @Test func unreadableDesiredStateAddsNothingToTheList() async throws {
        try await WhitelistWorld.with { world in
            _ = try await world.managedGroup("web")
            Self.prefixListMode(world)
            try world.writeDesired("dev", [("203.0.113.10/32", "Expiring", 30), ("198.51.100.0/24", "Staying", 86_400)])
            let reconciler = world.reconciler()
            _ = await reconciler.reconcile()
            try world.writeDesired("dev", [("192.0.2.0/24", "New", 86_400)], extra: "colour: blue\n")
            world.clock = world.clock.addingTimeInterval(60)
            let report = await reconciler.reconcile()
            #expect(!report.desiredStateErrors.isEmpty)
            #expect(try await Self.lists(world).first?.entries == ["198.51.100.0/24": "Staying"])
        }
    }
    /// A network wider than policy added to Steward's list by hand (boto3) is a critical
    /// rule-wider-than-policy finding on the list, as a wide hand-made rule is on a group; the
    /// next apply removes it.
    @Test(.timeLimit(.minutes(8))) func aWideEntryAddedByHandIsCriticalDrift() async throws {
        try await WhitelistWorld.with { world in
            _ = try await world.managedGroup("web")
            Self.prefixListMode(world)
            try world.writeDesired("dev", [("203.0.113.10/32", "John office IP", 86_400)])
            let converged = await world.reconciler().reconcile()
            #expect(converged.failedActions.isEmpty, "\(converged.failedActions)")
            let listID = try #require(try await Self.lists(world).first?.id)
            _ = try await world.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            version = ec2.describe_managed_prefix_lists(PrefixListIds=['\(listID)'])['PrefixLists'][0]['Version']
            ec2.modify_managed_prefix_list(PrefixListId='\(listID)', CurrentVersion=version, PrefixListName='steward-dev-ipv4',
                AddEntries=[{'Cidr': '10.0.0.0/8', 'Description': 'by hand'}])
            """)
            #expect(try await Self.lists(world).first?.entries["10.0.0.0/8"] == "by hand")

            let planned = await world.reconciler().plan(ReconcileOptions(dryRun: true))
            let items = DriftObservation(report: planned.report).items
            let wide = try #require(items.first { $0.kind == .ruleWiderThanPolicy }, "\(items)")
            #expect(wide.severity == .critical)
            #expect(wide.resource == .prefixList(id: listID))
            #expect(wide.id == "rule-wider-than-policy:prefix-list:\(listID)")
            #expect(wide.message.contains("10.0.0.0/8"))
            #expect(!items.contains { $0.kind == .ownedRuleNotDesired }, "the wide entry is not also a low finding: \(items)")

            let fixed = await world.reconciler().reconcile()
            #expect(fixed.failedActions.isEmpty, "\(fixed.failedActions)")
            #expect(try await Self.lists(world).first?.entries == ["203.0.113.10/32": "John office IP"])
            let after = DriftObservation(report: await world.reconciler().plan(ReconcileOptions(dryRun: true)).report).items
            #expect(!after.contains { $0.kind == .ruleWiderThanPolicy }, "\(after)")
        }
    }
}
