import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport

// Whitelist-loop benchmarks against a local moto_server (release build):
//   swift run -c release loop-bench [--runs N]
// 1. Converge 50 new entries on 2 managed groups: AWS calls and wall time of the reconcile.
// 2. Steady state, nothing to do, with 10 and with 1,000 entries: calls and wall time.
// Wall time includes moto's (Python) time answering; "own" is wall minus the time spent
// waiting on the emulator's responses, i.e. Steward's planning, encoding and decoding.

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 7

let median = Bench.median
let ms = Bench.milliseconds(since:)

let moto = try await MotoServer.start()
let transport = AsyncHTTPClientTransport()
let counting = CallCountingTransport(transport)
let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: counting)
let ec2 = EC2Client(client: aws)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loop-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let now = Date()

func writeEnvironment(_ name: String, entries: Int, offset: Int) throws {
    var text = "environment: \(name)\ntier: running\nwhitelist:\n"
    for index in 0..<entries {
        let n = offset + index
        text += "  - cidr: 10.\(n / 65536 % 256).\(n / 256 % 256).\(n % 256)/32\n    description: user \(n)\n    added_by: bench\n"
            + "    added_at: \(Timestamp.text(now.addingTimeInterval(-60)))\n    expires_at: \(Timestamp.text(now.addingTimeInterval(86_400)))\n"
    }
    try text.write(to: directory.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
}

func createGroup(_ name: String, environment: String) async throws {
    _ = try await moto.boto3("""
    ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
    vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
    ec2.create_security_group(GroupName='\(name)', Description='b', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group', 'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': '\(environment)'}]}])
    """)
}

func reconciler() -> Reconciler {
    Reconciler(store: YAMLDirectoryStore(directory: directory), aws: aws, configuration: StewardConfiguration(), audit: nil, stages: .whitelistOnly)
}

// 1. Converge 50 new entries on 2 groups; each run uses a fresh environment.
var convergeTimes: [Double] = []
var convergeCalls: [Int] = []
var convergeOwn: [Double] = []
for run in 0..<runs {
    try await moto.reset()
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try await createGroup("a\(run)", environment: "dev")
    try await createGroup("b\(run)", environment: "dev")
    try writeEnvironment("dev", entries: 50, offset: 0)
    let loop = reconciler()
    _ = counting.take()
    _ = counting.takeWaiting()
    let start = ContinuousClock.now
    let report = await loop.reconcile()
    convergeTimes.append(ms(start))
    convergeOwn.append(convergeTimes.last! - counting.takeWaiting())
    let calls = counting.take()
    convergeCalls.append(calls.count)
    precondition(report.results.count == 100 && report.results.allSatisfy { $0.outcome == .applied }, "converge failed: \(report.results.prefix(3))")
    if run == 0 { print("converge calls: \(calls.joined(separator: ", "))") }
}
print("converge 50 entries on 2 groups: median \(String(format: "%.1f", median(convergeTimes))) ms wall, "
    + "\(String(format: "%.1f", median(convergeOwn))) ms own, "
    + "\(convergeCalls.sorted()[convergeCalls.count / 2]) AWS calls (\(runs) runs)")

// 2. Steady state with 10 entries (1 env) and with 1,000 entries (20 envs x 50, one group each).
for (label, environments, perEnvironment) in [("10 entries", 1, 10), ("1000 entries", 20, 50)] {
    try await moto.reset()
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for index in 0..<environments {
        try await createGroup("g\(index)", environment: "env\(index)")
        try writeEnvironment("env\(index)", entries: perEnvironment, offset: index * perEnvironment)
    }
    let loop = reconciler()
    _ = await loop.reconcile()
    var times: [Double] = []
    var calls: [Int] = []
    var own: [Double] = []
    for _ in 0..<runs {
        _ = counting.take()
        _ = counting.takeWaiting()
        let start = ContinuousClock.now
        let report = await loop.reconcile()
        times.append(ms(start))
        own.append(times.last! - counting.takeWaiting())
        calls.append(counting.take().count)
        precondition(!report.hasChanges, "steady state has changes")
    }
    print("steady state, \(label): median \(String(format: "%.1f", median(times))) ms wall, \(String(format: "%.1f", median(own))) ms own, \(calls.sorted()[calls.count / 2]) AWS calls per reconcile (\(runs) runs)")
}

try await transport.shutdown()
await moto.stop()
try? FileManager.default.removeItem(at: directory)
