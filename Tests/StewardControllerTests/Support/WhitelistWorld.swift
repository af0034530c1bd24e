import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport

/// One test's estate: a fresh moto_server, tagged security groups, a desired-state directory
/// and Steward's real reconciler wired to them. `close()` stops everything it started.
final class WhitelistWorld: TestResource, @unchecked Sendable {
    let moto: MotoServer
    let directory: URL
    let transport: AsyncHTTPClientTransport
    let ec2: EC2Client
    var configuration: StewardConfiguration
    var clock: Date

    static let start = Date(timeIntervalSince1970: 1_795_773_600) // 2026-11-27T10:00:00Z

    init(moto: MotoServer, configuration: StewardConfiguration = StewardConfiguration()) throws {
        self.moto = moto
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-world-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
        transport = AsyncHTTPClientTransport()
        ec2 = EC2Client(client: try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport))
        self.configuration = configuration
        self.configuration.auditLogPath = directory.appendingPathComponent("audit.jsonl").path
        clock = Self.start
    }

    static func make(configuration: StewardConfiguration = StewardConfiguration()) async throws -> WhitelistWorld {
        let moto = try await MotoServer.start()
        do {
            return try WhitelistWorld(moto: moto, configuration: configuration)
        } catch {
            await moto.stop()
            throw error
        }
    }

    /// Runs `body` in a fresh world and closes it however the body ends.
    static func with(configuration: StewardConfiguration = StewardConfiguration(), _ body: (WhitelistWorld) async throws -> Void) async throws {
        try await make(configuration: configuration).use(body)
    }

    func close() async {
        try? await transport.shutdown()
        await moto.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var desiredStateDirectory: URL { directory.appendingPathComponent("desired-state") }

    /// A reconciler reading this world's desired state, with the world's clock.
    func reconciler() -> Reconciler {
        let configuration = self.configuration
        let store = YAMLDirectoryStore(directory: desiredStateDirectory, policy: configuration.policy, clock: { [self] in clock })
        return Reconciler(
            store: store, aws: ec2.client, configuration: configuration, audit: AuditLog(url: URL(fileURLWithPath: configuration.auditLogPath!)),
            stages: .whitelistOnly, clock: { [self] in clock }
        )
    }

    /// Creates a group through boto3 (not Steward's client) and returns its id.
    func createGroup(_ name: String, tags: [String: String]) async throws -> String {
        let tagList = tags.sorted { $0.key < $1.key }.map { "{'Key': '\($0.key)', 'Value': '\($0.value)'}" }.joined(separator: ", ")
        let spec = tags.isEmpty ? "[]" : "[{'ResourceType': 'security-group', 'Tags': [\(tagList)]}]"
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        print(ec2.create_security_group(GroupName='\(name)', Description='\(name)', VpcId=vpc, TagSpecifications=\(spec))['GroupId'])
        """)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func managedGroup(_ name: String, environment: String = "dev", ports: String? = nil) async throws -> String {
        var tags = ["WhitelistManaged": "true", "Environment": environment]
        if let ports { tags["WhitelistPorts"] = ports }
        return try await createGroup(name, tags: tags)
    }

    /// A rule made by hand (no Steward tags), through boto3.
    func handMadeRule(_ groupID: String, cidr: String, port: Int = 443) async throws {
        _ = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        ec2.authorize_security_group_ingress(GroupId='\(groupID)', IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': \(port), 'ToPort': \(port), 'IpRanges': [{'CidrIp': '\(cidr)', 'Description': 'by hand'}]}])
        """)
    }

    struct Rule: Decodable, Hashable {
        var groupID: String
        var ruleID: String
        var cidr: String
        var port: Int
        var description: String?
        var tags: [String: String]
    }

    /// Ingress rules as boto3 sees them: the independent check of what Steward did.
    func rules(_ groupID: String) async throws -> [Rule] {
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(groupID)']}])['SecurityGroupRules']
        print(json.dumps([{'groupID': r['GroupId'], 'ruleID': r['SecurityGroupRuleId'], 'cidr': r.get('CidrIpv4') or r.get('CidrIpv6'),
            'port': r['FromPort'], 'description': r.get('Description'), 'tags': {t['Key']: t['Value'] for t in r.get('Tags', [])}}
            for r in rules if not r['IsEgress']]))
        """)
        return try JSONDecoder().decode([Rule].self, from: Data(output.utf8))
    }

    /// Writes `desired-state/<env>.yaml` from entries given as (cidr, description, expires in seconds from the clock).
    func writeDesired(_ environment: String = "dev", _ entries: [(String, String, TimeInterval)], extra: String = "") throws {
        try DesiredStateYAML(environment: environment, whitelist: entries.map { cidr, description, expiresIn in
            DesiredStateYAML.Entry(cidr: cidr, description: description, addedAt: clock.addingTimeInterval(-60), expiresAt: clock.addingTimeInterval(expiresIn))
        }, extra: extra).write(in: desiredStateDirectory)
    }

    func auditLines() throws -> [String] {
        guard let text = try? String(contentsOfFile: configuration.auditLogPath!, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
