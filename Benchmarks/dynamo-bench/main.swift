import Foundation
import StewardAWS
import StewardCore
import StewardStore
import StewardTestSupport

// DynamoDB desired-state benchmarks against a local moto_server (release build):
//   swift build -c release --product steward && swift run -c release dynamo-bench [--runs N] [--edits N]
// 1. Load 10,000 seed-schema whitelist items: calls per load, wall and own time (wall minus
//    waiting on moto), and the median decode time of the items alone (Steward's own work).
// 2. Steady state: 100 environments sharing one table of 1,000 items: calls per pass.
// 3. Under `steward run` (the release binary): `aws dynamodb put-item` → rule in AWS, over N
//    edits: p50 and p99 (needs .build/release/steward).

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 7
let edits = arguments.firstIndex(of: "--edits").flatMap { Int(arguments[$0 + 1]) } ?? 20
let median = Bench.median
let ms = Bench.milliseconds(since:)

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

let moto = try await MotoServer.start()
let counting = CallCountingTransport(AsyncHTTPClientTransport.processWide)
let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: counting)

/// Fills a table with `count` seed-schema items over `environments` environments (boto3's batch writer).
func fill(_ table: String, count: Int, environments: Int) async throws {
    try await moto.createWhitelistTable(table)
    _ = try await moto.boto3("""
    import time
    t = boto3.resource('dynamodb', endpoint_url=ENDPOINT, region_name='us-east-1').Table('\(table)')
    now = int(time.time())
    with t.batch_writer() as batch:
        for n in range(\(count)):
            batch.put_item(Item={'ip_address': '10.%d.%d.%d/32' % (n // 65536 % 256, n // 256 % 256, n % 256),
                                 'environment': 'env-%d' % (n % \(environments)), 'description': 'user %d office' % n,
                                 'added_by': 'bench', 'added_at': now - 60, 'expires_at': now + 86400})
    """)
}

do {
    // 1. 10,000 items.
    try await fill("bench-10k", count: 10_000, environments: 1)
    let store = DynamoDBDesiredStateStore(settings: DynamoDBDesiredStateSettings(whitelistTable: "bench-10k"), client: aws)
    var walls: [Double] = [], owns: [Double] = [], calls: [Int] = []
    for _ in 0..<runs {
        _ = counting.take()
        _ = counting.takeWaiting()
        let start = ContinuousClock.now
        let read = try await store.read(known: [], now: Date())
        let wall = ms(start)
        precondition(read.whitelist.values.reduce(0) { $0 + $1.count } == 10_000, "expected 10,000 valid items")
        walls.append(wall)
        owns.append(wall - counting.takeWaiting())
        calls.append(counting.take().count)
    }
    let items = try await DynamoDBClient(client: aws).scan(table: "bench-10k", consistentRead: true)
    var decodes: [Double] = []
    for _ in 0..<max(runs, 11) {
        let start = ContinuousClock.now
        var valid = 0
        for item in items where WhitelistItemCodec.decode(item, table: "bench-10k", policy: .default, now: Date()).record != nil { valid += 1 }
        decodes.append(ms(start))
        precondition(valid == 10_000)
    }
    print("load 10,000 items: \(calls.max() ?? 0) calls (Scan pages), wall median \(String(format: "%.1f", median(walls))) ms, "
        + "own median \(String(format: "%.1f", median(owns))) ms (wire decode + validation), runs \(runs)")
    print("decode 10,000 items (validation, from parsed items): median \(String(format: "%.1f", median(decodes))) ms over \(decodes.count) runs")

    // 2. 100 environments sharing one table of 1,000 items, with an environments table.
    try await fill("bench-shared", count: 1000, environments: 100)
    try await moto.createEnvironmentsTable("bench-environments")
    let shared = DynamoDBDesiredStateStore(settings: DynamoDBDesiredStateSettings(whitelistTable: "bench-shared", environmentsTable: "bench-environments"),
                                           client: aws)
    var passCalls: [Int] = []
    for _ in 0..<runs {
        _ = counting.take()
        let snapshot = try await shared.load()
        precondition(snapshot.environments.count == 100)
        passCalls.append(counting.take().count)
    }
    print("steady state, 100 environments sharing 1,000 items: \(passCalls.max() ?? 0) calls per pass (max over \(runs) passes)")

    // 3. put-item → rule under `steward run`.
    let binary = StewardBinary.url
    if FileManager.default.isExecutableFile(atPath: binary.path) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dynamo-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try await moto.createWhitelistTable("docustack-dev-ip-whitelist")
        try await moto.createEnvironmentsTable("steward-environments")
        try "desired_state:\n  dynamodb:\n    whitelist_table: docustack-dev-ip-whitelist\n    environments_table: steward-environments\n"
            .write(to: root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
        let now = Int(Date().timeIntervalSince1970)
        try await moto.putWhitelistItem(table: "docustack-dev-ip-whitelist", ipAddress: "198.51.100.0/24", environment: "dev",
                                        description: "office", addedBy: "bench", addedAt: now - 60, expiresAt: now + 86_400)
        let group = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        tags = [{'ResourceType': 'security-group', 'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}]
        print(ec2.create_security_group(GroupName='bench', Description='bench', VpcId=vpc, TagSpecifications=tags)['GroupId'])
        """).trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s"], in: root, environment: moto.clientEnvironment)
        _ = try await daemon.waitForLine("first reconcile completed in ", timeout: .seconds(60))
        // One boto3 process writes each item and polls for its rule every 10 ms.
        let output = try await moto.boto3("""
        import time
        d = boto3.client('dynamodb', endpoint_url=ENDPOINT, region_name='us-east-1')
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        latencies = []
        for n in range(\(edits)):
            cidr = '203.0.113.%d/32' % n
            now = int(time.time())
            start = time.time()
            d.put_item(TableName='docustack-dev-ip-whitelist', Item={'ip_address': {'S': cidr}, 'environment': {'S': 'dev'},
                'description': {'S': 'bench %d' % n}, 'added_by': {'S': 'bench'}, 'added_at': {'N': str(now)}, 'expires_at': {'N': str(now + 3600)}})
            while time.time() - start < 10:
                rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(group)']}])['SecurityGroupRules']
                if any(r.get('CidrIpv4') == cidr for r in rules):
                    break
                time.sleep(0.01)
            latencies.append((time.time() - start) * 1000)
        print(json.dumps(latencies))
        """)
        let latencies = try JSONDecoder().decode([Double].self, from: Data(output.utf8))
        _ = await daemon.stop()
        print("put-item -> rule under steward run: p50 \(String(format: "%.0f", percentile(latencies, 0.5))) ms, "
            + "p99 \(String(format: "%.0f", percentile(latencies, 0.99))) ms over \(latencies.count) edits")
    } else {
        print("put-item -> rule: skipped (build the release binary first: swift build -c release --product steward)")
    }
} catch {
    await moto.stop()
    throw error
}
await moto.stop()
