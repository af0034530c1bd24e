import Foundation
import SlackEmulator
import StewardAWS
import StewardTestSupport

// Slack benchmarks: the release `steward run` (found next to this executable) against the
// Slack emulator and moto_server, both on loopback.
//   swift build -c release --product steward && swift build -c release --product slack-bench
//   .build/release/slack-bench [--commands 100] [--burst 1000]
// 1. Command to converged rule: envelope sent → rule visible in moto, over N commands, with a
//    refresh_requested reconnect half-way; ack latency (as the emulator measures it) across it.
// 2. Reconnect: a new connection up after an abrupt drop, and after a silent half-open one.
// 3. A burst of commands with a forced reconnect every 100: none lost, none applied twice.
// With --dynamodb, desired state is YAML layered with the seed's DynamoDB whitelist table (on
// moto): section 1 also times the command to its item in the table, and 2 and 3 are skipped.

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int { arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback }
let commands = option("--commands", 100)
let burst = option("--burst", 1000)
let dynamoDB = arguments.contains("--dynamodb")
let whitelistTable = "docustack-ip-whitelist"

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}
func ms(_ duration: Duration) -> Double { Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15 }
func f(_ value: Double) -> String { String(format: "%.1f", value) }
struct BenchFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }
/// Written at once (unbuffered), so figures appear as they are measured, also when piped.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let appToken = "xapp-1-A0BENCH-1-bench", botToken = "xoxb-1-bench"
let moto = try await MotoServer.start()
let slack = try await SlackEmulator.start(appToken: appToken, botToken: botToken)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("slack-bench-\(UUID().uuidString.prefix(8))")
try FileManager.default.createDirectory(at: root.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
let transport = AsyncHTTPClientTransport()
let ec2 = EC2Client(client: try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport))
let table = DynamoDBClient(client: try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport))

let group = try await moto.boto3("""
ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
tags = [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]
print(ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group', 'Tags': tags}])['GroupId'])
""").trimmingCharacters(in: .whitespacesAndNewlines)
try "environment: dev\ntier: running\nprotected: false\nwhitelist: []\n".write(to: root.appendingPathComponent("desired-state/dev.yaml"), atomically: true, encoding: .utf8)
// An environment without security groups takes the burst: its reconciles stay cheap and the
// rule quota doesn't come into it.
try "environment: load\ntier: running\nprotected: false\nwhitelist: []\n".write(to: root.appendingPathComponent("desired-state/load.yaml"), atomically: true, encoding: .utf8)
if dynamoDB {
    try await moto.createWhitelistTable(whitelistTable)
    try await moto.createEnvironmentsTable("steward-environments")
}
let desiredStateSection = dynamoDB
    ? "desired_state:\n  yaml: desired-state\n  dynamodb:\n    whitelist_table: \(whitelistTable)\n    environments_table: steward-environments\n" : ""
try (desiredStateSection + "slack:\n  mode: socket\n  allowed_channels: [C0OPS]\n").write(to: root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)

let binary = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("steward")
let daemon = Process()
daemon.executableURL = binary
daemon.arguments = ["run", "--listen", "127.0.0.1:0", "--interval", "60s", "--log-level", ProcessInfo.processInfo.environment["SLACK_BENCH_LOG_LEVEL"] ?? "error",
                    "--config", root.appendingPathComponent("steward.yaml").path]
daemon.currentDirectoryURL = root
var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("SLACK_") }
for (key, value) in moto.clientEnvironment { environment[key] = value }
environment["SLACK_API_URL"] = slack.apiURL
environment["SLACK_APP_TOKEN"] = appToken
environment["SLACK_BOT_TOKEN"] = botToken
daemon.environment = environment
daemon.standardOutput = FileHandle.nullDevice
// SLACK_BENCH_DAEMON_LOG=path keeps the daemon's log (raise --log-level with SLACK_BENCH_LOG_LEVEL).
if let path = ProcessInfo.processInfo.environment["SLACK_BENCH_DAEMON_LOG"] {
    FileManager.default.createFile(atPath: path, contents: nil)
    daemon.standardError = FileHandle(forWritingAtPath: path)
} else {
    daemon.standardError = FileHandle.nullDevice
}
try daemon.run()

func finish() async {
    daemon.terminate()
    daemon.waitUntilExit()
    await slack.stop()
    try? await transport.shutdown()
    await moto.stop()
    try? FileManager.default.removeItem(at: root)
}

do {
    _ = try await slack.waitForConnection(number: 1, timeout: .seconds(30))

    func ruleConverged(_ cidr: String, present: Bool, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let rules = try await ec2.describeSecurityGroupRules(filters: [EC2Filter(name: "group-id", values: [group])])
            if rules.contains(where: { $0.cidrIPv4 == cidr }) == present { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    func itemWritten(_ cidr: String, present: Bool, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let item = try await table.getItem(table: whitelistTable, key: ["ip_address": .s(cidr), "environment": .s("dev")])
            if (item != nil) == present { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    // 1. Command → converged rule in moto, one command at a time, alternating add and remove
    //    (a group holds 60 rules); a refresh_requested half-way.
    var converge: [Double] = []
    var written: [Double] = []
    var acks: [Double] = []
    for index in 0..<(commands + 4) {
        if index == 4 + commands / 2 { try await slack.disconnect(reason: .refreshRequested, gracePeriod: .seconds(2)) }
        let adding = index % 2 == 0
        let cidr = "10.\(index / 2 / 256).\(index / 2 % 256).0/24"
        let sent = ContinuousClock.now
        let envelope = try await slack.sendSlashCommand(
            command: "/whitelist", text: adding ? "add \(cidr) bench --env dev --ttl 1d" : "remove \(cidr) --env dev")
        let ack = try await slack.waitForAck(envelope)
        if dynamoDB {
            guard try await itemWritten(cidr, present: adding, timeout: .seconds(10)) else {
                throw BenchFailure(message: "\(adding ? "add" : "remove") \(cidr) never reached \(whitelistTable)")
            }
            if index >= 4 { written.append(ms(ContinuousClock.now - sent)) }
        }
        guard try await ruleConverged(cidr, present: adding, timeout: .seconds(10)) else {
            throw BenchFailure(message: "\(adding ? "add" : "remove") \(cidr) never converged in moto")
        }
        guard index >= 4 else { continue }  // warm-up
        converge.append(ms(ContinuousClock.now - sent))
        acks.append(ack.latency.map(ms) ?? .infinity)
    }
    say("command → rule converged in moto (\(converge.count) commands, add/remove alternating, one refresh_requested): p50 \(f(percentile(converge, 0.5))) ms, "
        + "p99 \(f(percentile(converge, 0.99))) ms, max \(f(converge.max() ?? 0)) ms")
    if dynamoDB {
        say("command → item in \(whitelistTable) (\(written.count) commands): p50 \(f(percentile(written, 0.5))) ms, p99 \(f(percentile(written, 0.99))) ms")
    }
    say("ack latency (\(acks.count) acks, across the refresh): p50 \(f(percentile(acks, 0.5))) ms, p99 \(f(percentile(acks, 0.99))) ms, "
        + "max \(f(acks.max() ?? 0)) ms; late acks: \(slack.records.acks.filter(\.late).count), ack timeouts: \(slack.records.ackTimeouts.count)")

    if dynamoDB {
        await finish()
        exit(0)
    }

    // 2. Reconnects.
    for (label, fault) in [("abrupt drop", 0), ("silent half-open", 1)] {
        let before = slack.records.connections.count
        let at = ContinuousClock.now
        let faulted = fault == 0 ? try slack.dropAbruptly() : try slack.goSilent()
        let next = try await slack.waitForConnection(number: before + 1, timeout: .seconds(30))
        say("new connection after a \(label): \(f(ms(next.openedAt - at))) ms")
        // Slack keeps routing envelopes to a ghost until it notices it is dead, and they vanish
        // there whatever the client does; the burst below is about refreshes, so the ghost goes.
        if fault == 1 { _ = try? slack.dropAbruptly(connection: faulted[0]) }
    }

    // 3. Burst with a forced reconnect every 100 commands.
    var envelopes: [String] = []
    let burstStart = ContinuousClock.now
    for index in 0..<burst {
        // Slack's own grace: it closes a socket about ten seconds after asking it to reconnect.
        // The burst goes on once the replacement is up, so envelopes go to it and to the socket
        // being replaced in turn (sent back to back, 1,000 would all beat the first reconnect).
        if index > 0, index % 100 == 0 {
            let before = slack.records.connections.count
            try await slack.disconnect(reason: .refreshRequested)
            _ = try await slack.waitForConnection(number: before + 1, timeout: .seconds(30))
        }
        let cidr = "172.\(16 + index / 65536).\(index / 256 % 256).\(index % 256)/32"
        envelopes.append(try await slack.sendSlashCommand(command: "/whitelist", text: "add \(cidr) burst --env load --ttl 1d"))
    }
    say("burst: sent in \(f(ms(ContinuousClock.now - burstStart))) ms")
    var acked = 0
    var lost: [String] = []
    // The first missing ack gets the full wait; after that the rest have had it too.
    for envelope in envelopes {
        if (try? await slack.waitForAck(envelope, timeout: lost.isEmpty ? .seconds(30) : .milliseconds(1))) != nil { acked += 1 } else { lost.append(envelope) }
    }
    let records = slack.records
    for envelope in lost.prefix(5) {
        for delivery in records.deliveries(of: envelope) {
            let connection = records.connection(delivery.connectionID)
            say("  lost \(envelope): delivered on \(delivery.connectionID) at \(delivery.sentAt); that connection: \(String(describing: connection))")
        }
    }
    let file = try String(contentsOf: root.appendingPathComponent("desired-state/load.yaml"), encoding: .utf8)
    let entries = file.components(separatedBy: "- cidr: 172.").count - 1
    let audit = (try? String(contentsOf: root.appendingPathComponent("steward-audit.jsonl"), encoding: .utf8)) ?? ""
    let edits = audit.split(separator: "\n").filter { $0.contains("\"action\":\"whitelist add\"") && $0.contains("\"environment\":\"load\"") }
    let applied = edits.filter { $0.contains("\"result\":\"applied\"") }.count
    let duplicateAcks = slack.records.acks.filter(\.duplicate).count
    let burstSet = Set(envelopes)
    let burstAcks = records.acks.filter { burstSet.contains($0.envelopeID) }
    let burstLatencies = burstAcks.compactMap { $0.latency.map(ms) }
    let burstConnections = Set(records.deliveries.filter { burstSet.contains($0.envelopeID) }.map(\.connectionID)).count
    if !burstLatencies.isEmpty {
        say("burst acks: p50 \(f(percentile(burstLatencies, 0.5))) ms, p99 \(f(percentile(burstLatencies, 0.99))) ms, "
            + "late \(burstAcks.filter(\.late).count); envelopes went to \(burstConnections) connections")
    }
    say("burst of \(burst) commands, refresh every 100: \(acked) acked, \(entries) entries in desired state, "
        + "\(applied) applied edits in the audit log, \(duplicateAcks) duplicate acks, \(slack.records.connections.count) connections in all")
} catch {
    say("slack-bench failed: \(error)")
    let records = slack.records
    for connection in records.connections { say("  \(connection)") }
    for delivery in records.deliveries.suffix(4) {
        say("  delivery \(delivery.envelopeID) on \(delivery.connectionID) at \(delivery.sentAt), acks: \(records.acks(of: delivery.envelopeID).map { "\($0.connectionID) at \($0.receivedAt)" })")
    }
    await finish()
    exit(1)
}
await finish()
