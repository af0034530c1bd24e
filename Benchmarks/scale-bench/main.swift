import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport

// Scale benchmark: one leader's passes over 500 environments against a local moto_server
// (release build):
//   swift build -c release --product scale-bench && .build/release/scale-bench [--runs N] [--environments N]
// Each environment has a managed security group (4 whitelist entries: 2,000 owned rules in
// all), an ECS cluster with one owned service and an owned RDS instance; the reconciler runs
// every stage, as `steward run` does. Measured per pass:
// - wall time (includes moto's Python answering, which dominates on this machine);
// - AWS calls, by service and operation: what a real account's request budget pays;
// - Steward's own CPU time (getrusage user + system of this process: planning, signing,
//   encoding, decoding, HTTP; moto is another process and never counted).
// Passes: a steady-state pass (nothing to do), and a converging pass in which every group
// gets one new entry and loses one (one authorize and one revoke per group) and 10% of the
// environments change tier (stopped on odd runs, running again on even runs).

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback
}
let runs = option("--runs", 7)
let environments = option("--environments", 500)
let entries = 4
let tierFlips = max(1, environments / 10)

let moto = try await MotoServer.start()
let transport = AsyncHTTPClientTransport()
let counter = OperationCounter(transport)
let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: counter)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scale-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let now = Date()

// Seeding goes through boto3 in one Python process with a few threads (moto serves requests
// concurrently): thousands of creates in seconds, not one process per resource.
let seedStart = ContinuousClock.now
_ = try await moto.boto3("""
import concurrent.futures
ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
ecs = boto3.client('ecs', endpoint_url=ENDPOINT, region_name='us-east-1')
rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
ecs.register_task_definition(family='app', containerDefinitions=[{'name': 'app', 'image': 'nginx', 'memory': 512}])
def seed(e):
    env = 'env%d' % e
    ec2.create_security_group(GroupName='g%d' % e, Description='bench', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
        'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': env}]}])
    ecs.create_cluster(clusterName=env)
    ecs.create_service(cluster=env, serviceName='app', taskDefinition='app', desiredCount=2,
        tags=[{'key': 'steward:owner', 'value': 'steward'}, {'key': 'Environment', 'value': env}])
    rds.create_db_instance(DBInstanceIdentifier=env + '-db', DBInstanceClass='db.t3.micro', Engine='postgres', MasterUsername='app',
        MasterUserPassword='password123', AllocatedStorage=20, Tags=[{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'Environment', 'Value': env}])
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    list(pool.map(seed, range(\(environments))))
""")
let seedSeconds = Bench.milliseconds(since: seedStart) / 1000

/// Run `run`'s desired state: entries `run ..< run + entries` (so each run swaps one entry per
/// group), and the first tenth of the environments stopped on odd runs.
func writeDesiredState(run: Int) throws {
    for environment in 0..<environments {
        let tier = environment < tierFlips && run % 2 == 1 ? "stopped" : "running"
        var text = "environment: env\(environment)\ntier: \(tier)\nwhitelist:\n"
        for index in run..<(run + entries) {
            text += "  - cidr: 10.\(environment / 256).\(environment % 256).\(index + 1)/32\n    description: user \(index)\n    added_by: bench\n"
                + "    added_at: \(Timestamp.text(now.addingTimeInterval(-60)))\n    expires_at: \(Timestamp.text(now.addingTimeInterval(86_400 * 30)))\n"
        }
        try text.write(to: directory.appendingPathComponent("env\(environment).yaml"), atomically: true, encoding: .utf8)
    }
}

/// This process's CPU time so far (user + system, every thread), in milliseconds.
func ownCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)  // Glibc imports the who-argument as a C enum
    let user = Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000
    let system = Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000
    return user + system
}

struct Pass {
    var wall: Double
    var cpu: Double
    var calls: [String: Int]
    var report: ReconcileReport
    var total: Int { calls.values.reduce(0, +) }
}

// One reconciler for every pass, as the daemon keeps one (its memory carries across passes).
let reconciler = Reconciler(store: YAMLDirectoryStore(directory: directory), aws: aws, configuration: StewardConfiguration(), audit: nil,
                            stages: .all)

func pass() async -> Pass {
    _ = counter.take()
    let cpu = ownCPUMilliseconds()
    let start = ContinuousClock.now
    let report = await reconciler.reconcile()
    let wall = Bench.milliseconds(since: start)
    return Pass(wall: wall, cpu: ownCPUMilliseconds() - cpu, calls: counter.take(), report: report)
}

func check(_ pass: Pass, converged expected: Bool, _ what: String) {
    guard pass.report.succeeded, pass.report.unreadable.isEmpty, pass.report.observationProblems.isEmpty else {
        fatalError("\(what): failed: \(pass.report.failure.map { "\($0)" } ?? "") \(pass.report.failedActions.prefix(3)) "
            + "\(pass.report.observationProblems.prefix(3))")
    }
    if expected {
        let waiting = pass.report.lastTierPlans.values.filter { !$0.waits.isEmpty }
        precondition(waiting.isEmpty, "\(what): \(waiting.count) environments still wait on AWS")
    } else {
        precondition(!pass.report.hasChanges, "\(what): a steady-state pass had changes")
    }
}

try writeDesiredState(run: 0)
let initial = await pass()
check(initial, converged: true, "initial convergence")
let granted = initial.report.results.filter { $0.kind == .authorize }.count

var steady: [Pass] = []
var converging: [Pass] = []
for run in 1...runs {
    try writeDesiredState(run: run)
    let changed = await pass()
    check(changed, converged: true, "converging pass \(run)")
    converging.append(changed)
    let still = await pass()
    check(still, converged: false, "steady pass \(run)")
    steady.append(still)
}

func f(_ value: Double) -> String { String(format: "%.1f", value) }
func median(_ passes: [Pass], _ value: (Pass) -> Double) -> Double { Bench.median(passes.map(value)) }
func breakdown(_ passes: [Pass]) -> String {
    // Medians per operation (they are the same every run unless something retried).
    let names = Set(passes.flatMap(\.calls.keys)).sorted()
    return names.map { name in "\(name)×\(Int(Bench.median(passes.map { Double($0.calls[name] ?? 0) })))" }.joined(separator: ", ")
}
func line(_ name: String, _ passes: [Pass]) {
    print("\(name): median wall \(f(median(passes, \.wall))) ms, own CPU \(f(median(passes, \.cpu))) ms, "
        + "AWS calls \(Int(median(passes) { Double($0.total) })) (\(passes.count) runs; own CPU per run: "
        + passes.map { f($0.cpu) }.joined(separator: " ") + ")")
    print("  calls: " + breakdown(passes))
}

print("scale-bench: \(environments) environments (\(environments) managed groups, \(environments * entries) owned rules, "
    + "\(environments) ECS services, \(environments) RDS instances), all stages; seeded in \(f(seedSeconds)) s")
print("initial convergence (\(granted) authorize calls, one per group): wall \(f(initial.wall)) ms, own CPU \(f(initial.cpu)) ms, "
    + "AWS calls \(initial.total)")
print("  calls: " + breakdown([initial]))
line("steady state (nothing to do)", steady)
line("converging (\(environments) groups: 1 grant + 1 revoke each; \(tierFlips) environments change tier)", converging)
print("(wall time is mostly moto answering; own CPU is Steward's process alone)")

try? FileManager.default.removeItem(at: directory)
try await transport.shutdown()
await moto.stop()
