import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport

// Drift-report benchmark against a local moto_server (release build):
//   swift run -c release drift-bench [--runs N]
// 100 environments, one managed group each with 10 ingress rules (1,000 rules): 8 owned rules
// whose entries are desired, 2 hand-made (200 findings). Measures, per run:
// - the AWS calls of `plan` and of a drift report (they must be the same reads);
// - the drift report's wall time and Steward's own part of it (wall minus waiting on moto);
// - rendering all four formats (text, Markdown, JSON, Slack) of the report: Steward's time only.

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 7
let environments = 100

let moto = try await MotoServer.start()
let transport = AsyncHTTPClientTransport()
let counting = CallCountingTransport(transport)
let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: counting)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let now = Date()

func cidr(_ environment: Int, _ index: Int) -> String { "10.\(environment).\(index).1/32" }

// Desired state: 8 entries per environment, each granted by an owned rule.
for environment in 0..<environments {
    var text = "environment: env\(environment)\ntier: running\nwhitelist:\n"
    for index in 0..<8 {
        text += "  - cidr: \(cidr(environment, index))\n    description: user \(index)\n    added_by: bench\n"
            + "    added_at: \(Timestamp.text(now.addingTimeInterval(-60)))\n    expires_at: \(Timestamp.text(now.addingTimeInterval(86_400 * 30)))\n"
    }
    try text.write(to: directory.appendingPathComponent("env\(environment).yaml"), atomically: true, encoding: .utf8)
}
_ = try await moto.boto3("""
ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
for e in range(\(environments)):
    env = 'env%d' % e
    group = ec2.create_security_group(GroupName='g%d' % e, Description='b', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
        'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': env}]}])['GroupId']
    for i in range(8):
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
            'IpRanges': [{'CidrIp': '10.%d.%d.1/32' % (e, i), 'Description': 'user %d' % i}]}],
            TagSpecifications=[{'ResourceType': 'security-group-rule', 'Tags': [{'Key': 'steward:owner', 'Value': 'steward'},
            {'Key': 'steward:environment', 'Value': env}]}])
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
        'IpRanges': [{'CidrIp': '198.51.%d.1/32' % e, 'Description': 'by hand'}, {'CidrIp': '198.51.%d.2/32' % e, 'Description': 'by hand'}]}])
""")

let configuration = StewardConfiguration()
func reconciler() -> Reconciler {
    Reconciler(store: YAMLDirectoryStore(directory: directory), aws: aws, configuration: configuration, audit: nil, stages: .whitelistOnly)
}

var planCalls: [Int] = []
var driftCalls: [Int] = []
var driftWall: [Double] = []
var driftOwn: [Double] = []
var renderTimes: [Double] = []
var bytes = 0
var findings = 0
for run in 0..<runs {
    _ = counting.take()
    _ = await reconciler().plan()
    let planned = counting.take()
    planCalls.append(planned.count)

    let history = DriftHistoryFile(url: directory.appendingPathComponent("history-\(run).json"))
    let reporter = DriftReporter(reconciler: reconciler(), history: history, desiredStateSource: "bench")
    _ = counting.takeWaiting()
    let start = ContinuousClock.now
    let report = try await reporter.report()
    driftWall.append(Bench.milliseconds(since: start))
    driftOwn.append(driftWall.last! - counting.takeWaiting())
    let reported = counting.take()
    driftCalls.append(reported.count)
    precondition(reported.sorted() == planned.sorted(), "drift made other reads than plan: \(reported) vs \(planned)")
    findings = report.findings.count
    precondition(findings == 200 && report.environments.count == environments, "expected 200 findings in 100 environments, got \(findings)")

    let renderStart = ContinuousClock.now
    let rendered = [DriftReportTextRenderer.render(report), DriftReportMarkdownRenderer.render(report),
                    try DriftReportJSON.render(report), try DriftReportSlackRenderer.render(report)]
    renderTimes.append(Bench.milliseconds(since: renderStart))
    bytes = rendered.reduce(0) { $0 + $1.utf8.count }
    if run == 0 { print("drift calls: \(reported.joined(separator: ", "))") }
}
func f(_ value: Double) -> String { String(format: "%.1f", value) }
let median = Bench.median
print("\(environments) environments, 1000 rules, \(findings) findings, \(runs) runs")
print("AWS calls: plan median \(planCalls.sorted()[runs / 2]), drift median \(driftCalls.sorted()[runs / 2]) (identical reads every run)")
print("drift report: median \(f(median(driftWall))) ms wall, \(f(median(driftOwn))) ms own (observe, plan, history, file)")
print("render all formats: median \(f(median(renderTimes))) ms (\(bytes) bytes of text, Markdown, JSON and Slack)")

try? await transport.shutdown()
await moto.stop()
try? FileManager.default.removeItem(at: directory)
