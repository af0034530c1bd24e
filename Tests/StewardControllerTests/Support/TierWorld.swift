import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Synchronization

/// One test's tier estate in a fresh moto_server, seeded through boto3 (not Steward's client):
/// ECS cluster `dev` with owned services `api` (3 tasks, autoscaling 2…6) and `worker` (1 task)
/// and an unowned `legacy` (2 tasks); an owned RDS instance `dev-db` (parameter group, security
/// group, port 5433); an owned Aurora cluster `dev-aurora` with member `dev-aurora-1`; an owned
/// EC2 instance and an unowned one. `close()` stops everything.
final class TierWorld: TestResource, @unchecked Sendable {
    let moto: MotoServer
    let directory: URL
    let transport: AsyncHTTPClientTransport
    let faults: FaultInjectingTransport
    let aws: AWSClient
    var configuration = StewardConfiguration()
    let seeded: Seeded
    /// Credentials for the boto3 cross-checks (an admin user when IAM is enforced).
    let toolEnvironment: [String: String]

    struct Seeded: Decodable {
        var securityGroup: String
        var ownedInstance: String
        var unownedInstance: String
    }

    /// - Parameter iamPolicyPath: when set, moto enforces signatures and IAM after seeding, and
    ///   Steward's client runs as a user holding exactly that policy.
    private init(moto: MotoServer, iamPolicyPath: String?) async throws {
        self.moto = moto
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-tiers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
        transport = AsyncHTTPClientTransport()
        faults = FaultInjectingTransport(wrapping: transport)
        configuration.auditLogPath = directory.appendingPathComponent("audit.jsonl").path
        let output = try await moto.boto3(TierEstateSeed.script)
        seeded = try JSONDecoder().decode(Seeded.self, from: Data(output.utf8))
        var clientEnvironment = moto.clientEnvironment
        if let iamPolicyPath {
            let keys = try await moto.createIAMUsers([
                "steward": try String(contentsOfFile: iamPolicyPath, encoding: .utf8), "admin": MotoServer.allowPolicy(["*"]),
            ])
            try await moto.enableAuth(afterFreeCalls: 0)
            let steward = keys["steward"] ?? [], admin = keys["admin"] ?? []
            clientEnvironment["AWS_ACCESS_KEY_ID"] = steward.first
            clientEnvironment["AWS_SECRET_ACCESS_KEY"] = steward.last
            toolEnvironment = ["AWS_ACCESS_KEY_ID": admin.first ?? "", "AWS_SECRET_ACCESS_KEY": admin.last ?? ""]
        } else {
            toolEnvironment = [:]
        }
        aws = try AWSClient.fromEnvironment(clientEnvironment, transport: faults)
    }

    static func with(iamPolicyPath: String? = nil, _ body: (TierWorld) async throws -> Void) async throws {
        let moto = try await MotoServer.start(initialNoAuthActionCount: iamPolicyPath == nil ? nil : 100_000)
        let world: TierWorld
        do {
            world = try await TierWorld(moto: moto, iamPolicyPath: iamPolicyPath)
        } catch {
            await moto.stop()
            throw error
        }
        try await world.use(body)
    }

    func close() async {
        try? await transport.shutdown()
        await moto.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var desiredStateDirectory: URL { directory.appendingPathComponent("desired-state") }

    func writeDesired(tier: Tier, protected: Bool = false, allowTeardownUntil: String? = nil) throws {
        try DesiredStateYAML(tier: tier.rawValue, isProtected: protected, allowTeardownUntil: allowTeardownUntil).write(in: desiredStateDirectory)
    }

    func reconciler() -> Reconciler {
        Reconciler(
            store: YAMLDirectoryStore(directory: desiredStateDirectory, policy: configuration.policy), aws: aws,
            configuration: configuration, audit: AuditLog(url: URL(fileURLWithPath: configuration.auditLogPath!)), stages: .tiers
        )
    }

    /// What AWS holds, read with boto3.
    struct Estate: Decodable {
        var services: [String: Int]
        var serviceTags: [String: [String: String]]
        var targets: [String: [Int]]
        var instances: [String: String]
        var databases: [String: String]
        var clusters: [String: String]
        var snapshots: [String: String]
        var snapshotTags: [String: [String: String]]
        var clusterSnapshots: [String: String]
        var clusterSnapshotTags: [String: [String: String]]
        var databaseDetails: [String: [String: String]]
    }

    func estate() async throws -> Estate {
        let output = try await moto.boto3("""
        ecs = boto3.client('ecs', endpoint_url=ENDPOINT, region_name='us-east-1')
        aas = boto3.client('application-autoscaling', endpoint_url=ENDPOINT, region_name='us-east-1')
        rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        arns = ecs.list_services(cluster='dev')['serviceArns']
        described = ecs.describe_services(cluster='dev', services=arns, include=['TAGS'])['services']
        out = {'services': {s['serviceName']: s['desiredCount'] for s in described},
               'serviceTags': {s['serviceName']: {t['key']: t['value'] for t in s.get('tags', [])} for s in described},
               'targets': {t['ResourceId']: [t['MinCapacity'], t['MaxCapacity']] for t in aas.describe_scalable_targets(ServiceNamespace='ecs')['ScalableTargets']},
               'instances': {i['InstanceId']: i['State']['Name'] for r in ec2.describe_instances()['Reservations'] for i in r['Instances']},
               'databases': {d['DBInstanceIdentifier']: d['DBInstanceStatus'] for d in rds.describe_db_instances()['DBInstances']},
               'clusters': {c['DBClusterIdentifier']: c['Status'] for c in rds.describe_db_clusters()['DBClusters']},
               'databaseDetails': {d['DBInstanceIdentifier']: {'class': d['DBInstanceClass'], 'port': str(d.get('Endpoint', {}).get('Port')),
                    'sgs': ','.join(g['VpcSecurityGroupId'] for g in d.get('VpcSecurityGroups', [])),
                    'pg': ','.join(p['DBParameterGroupName'] for p in d.get('DBParameterGroups', [])),
                    'cluster': d.get('DBClusterIdentifier') or '', 'version': d.get('EngineVersion', ''),
                    'tags': ','.join(sorted(t['Key'] + '=' + t['Value'] for t in d.get('TagList', [])))}
                    for d in rds.describe_db_instances()['DBInstances']}}
        snaps = [s for s in rds.describe_db_snapshots()['DBSnapshots'] if s['DBSnapshotIdentifier'].startswith('steward-')]
        out['snapshots'] = {s['DBSnapshotIdentifier']: s['Status'] for s in snaps}
        out['snapshotTags'] = {s['DBSnapshotIdentifier']: {t['Key']: t['Value'] for t in rds.list_tags_for_resource(ResourceName=s['DBSnapshotArn'])['TagList']} for s in snaps}
        csnaps = [s for s in rds.describe_db_cluster_snapshots()['DBClusterSnapshots'] if s['DBClusterSnapshotIdentifier'].startswith('steward-')]
        out['clusterSnapshots'] = {s['DBClusterSnapshotIdentifier']: s['Status'] for s in csnaps}
        out['clusterSnapshotTags'] = {s['DBClusterSnapshotIdentifier']: {t['Key']: t['Value'] for t in s.get('TagList', [])} for s in csnaps}
        print(json.dumps(out))
        """, environment: toolEnvironment)
        return try JSONDecoder().decode(Estate.self, from: Data(output.utf8))
    }

    func auditLines() -> [String] {
        ((try? String(contentsOfFile: configuration.auditLogPath!, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}

/// Wraps the real transport and changes chosen exchanges: a status AWS shows only on real
/// accounts (moto's transitions are instant), or an error AWS returns mid-transition.
final class FaultInjectingTransport: AWSHTTPTransport, Sendable {
    enum Change: Sendable {
        /// Forward, then replace text in the response body.
        case replace(String, with: String)
        /// Don't forward; answer with a Query-protocol error.
        case fail(code: String, status: Int)
    }

    struct Fault: Sendable {
        var action: String
        var remaining: Int
        var change: Change
    }

    let wrapped: any AWSHTTPTransport
    private let faults = Mutex<[Fault]>([])
    private let sent = Mutex<[String]>([])

    init(wrapping wrapped: any AWSHTTPTransport) {
        self.wrapped = wrapped
    }

    /// Changes the next `times` exchanges of `action` (a Query `Action` or a JSON target's operation).
    func inject(_ action: String, times: Int = 1, _ change: Change) {
        faults.withLock { $0.append(Fault(action: action, remaining: times, change: change)) }
    }

    func clear() {
        faults.withLock { $0.removeAll() }
    }

    /// Actions sent, in order.
    var actions: [String] { sent.withLock { $0 } }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let action = Self.action(of: request)
        sent.withLock { $0.append(action) }
        let change = faults.withLock { list -> Change? in
            guard let index = list.firstIndex(where: { $0.action == action && $0.remaining > 0 }) else { return nil }
            list[index].remaining -= 1
            return list[index].change
        }
        switch change {
        case .fail(let code, let status):
            let body = "<ErrorResponse><Error><Code>\(code)</Code><Message>injected by the test</Message></Error><RequestId>test</RequestId></ErrorResponse>"
            return AWSHTTPResponse(status: status, body: Array(body.utf8))
        case .replace(let old, let new):
            var response = try await wrapped.send(request, timeout: timeout)
            response.body = Array(response.bodyText.replacingOccurrences(of: old, with: new).utf8)
            return response
        case nil:
            return try await wrapped.send(request, timeout: timeout)
        }
    }

    static func action(of request: AWSHTTPRequest) -> String {
        request.operation?.name ?? ""
    }
}
