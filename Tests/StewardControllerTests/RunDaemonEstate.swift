import Foundation
import StewardCore
import StewardTestSupport

/// A test's world for `steward run`: moto, a working directory with `desired-state/`, and
/// boto3 helpers (the independent client) to seed groups and watch rules.
final class RunDaemonEstate: TestResource, @unchecked Sendable {
    // @unchecked: immutable after init except the directory's contents.
    let moto: MotoServer
    let root: URL
    var desiredState: URL { root.appendingPathComponent("desired-state") }
    var auditLog: URL { root.appendingPathComponent("steward-audit.jsonl") }

    private init(moto: MotoServer, root: URL) {
        self.moto = moto
        self.root = root
    }

    static func make() async throws -> RunDaemonEstate {
        let moto = try await MotoServer.start()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-run-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
        } catch {
            await moto.stop()
            throw error
        }
        return RunDaemonEstate(moto: moto, root: root)
    }

    func close() async {
        await moto.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// A managed group (tags `WhitelistManaged=true`, `Environment=dev`), made with boto3.
    func managedGroup(_ name: String, environment: String = "dev") async throws -> String {
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        tags = [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': '\(environment)'}]
        print(ec2.create_security_group(GroupName='\(name)', Description='\(name)', VpcId=vpc,
              TagSpecifications=[{'ResourceType': 'security-group', 'Tags': tags}])['GroupId'])
        """)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The launch template `steward run` launches dev's bastions from (`dev-bastion`, t3.nano).
    func createBastionTemplate() async throws {
        _ = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        ami = ec2.describe_images()['Images'][0]['ImageId']
        ec2.create_launch_template(LaunchTemplateName='dev-bastion', LaunchTemplateData={'ImageId': ami, 'InstanceType': 't3.nano'})
        """)
    }

    /// Writes `desired-state/dev.yaml` atomically (as git or an editor's save would).
    func writeDesired(_ entries: [(cidr: String, expiresAt: Date)], environment: String = "dev") throws {
        try DesiredStateYAML(environment: environment, whitelist: entries.map {
            DesiredStateYAML.Entry(cidr: $0.cidr, description: "run test \($0.cidr.replacingOccurrences(of: "/", with: "-"))", expiresAt: $0.expiresAt)
        }).write(in: desiredState)
    }

    /// The CIDRs of a group's ingress rules, as boto3 sees them.
    func cidrs(_ groupID: String) async throws -> Set<String> {
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(groupID)']}])['SecurityGroupRules']
        print(json.dumps([r.get('CidrIpv4') or r.get('CidrIpv6') for r in rules if not r['IsEgress']]))
        """)
        return Set(try JSONDecoder().decode([String?].self, from: Data(output.utf8)).compactMap { $0 })
    }

    /// One boto3 process polls the group every 50 ms (bounded by `timeout`) and reports the
    /// wall-clock times at which `cidr` was first seen present and then first seen gone
    /// (nil when that didn't happen before the deadline). A single long-lived poller keeps
    /// the observation precise: no interpreter start per poll.
    func watchRule(_ groupID: String, cidr: String, timeout: TimeInterval) async throws -> (appeared: Date?, disappeared: Date?) {
        let output = try await moto.boto3("""
        import time
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        deadline = time.time() + \(timeout)
        appeared = disappeared = None
        while time.time() < deadline:
            rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(groupID)']}])['SecurityGroupRules']
            present = any(r.get('CidrIpv4') == '\(cidr)' for r in rules if not r['IsEgress'])
            now = time.time()
            if present and appeared is None:
                appeared = now
            if appeared is not None and not present:
                disappeared = now
                break
            time.sleep(0.05)
        print(json.dumps({'appeared': appeared, 'disappeared': disappeared}))
        """)
        struct Seen: Decodable { var appeared: Double?; var disappeared: Double? }
        let seen = try JSONDecoder().decode(Seen.self, from: Data(output.utf8))
        return (seen.appeared.map { Date(timeIntervalSince1970: $0) }, seen.disappeared.map { Date(timeIntervalSince1970: $0) })
    }

    /// Polls boto3 until `condition` holds for the group's CIDRs or the deadline passes.
    func waitForCIDRs(_ groupID: String, timeout: Duration, _ condition: (Set<String>) -> Bool) async throws -> Set<String> {
        let deadline = ContinuousClock.now + timeout
        var last: Set<String> = []
        while ContinuousClock.now < deadline {
            last = try await cidrs(groupID)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    func auditLines() -> [String] {
        guard let text = try? String(contentsOf: auditLog, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}

extension RunDaemonEstate {
    /// `steward run` on this estate's desired state, on a free port, every 60 s, against moto
    /// unless `environment` says otherwise; held by `slot` so it is stopped however the test ends.
    func startDaemon(_ slot: DaemonSlot, _ extra: [String] = [], environment: [String: String]? = nil) throws -> RunDaemonProcess {
        let daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--desired-state", desiredState.path, "--interval", "60s"] + extra,
                                          in: root, environment: environment ?? moto.clientEnvironment)
        slot.daemon = daemon
        return daemon
    }

    /// Holds the daemon a test starts, so it is stopped however the test ends.
    final class DaemonSlot: @unchecked Sendable {
        var daemon: RunDaemonProcess?
    }

    /// Runs `body` in a fresh estate; on any failure stops the daemon the body started, and
    /// always closes the estate (moto included).
    static func with(_ body: (RunDaemonEstate, DaemonSlot) async throws -> Void) async throws {
        let slot = DaemonSlot()
        try await make().use { estate in
            do {
                try await body(estate, slot)
            } catch {
                _ = await slot.daemon?.stop()
                throw error
            }
        }
    }
}
