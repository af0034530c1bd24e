import Foundation
import SlackEmulator
import StewardTestSupport

/// One end-to-end world: moto, the Slack emulator, a working directory with `desired-state/`
/// and `steward.yaml`, and the daemon a test starts — all stopped however the test ends.
final class SlackEstate: TestResource, @unchecked Sendable {
    // @unchecked: set up once; `daemon` is only touched by the test's own task.
    let moto: MotoServer
    let emulator: SlackEmulator
    let root: URL
    var daemon: RunDaemonProcess?

    var desiredState: URL { root.appendingPathComponent("desired-state") }
    var auditLog: URL { root.appendingPathComponent("steward-audit.jsonl") }

    /// Distinctive tokens: any appearance of these in output is a leak.
    static let appToken = "xapp-1-A0STEWARD01-1-LEAKCANARYAPP5f0c2e"
    static let botToken = "xoxb-1-LEAKCANARYBOT9d7b31"

    private init(moto: MotoServer, emulator: SlackEmulator, root: URL) {
        self.moto = moto
        self.emulator = emulator
        self.root = root
    }

    static func with(_ body: (SlackEstate) async throws -> Void) async throws {
        let moto = try await MotoServer.start()
        let emulator: SlackEmulator
        do {
            emulator = try await SlackEmulator.start(appToken: appToken, botToken: botToken)
        } catch {
            await moto.stop()
            throw error
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-slack-\(UUID().uuidString.prefix(8))")
        try await SlackEstate(moto: moto, emulator: emulator, root: root).use { estate in
            try FileManager.default.createDirectory(at: estate.desiredState, withIntermediateDirectories: true)
            try await body(estate)
        }
    }

    func close() async {
        _ = await daemon?.stop()
        await emulator.stop()
        await moto.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// `steward run` on this estate with both tokens and `steward.yaml` from the root.
    func startDaemon(interval: String = "60s") throws {
        var environment = moto.clientEnvironment
        environment["SLACK_API_URL"] = emulator.apiURL
        environment["SLACK_APP_TOKEN"] = Self.appToken
        environment["SLACK_BOT_TOKEN"] = Self.botToken
        daemon = try RunDaemonProcess(
            ["--listen", "127.0.0.1:0", "--desired-state", desiredState.path, "--interval", interval,
             "--config", root.appendingPathComponent("steward.yaml").path],
            in: root, environment: environment)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func desiredText(_ environment: String = "dev") -> String {
        (try? String(contentsOf: desiredState.appendingPathComponent("\(environment).yaml"), encoding: .utf8)) ?? ""
    }

    /// A managed group (tags `WhitelistManaged=true`, `Environment=dev`), made with boto3.
    func managedGroup(_ name: String, environment: String = "dev") async throws -> String {
        try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        tags = [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': '\(environment)'}]
        print(ec2.create_security_group(GroupName='\(name)', Description='\(name)', VpcId=vpc,
              TagSpecifications=[{'ResourceType': 'security-group', 'Tags': tags}])['GroupId'])
        """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls boto3 until the group's ingress CIDRs satisfy `condition` (bounded).
    func waitForCIDRs(_ groupID: String, timeout: Duration, _ condition: (Set<String>) -> Bool) async throws -> Set<String> {
        let deadline = ContinuousClock.now + timeout
        var last: Set<String> = []
        while ContinuousClock.now < deadline {
            let output = try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(groupID)']}])['SecurityGroupRules']
            print(json.dumps([r.get('CidrIpv4') or r.get('CidrIpv6') for r in rules if not r['IsEgress']]))
            """)
            last = Set(try JSONDecoder().decode([String?].self, from: Data(output.utf8)).compactMap { $0 })
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }
}
