import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Testing

/// The DynamoDB-layered store under the reconciler, against moto: a table that can't be read
/// (deleted, or denied by IAM) changes nothing in AWS; the example policy's
/// StewardDesiredStateStore statement is exactly enough for the store and its stream feed.
@Suite(.serialized) struct DynamoDBStoreSafetyTests {
    static let table = "docustack-ip-whitelist"
    static let environments = "steward-environments"
    static let settings = DynamoDBDesiredStateSettings(whitelistTable: table, environmentsTable: environments)

    /// dev.yaml with no entries, and two rows for dev in the seed's table.
    static func seed(_ moto: MotoServer, directory: URL) async throws -> String {
        try await moto.createWhitelistTable(table)
        try await moto.createEnvironmentsTable(environments)
        let now = Int(Date().timeIntervalSince1970)
        for cidr in ["1.2.3.4/32", "198.51.100.0/24"] {
            try await moto.putWhitelistItem(table: table, ipAddress: cidr, environment: "dev", description: "seed entry",
                                            addedBy: "john.doe", addedAt: now - 60, expiresAt: now + 86_400)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "environment: dev\ntier: running\nwhitelist: []\n".write(to: directory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
        return try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        tags = [{'ResourceType': 'security-group', 'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}]
        print(ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc, TagSpecifications=tags)['GroupId'])
        """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func cidrs(_ moto: MotoServer, _ group: String, environment: [String: String] = [:]) async throws -> Set<String> {
        let output = try await moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(group)']}])['SecurityGroupRules']
        print(json.dumps([r.get('CidrIpv4') for r in rules if not r['IsEgress']]))
        """, environment: environment)
        return Set(try JSONDecoder().decode([String?].self, from: Data(output.utf8)).compactMap { $0 })
    }

    static func reconciler(_ store: any DesiredStateStore, aws: AWSClient) -> Reconciler {
        Reconciler(store: store, aws: aws, configuration: StewardConfiguration(), audit: nil, stages: .whitelistOnly)
    }

    @Test(.timeLimit(.minutes(8)))
    func aDeletedTableMakesNoMutatingCall() async throws {
        try await MotoServer.with { moto in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-dynamo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let group = try await Self.seed(moto, directory: directory)
            let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: AsyncHTTPClientTransport.processWide)
            let store = LayeredDesiredStateStore(yaml: YAMLDirectoryStore(directory: directory),
                                                 dynamoDB: DynamoDBDesiredStateStore(settings: Self.settings, client: aws))
            let reconciler = Self.reconciler(store, aws: aws)
            let first = await reconciler.reconcile()
            #expect(!first.results.isEmpty && first.results.allSatisfy { $0.outcome == .applied }, "\(first.results)")
            #expect(try await Self.cidrs(moto, group) == ["1.2.3.4/32", "198.51.100.0/24"])

            _ = try await moto.aws(["dynamodb", "delete-table", "--table-name", Self.table])
            try await moto.startRecording()
            let blind = await reconciler.reconcile()
            let actions = MotoRecording.actions(try await moto.downloadRecording())
            try await moto.stopRecording()
            #expect(!blind.unreadable.isEmpty || !blind.desiredStateErrors.isEmpty, "the read failure is reported")
            #expect(blind.desiredStateErrors.contains { $0.message.contains(Self.table) }, "\(blind.desiredStateErrors)")
            #expect(!actions.contains { $0.hasPrefix("Authorize") || $0.hasPrefix("Revoke") }, "\(actions)")
            #expect(try await Self.cidrs(moto, group) == ["1.2.3.4/32", "198.51.100.0/24"], "the rules stay as they were")
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func exactlyTheDocumentedPolicyIsEnoughAndWithoutItNothingChanges() async throws {
        try await MotoServer.with(initialNoAuthActionCount: 100_000) { moto in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-dynamo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let group = try await Self.seed(moto, directory: directory)
            let policy = try String(contentsOfFile: LeastPrivilegeTests.policyPath, encoding: .utf8)
            let document = try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any] ?? [:]
            var statements = document["Statement"] as? [[String: Any]] ?? []
            let storeStatement = statements.first { $0["Sid"] as? String == "StewardDesiredStateStore" }
            #expect(storeStatement != nil, "examples/iam-policy.json keeps the Sid StewardDesiredStateStore")
            statements.removeAll { $0["Sid"] as? String == "StewardDesiredStateStore" }
            var withoutStore = document
            withoutStore["Statement"] = statements
            let keys = try await moto.createIAMUsers([
                "steward": policy,
                "noStore": String(decoding: try JSONSerialization.data(withJSONObject: withoutStore), as: UTF8.self),
                "admin": MotoServer.allowPolicy(["*"]),
            ])
            try await moto.enableAuth(afterFreeCalls: 0)
            func client(_ user: String) throws -> AWSClient {
                let key = keys[user] ?? []
                var environment = moto.clientEnvironment
                environment["AWS_ACCESS_KEY_ID"] = key.first
                environment["AWS_SECRET_ACCESS_KEY"] = key.last
                return try AWSClient.fromEnvironment(environment, transport: AsyncHTTPClientTransport.processWide, retryPolicy: AWSRetryPolicy(maxAttempts: 1))
            }
            let admin = ["AWS_ACCESS_KEY_ID": keys["admin"]?.first ?? "", "AWS_SECRET_ACCESS_KEY": keys["admin"]?.last ?? ""]

            // Denied the tables: the reconciler reads nothing and so changes nothing.
            let denied = try client("noStore")
            let blindStore = LayeredDesiredStateStore(yaml: YAMLDirectoryStore(directory: directory),
                                                      dynamoDB: DynamoDBDesiredStateStore(settings: Self.settings, client: denied))
            let blind = await Self.reconciler(blindStore, aws: denied).reconcile()
            #expect(blind.results.filter { $0.outcome == .applied }.isEmpty, "\(blind.results)")
            #expect(blind.desiredStateErrors.contains { $0.message.contains("access denied") }, "\(blind.desiredStateErrors)")
            #expect(try await Self.cidrs(moto, group, environment: admin).isEmpty)

            // With the documented policy: read, conditional writes, the GSI query and the stream.
            let steward = try client("steward")
            let dynamoDB = DynamoDBDesiredStateStore(settings: Self.settings, client: steward)
            let store = LayeredDesiredStateStore(yaml: YAMLDirectoryStore(directory: directory), dynamoDB: dynamoDB)
            let granted = await Self.reconciler(store, aws: steward).reconcile()
            #expect(!granted.results.isEmpty && granted.results.allSatisfy { $0.outcome == .applied }, "\(granted.results) \(granted.desiredStateErrors)")
            #expect(try await Self.cidrs(moto, group, environment: admin) == ["1.2.3.4/32", "198.51.100.0/24"])
            let dev = try EnvironmentName("dev")
            let now = Date()
            try await store.apply(.addWhitelistEntry(WhitelistEntry(cidr: try CIDR("192.0.2.0/24"), description: "policy check", addedBy: "t",
                                                                    addedAt: now, expiresAt: now.addingTimeInterval(3600))), to: dev, actor: "t", now: now)
            try await store.apply(.removeWhitelistEntry(try CIDR("192.0.2.0/24")), to: dev, actor: "t", now: now)
            try await store.apply(.setTier(.running), to: dev, actor: "t", now: now)
            var eventual = Self.settings
            eventual.consistentReads = false
            _ = try await DynamoDBDesiredStateStore(settings: eventual, client: steward).read(known: [dev], now: now)

            let streams = DynamoDBStreamsClient(client: steward)
            let arn = try #require(try await DynamoDBClient(client: steward).describeTable(Self.table).LatestStreamArn)
            let shard = try #require(try await streams.describeStream(arn: arn).Shards?.first)
            let iterator = try await streams.getShardIterator(streamARN: arn, shardID: shard.ShardId, type: "TRIM_HORIZON")
            #expect(!(try await streams.getRecords(iterator: iterator).Records ?? []).isEmpty)
        }
    }
}
