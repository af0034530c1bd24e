import Foundation
@_spi(Benchmarks) import StewardAWS
import StewardTestSupport

// Client overhead per call without network (sign, encode, decode a DescribeSecurityGroups
// response of 100 groups), and connection reuse over a real local socket.

/// A transport that answers every request with the same canned response.
struct CannedTransport: AWSHTTPTransport {
    let response: AWSHTTPResponse
    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse { response }
}

func describeSecurityGroupsResponse(groups: Int) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8"?><DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><securityGroupInfo>"#
    for index in 0..<groups {
        xml += "<item><ownerId>123456789012</ownerId><groupId>sg-\(String(format: "%017x", index))</groupId><groupName>env-\(index)-web</groupName><groupDescription>Web tier of env \(index)</groupDescription><vpcId>vpc-0a1b2c3d4e5f67890</vpcId>"
        xml += "<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>"
        xml += "<ipRanges><item><cidrIp>203.0.113.\(index % 250)/32</cidrIp><description>John office IP</description></item><item><cidrIp>198.51.100.0/24</cidrIp><description>VPN &amp; office</description></item></ipRanges>"
        xml += "<ipv6Ranges><item><cidrIpv6>2001:db8::/64</cidrIpv6><description>v6 office</description></item></ipv6Ranges><prefixListIds/></item></ipPermissions>"
        xml += "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>"
        xml += "<tagSet><item><key>WhitelistManaged</key><value>true</value></item><item><key>Environment</key><value>env-\(index)</value></item><item><key>WhitelistPorts</key><value>443</value></item></tagSet></item>"
    }
    xml += "</securityGroupInfo></DescribeSecurityGroupsResponse>"
    return xml
}

func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    return sorted[sorted.count / 2]
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// CPU time of the whole process in µs: unlike wall time, it does not count time spent
/// waiting for a core, which matters on a shared 2-core machine.
func processCPUMicroseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

func measure(_ label: String, runs: Int, warmup: Int = 100, _ body: () async throws -> Void) async throws {
    for _ in 0..<warmup { try await body() }
    var wall: [Double] = []
    var cpu: [Double] = []
    wall.reserveCapacity(runs)
    cpu.reserveCapacity(runs)
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        let cpuStart = processCPUMicroseconds()
        try await body()
        cpu.append(processCPUMicroseconds() - cpuStart)
        let elapsed = clock.now - start
        wall.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    print(String(format: "%@: median %.1f µs wall (p90 %.1f, min %.1f), median %.1f µs CPU (%d runs)", label, median(wall), percentile(wall, 0.9), wall.min() ?? 0, median(cpu), runs))
}

// 1. The whole client path per call: encode, sign, (fake) send, read the XML, build 100
// structs, free the previous result. Measured from a nonisolated task, as the reconciler's
// observer calls it; top-level code runs on the main actor, and a call from there pays two
// executor hops (main -> global pool -> main) that are the caller's, not the client's:
// reported separately below.
nonisolated func clientBenchmarks(runs: Int, configuration: AWSConfiguration, credentials: AWSCredentials, canned: CannedTransport) async throws {
    let client = AWSClient(configuration: configuration, credentialProvider: StaticCredentialProvider(credentials), transport: canned)
    let ec2 = EC2Client(client: client)
    var groupCount = 0
    try await measure("client overhead per DescribeSecurityGroups call (sign+encode+decode 100 groups)", runs: runs) {
        groupCount = try await ec2.describeSecurityGroups(filters: [.tag("WhitelistManaged", "true"), .tag("Environment", "dev")]).count
    }
    precondition(groupCount == 100)

    // 1b. The fixed cost of a call (same path, a response of one group).
    let smallCanned = CannedTransport(response: AWSHTTPResponse(status: 200, headers: AWSHTTPHeaders([("Content-Type", "text/xml")]), body: Array(describeSecurityGroupsResponse(groups: 1).utf8)))
    let smallEC2 = EC2Client(client: AWSClient(configuration: configuration, credentialProvider: StaticCredentialProvider(credentials), transport: smallCanned))
    try await measure("fixed per-call overhead (same call, 1-group response)", runs: runs) {
        _ = try await smallEC2.describeSecurityGroups(filters: [.tag("WhitelistManaged", "true"), .tag("Environment", "dev")])
    }

    // 2. The parts.
    let signer = SigV4Signer(region: "us-east-1", service: "ec2", keyCache: SigV4SigningKeyCache())
    let form = Array("Action=DescribeSecurityGroups&Version=2016-11-15&Filter.1.Name=tag%3AWhitelistManaged&Filter.1.Value.1=true".utf8)
    let endpoint = AWSEndpoint(scheme: "https", host: "ec2.us-east-1.amazonaws.com")
    try await measure("  sign only", runs: runs) {
        var request = AWSHTTPRequest(method: "POST", endpoint: endpoint, headers: AWSHTTPHeaders([("content-type", "application/x-www-form-urlencoded; charset=utf-8")]), body: form)
        signer.sign(&request, credentials: credentials, date: Date())
    }
    let bytes = canned.response.body
    var decoded = 0
    try await measure("  XML read + typed decode only (100 groups, as the call does it)", runs: runs) {
        decoded = try EC2SecurityGroup.decodeDescribeResponse(bytes).groups.count
    }
    precondition(decoded == 100)
    try await measure("  XML tree parse only (AWSXMLDocument, used by the other operations)", runs: runs) {
        _ = try AWSXMLDocument(bytes: bytes)
    }
}

let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2000
let body = describeSecurityGroupsResponse(groups: 100)
print("DescribeSecurityGroups response: 100 groups, \(body.utf8.count) bytes")

let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token")
let configuration = AWSConfiguration(region: "us-east-1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"])
let canned = CannedTransport(response: AWSHTTPResponse(status: 200, headers: AWSHTTPHeaders([("Content-Type", "text/xml")]), body: Array(body.utf8)))
try await clientBenchmarks(runs: runs, configuration: configuration, credentials: credentials, canned: canned)

// 1c. The same call made from the main actor: the difference to (1) is the two executor
// hops of a main-actor caller.
let mainActorEC2 = EC2Client(client: AWSClient(configuration: configuration, credentialProvider: StaticCredentialProvider(credentials), transport: canned))
try await measure("same call from the main actor (adds main <-> pool hops)", runs: runs) {
    _ = try await mainActorEC2.describeSecurityGroups(filters: [.tag("WhitelistManaged", "true"), .tag("Environment", "dev")])
}

// 3. Connection reuse: N sequential calls through the pooled client to a local server.
let connectionCalls = 200
let smallBody = describeSecurityGroupsResponse(groups: 1)
try await LocalHTTPServer.with(handler: { _ in LocalHTTPResponse(status: 200, contentType: "text/xml", text: smallBody) }) { server in
    let transport = AsyncHTTPClientTransport()
    do {
        let networked = AWSClient(configuration: AWSConfiguration(region: "us-east-1", environment: ["AWS_ENDPOINT_URL": server.url]),
                                  credentialProvider: StaticCredentialProvider(credentials), transport: transport)
        let networkedEC2 = EC2Client(client: networked)
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<connectionCalls {
            let start = clock.now
            _ = try await networkedEC2.describeSecurityGroups()
            let elapsed = clock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        print(String(format: "connection reuse: %d sequential calls over loopback opened %d connection(s); median round trip %.1f µs", connectionCalls, server.acceptedConnections, median(samples)))
        try await transport.shutdown()
    } catch {
        try? await transport.shutdown()
        throw error
    }
}

// 4. Against moto, when installed: latency only. moto's server answers every request with
// `Connection: close`, so connection reuse can only be shown against a keep-alive server (3).
if ProcessInfo.processInfo.environment["AWS_BENCH_SKIP_MOTO"] == nil, ProcessRunner.which("moto_server") != nil {
    try await MotoServer.with { moto in
        let transport = AsyncHTTPClientTransport()
        let motoCalls = 50
        do {
            let motoClient = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport)
            let sts = STSClient(client: motoClient)
            var samples: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<motoCalls {
                let start = clock.now
                _ = try await sts.getCallerIdentity()
                let elapsed = clock.now - start
                samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            }
            print(String(format: "moto: %d sequential GetCallerIdentity calls, median %.0f µs (moto closes each connection)", motoCalls, median(samples)))
            try await transport.shutdown()
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }
}
