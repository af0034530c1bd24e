import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport

// Tier benchmark against a local moto_server (release build):
//   swift run -c release tier-bench [--runs N] [--latency-ms 50]
// An environment of 2 ECS services (one with autoscaling), 1 RDS instance and 1 Aurora
// cluster: `stopped`, then `running`, each from desired-state edit to converged (one
// reconcile pass, which runs the phases back to back), then a steady-state pass. AWS calls
// (all of them, the whitelist's group read included) and wall time per transition; "own" is
// wall minus the time at least one request was waiting on the emulator. `--latency-ms` adds
// that much to every call, as a real region's round trip would.

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 7
let latency = arguments.firstIndex(of: "--latency-ms").flatMap { Int(arguments[$0 + 1]) } ?? 0

let median = Bench.median
let ms = Bench.milliseconds(since:)

let moto = try await MotoServer.start()
let transport = AsyncHTTPClientTransport()
let counting = CallCountingTransport(latency == 0 ? transport : DelayingTransport(transport, delay: .milliseconds(latency)))
let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: counting)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tier-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

let seed = """
ecs = boto3.client('ecs', endpoint_url=ENDPOINT, region_name='us-east-1')
aas = boto3.client('application-autoscaling', endpoint_url=ENDPOINT, region_name='us-east-1')
rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
owned = [{'key': 'steward:owner', 'value': 'steward'}, {'key': 'Environment', 'value': 'dev'}]
tags = [{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'Environment', 'Value': 'dev'}]
ecs.create_cluster(clusterName='dev')
ecs.register_task_definition(family='app', containerDefinitions=[{'name': 'app', 'image': 'nginx', 'memory': 512}])
ecs.create_service(cluster='dev', serviceName='api', taskDefinition='app', desiredCount=3, tags=owned)
ecs.create_service(cluster='dev', serviceName='worker', taskDefinition='app', desiredCount=1, tags=owned)
aas.register_scalable_target(ServiceNamespace='ecs', ResourceId='service/dev/api', ScalableDimension='ecs:service:DesiredCount', MinCapacity=2, MaxCapacity=6)
rds.create_db_instance(DBInstanceIdentifier='dev-db', DBInstanceClass='db.t3.micro', Engine='postgres', MasterUsername='app', MasterUserPassword='password123', AllocatedStorage=20, Tags=tags)
rds.create_db_cluster(DBClusterIdentifier='dev-aurora', Engine='aurora-postgresql', MasterUsername='app', MasterUserPassword='password123', Tags=tags)
rds.create_db_instance(DBInstanceIdentifier='dev-aurora-1', DBInstanceClass='db.r6g.large', Engine='aurora-postgresql', DBClusterIdentifier='dev-aurora')
"""

func write(_ tier: Tier) throws {
    try "environment: dev\ntier: \(tier.rawValue)\n".write(to: directory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
}

let reconciler = Reconciler(store: YAMLDirectoryStore(directory: directory), aws: aws, configuration: StewardConfiguration(), audit: nil,
                            stages: .all)

struct Figures { var wall: [Double] = []; var own: [Double] = []; var calls: [Int] = []; var sample: [String] = [] }
var stop = Figures()
var start = Figures()
var steady = Figures()

func transition(to tier: Tier, into old: Figures) async throws -> Figures {
    var figures = old
    try write(tier)
    _ = counting.take()
    _ = counting.takeWaiting()
    let begin = ContinuousClock.now
    let report = await reconciler.reconcile()
    let wall = ms(begin)
    figures.wall.append(wall)
    figures.own.append(wall - counting.takeWaiting())
    let calls = counting.take()
    figures.calls.append(calls.count)
    figures.sample = calls
    guard report.failedActions.isEmpty else { fatalError("\(tier) failed: \(report.failedActions)") }
    // Converged: planning again (outside the measured time) finds nothing to do or wait for.
    let check = await reconciler.reconcile(ReconcileOptions(dryRun: true))
    guard !check.hasChanges, check.tierPlans.allSatisfy({ $0.waits.isEmpty }) else {
        fatalError("\(tier) did not converge in one pass: \(TierPlanTextRenderer.render(check.tierPlans))")
    }
    return figures
}

for _ in 0..<runs {
    try await moto.reset()
    _ = try await moto.boto3(seed)
    try write(.running)
    _ = await reconciler.reconcile()  // the estate as found, converged to running
    stop = try await transition(to: .stopped, into: stop)
    start = try await transition(to: .running, into: start)
    steady = try await transition(to: .running, into: steady)
}

func report(_ name: String, _ figures: Figures) {
    print("\(name): median wall \(String(format: "%.1f", median(figures.wall))) ms, own \(String(format: "%.1f", median(figures.own))) ms, "
        + "AWS calls \(Int(median(figures.calls.map(Double.init)))) (\(runs) runs; own per run: \(figures.own.map { String(format: "%.1f", $0) }.joined(separator: " ")))")
    let counts = Dictionary(grouping: figures.sample, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }
    print("  calls: " + counts.map { "\($0.key)×\($0.value)" }.joined(separator: ", "))
}
report("stop (running → stopped)", stop)
report("start (stopped → running)", start)
report("steady state (running, nothing to do)", steady)
if latency > 0 { print("(every call delayed by \(latency) ms)") }
try? FileManager.default.removeItem(at: directory)
try await transport.shutdown()
await moto.stop()
