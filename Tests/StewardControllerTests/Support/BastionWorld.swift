import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardTestSupport

/// One bastion test's estate: a fresh moto_server with the `dev-bastion` launch template,
/// Steward's EC2 client (direct, or through the idempotency proxy) and a clock. Desired
/// state is built with the same edits the `bastion` commands make. `with` stops all of it.
final class BastionWorld: TestResource, @unchecked Sendable {
    let moto: MotoServer
    let proxy: LocalHTTPServer?
    let idempotency: BastionIdempotencyProxy?
    let transport: AsyncHTTPClientTransport
    let ec2: EC2Client
    var configuration = StewardConfiguration()
    var clock = BastionWorld.start

    static let start = Date(timeIntervalSince1970: 1_795_773_600) // 2026-11-27T10:00:00Z
    static let dev = try! EnvironmentName("dev")

    private init(moto: MotoServer, proxy: LocalHTTPServer?, idempotency: BastionIdempotencyProxy?) throws {
        self.moto = moto
        self.proxy = proxy
        self.idempotency = idempotency
        transport = AsyncHTTPClientTransport()
        var environment = moto.clientEnvironment
        if let proxy { environment["AWS_ENDPOINT_URL"] = proxy.url }
        ec2 = EC2Client(client: try AWSClient.fromEnvironment(environment, transport: transport))
    }

    /// Runs `body` in a fresh world (with AWS's ClientToken semantics when `idempotentLaunches`)
    /// and stops everything however the body ends.
    static func with(idempotentLaunches: Bool = false, _ body: (BastionWorld) async throws -> Void) async throws {
        try await MotoServer.with { moto in
            if idempotentLaunches {
                let idempotency = BastionIdempotencyProxy(motoEndpoint: moto.endpoint)
                try await LocalHTTPServer.with(handler: { await idempotency.handle($0) }) { proxy in
                    try await run(BastionWorld(moto: moto, proxy: proxy, idempotency: idempotency), body)
                }
            } else {
                try await run(BastionWorld(moto: moto, proxy: nil, idempotency: nil), body)
            }
        }
    }

    private static func run(_ world: BastionWorld, _ body: (BastionWorld) async throws -> Void) async throws {
        try await world.use { world in
            try await world.createLaunchTemplate()
            try await body(world)
        }
    }

    /// moto and the proxy are stopped by their own `with`; the world owns only its transport.
    func close() async {
        try? await transport.shutdown()
    }

    func reconciler() -> BastionStage {
        BastionStage(ec2: ec2, configuration: configuration)
    }

    // MARK: Desired state, through the commands' own edits

    func running(_ environment: EnvironmentName = BastionWorld.dev) -> DesiredState {
        DesiredState(environment: environment)
    }

    func create(_ state: DesiredState, by user: String = "U0123") throws -> DesiredState {
        let lease = BastionLease(requestedBy: user, requestedAt: clock, expiresAt: clock.addingTimeInterval(configuration.policy.bastionTTL.timeInterval))
        return try state.applying(.createBastionLease(lease), policy: configuration.policy, now: clock)
    }

    func extend(_ state: DesiredState) throws -> DesiredState {
        try state.applying(.extendBastionLease(by: configuration.policy.bastionTTL), policy: configuration.policy, now: clock)
    }

    func destroy(_ state: DesiredState) throws -> DesiredState {
        try state.applying(.dropBastionLease, policy: configuration.policy, now: clock)
    }

    /// Plans and executes one pass; the plans and every result (held ones included).
    @discardableResult
    func pass(_ states: [DesiredState], failed: Bool = false) async throws -> (plans: [BastionPlan], results: [ActionResult], waits: [BastionWait]) {
        let reconciler = reconciler()
        let plans = try await reconciler.plan(states.map { ($0.environment, $0, failed: failed) }, now: clock)
        var results = plans.flatMap(\.heldResults)
        var waits: [BastionWait] = []
        for plan in plans {
            let execution = await reconciler.execute(plan)
            results += execution.results
            waits += execution.waits
        }
        return (plans, results, waits)
    }

    // MARK: AWS, through boto3 (not Steward's client)

    func createLaunchTemplate(_ name: String = "dev-bastion", instanceType: String = "t3.nano") async throws {
        _ = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        ami = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
        ec2.create_launch_template(LaunchTemplateName='\(name)', LaunchTemplateData={'ImageId': ami, 'InstanceType': '\(instanceType)'})
        """)
    }

    /// Launches an instance by hand with these tags and returns its id.
    func handLaunch(tags: [String: String]) async throws -> String {
        let tagList = tags.sorted { $0.key < $1.key }.map { "{'Key': '\($0.key)', 'Value': '\($0.value)'}" }.joined(separator: ", ")
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        ami = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
        r = ec2.run_instances(ImageId=ami, InstanceType='t3.micro', MinCount=1, MaxCount=1, TagSpecifications=[{'ResourceType': 'instance', 'Tags': [\(tagList)]}])
        print(r['Instances'][0]['InstanceId'])
        """)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func terminateByHand(_ instanceID: String) async throws {
        _ = try await moto.aws(["ec2", "terminate-instances", "--instance-ids", instanceID])
    }

    func stopByHand(_ instanceID: String) async throws {
        _ = try await moto.aws(["ec2", "stop-instances", "--instance-ids", instanceID])
    }

    struct Instance: Decodable, Hashable {
        var id: String
        var state: String
        var instanceType: String
        /// ISO 8601 as the CLI prints it; same format for every instance, so it sorts.
        var launchTime: String
        var tags: [String: String]
    }

    /// Every instance moto holds, terminated ones included, as the aws CLI sees them.
    func instances() async throws -> [Instance] {
        let output = try await moto.aws([
            "ec2", "describe-instances", "--query",
            "Reservations[].Instances[].{id: InstanceId, state: State.Name, instanceType: InstanceType, launchTime: LaunchTime, tags: Tags}",
        ])
        struct Raw: Decodable {
            struct Tag: Decodable { var Key: String; var Value: String }
            var id: String
            var state: String
            var instanceType: String
            var launchTime: String
            var tags: [Tag]?
        }
        return try JSONDecoder().decode([Raw].self, from: Data(output.utf8)).map {
            Instance(id: $0.id, state: $0.state, instanceType: $0.instanceType, launchTime: $0.launchTime,
                     tags: Dictionary(($0.tags ?? []).map { ($0.Key, $0.Value) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    func live() async throws -> [Instance] {
        try await instances().filter { ["pending", "running", "stopping", "stopped"].contains($0.state) }
    }

    static let bastionTags = ["Role": "bastion", "Environment": "dev"]
    static let ownedTags = bastionTags.merging(["steward:owner": "steward"]) { $1 }
}
