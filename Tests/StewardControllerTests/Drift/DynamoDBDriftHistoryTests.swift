import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Testing

/// The findings history in the DynamoDB environments table, against moto: versioned updates
/// that lose nothing, parts under DynamoDB's item limit, the leader's writes conditioned on its
/// epoch, and desired-state reads that skip Steward's own items. The aws CLI is the oracle.
@Suite(.serialized) struct DynamoDBDriftHistoryTests {
    static let environments = "steward-environments"
    static let leases = "steward-leases"
    static let timing = LeaseTiming(leaseDuration: .seconds(30), renewEvery: .seconds(5), renewDeadline: .seconds(20))
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func ack(_ index: Int, reason: String = "vendor test") -> DriftAck {
        DriftAck(by: "tester-\(index)", reason: reason, until: at.addingTimeInterval(86_400), at: at)
    }

    static func with(_ body: (MotoServer, AWSClient) async throws -> Void) async throws {
        try await MotoServer.with { moto in
            try await moto.createEnvironmentsTable(environments)
            let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .seconds(2)))
            do {
                let client = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport)
                try await body(moto, client)
                try await transport.shutdown()
            } catch {
                try? await transport.shutdown()
                throw error
            }
        }
    }

    /// The history's items as the aws CLI sees them: key → (version, bytes of data).
    static func items(_ moto: MotoServer) async throws -> [String: (version: Int, bytes: Int)] {
        let output = try await moto.boto3("""
        table = boto3.resource('dynamodb', endpoint_url=ENDPOINT, region_name='us-east-1').Table('\(environments)')
        items = table.scan(ConsistentRead=True)['Items']
        print(json.dumps({i['environment']: [int(i['version']), len(i['data'].value)] for i in items if i['environment'].startswith('_steward/')}))
        """)
        let decoded = try JSONDecoder().decode([String: [Int]].self, from: Data(output.utf8))
        return decoded.mapValues { (version: $0[0], bytes: $0[1]) }
    }

    @Test(.timeLimit(.minutes(8)))
    func anUpdateIsStoredUnderTheReservedKeyAndReadBack() async throws {
        try await Self.with { moto, client in
            let store = DynamoDBDriftHistory(table: Self.environments, client: client)
            #expect(try await store.load() == DriftHistory(), "no item yet: an empty history")
            try await store.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                history.acks["whitelist-unmanaged-rule:sgr-1"] = Self.ack(1)
                history.lastReportAt = Self.at
            }
            let items = try await Self.items(moto)
            #expect(Set(items.keys) == ["_steward/drift-history"])
            #expect(items["_steward/drift-history"]?.version == 1)
            let loaded = try await DynamoDBDriftHistory(table: Self.environments, client: client).load()
            #expect(loaded.acks["whitelist-unmanaged-rule:sgr-1"] == Self.ack(1))
            #expect(loaded.lastReportAt == Self.at)

            // A change that changes nothing writes nothing.
            try await store.modify { (_: inout DriftHistory) throws(DriftHistoryError) in }
            #expect(try await Self.items(moto)["_steward/drift-history"]?.version == 1)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func concurrentWritersThroughTwoStoresLoseNothing() async throws {
        try await Self.with { moto, client in
            let stores = [DynamoDBDriftHistory(table: Self.environments, client: client),
                          DynamoDBDriftHistory(table: Self.environments, client: client)]
            // An attempt fails only when another writer committed since its read, so with as
            // many writers as attempts every writer gets through, however they interleave.
            let writers = DynamoDBDriftHistory.maximumAttempts
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        try await stores[index % 2].modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                            history.acks["finding-\(index)"] = Self.ack(index)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let history = try await stores[0].load()
            #expect(Set(history.acks.keys) == Set((0..<writers).map { "finding-\($0)" }), "every writer's update is kept")
            #expect(try await Self.items(moto)["_steward/drift-history"]?.version == writers, "one version per update")
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aLargeHistoryIsSplitIntoPartsUnderTheItemLimitAndShrinksBack() async throws {
        try await Self.with { moto, client in
            let store = DynamoDBDriftHistory(table: Self.environments, client: client)
            let reason = String(repeating: "r", count: 1_000)
            // About 900 KB of JSON: three parts.
            try await store.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                for index in 0..<850 { history.acks["finding-\(index)"] = Self.ack(index, reason: reason) }
            }
            let large = try await Self.items(moto)
            #expect(Set(large.keys) == ["_steward/drift-history", "_steward/drift-history/part-1", "_steward/drift-history/part-2"])
            #expect(large.values.allSatisfy { $0.bytes <= DynamoDBDriftHistory.partBytes && $0.version == 1 })
            #expect(try await store.load().acks.count == 850)

            try await store.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                history.acks = history.acks.filter { $0.key == "finding-1" }
            }
            let small = try await Self.items(moto)
            #expect(Set(small.keys) == ["_steward/drift-history"], "parts no longer needed are deleted with the update")
            #expect(try await store.load().acks.keys.sorted() == ["finding-1"])
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aLeaderThatLostTheLeaseUnawaresWritesNoHistory() async throws {
        try await Self.with { moto, client in
            try await moto.createLeaseTable(Self.leases)
            let lease = LeaseTable(dynamoDB: DynamoDBClient(client: client), table: Self.leases, leaseName: "default", timing: Self.timing)
            #expect(try await lease.acquire(LeaseRecord(holder: "replica-a", epoch: 1, revision: "r1"), expecting: nil))
            let oldFence = LeaseFence(identity: "replica-a", timing: Self.timing)
            oldFence.update(.init(leading: true, holder: "replica-a", epoch: 1, deadline: LeaseFence.monotonicNow() + .seconds(600), known: true))
            let oldLeader = DynamoDBDriftHistory(table: Self.environments, client: client, leaderGuard: LeaseEpochGuard(table: lease, fence: oldFence))
            try await oldLeader.modify { (history: inout DriftHistory) throws(DriftHistoryError) in history.lastReportAt = Self.at }
            #expect(try await Self.items(moto)["_steward/drift-history"]?.version == 1, "the leader at its epoch writes")

            // replica-b took the lease (epoch 2) while replica-a was paused; a's fence is still open.
            let current = try #require(try await lease.read())
            #expect(try await lease.acquire(LeaseRecord(holder: "replica-b", epoch: 2, revision: "r2"), expecting: current))
            #expect(oldFence.isLeading)
            await #expect(throws: DriftHistoryError.notLeading(location: oldLeader.location, epoch: 1)) {
                try await oldLeader.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                    history.lastReportAt = Self.at.addingTimeInterval(60)
                }
            }
            #expect(try await Self.items(moto)["_steward/drift-history"]?.version == 1, "nothing written for the old epoch")

            let newFence = LeaseFence(identity: "replica-b", timing: Self.timing)
            newFence.update(.init(leading: true, holder: "replica-b", epoch: 2, deadline: LeaseFence.monotonicNow() + .seconds(600), known: true))
            let newLeader = DynamoDBDriftHistory(table: Self.environments, client: client, leaderGuard: LeaseEpochGuard(table: lease, fence: newFence))
            try await newLeader.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                history.lastReportAt = Self.at.addingTimeInterval(120)
            }
            #expect(try await Self.items(moto)["_steward/drift-history"]?.version == 2)
            #expect(try await newLeader.load().lastReportAt == Self.at.addingTimeInterval(120))
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func desiredStateReadsSkipTheHistoryItems() async throws {
        try await Self.with { moto, client in
            try await moto.createWhitelistTable("whitelist")
            _ = try await moto.aws(["dynamodb", "put-item", "--table-name", Self.environments, "--item",
                                    #"{"environment": {"S": "dev"}, "tier": {"S": "stopped"}, "version": {"N": "1"}}"#])
            try await DynamoDBDriftHistory(table: Self.environments, client: client).modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                for index in 0..<400 { history.acks["finding-\(index)"] = Self.ack(index, reason: String(repeating: "r", count: 1_000)) }
            }
            #expect(try await Self.items(moto).count == 2, "the history holds two items")
            let store = DynamoDBDesiredStateStore(settings: DynamoDBDesiredStateSettings(whitelistTable: "whitelist", environmentsTable: Self.environments),
                                                  client: client)
            let read = try await store.read(known: [], now: Date())
            #expect(read.rowErrors.isEmpty, "Steward's own items are not rows: \(read.rowErrors)")
            #expect(read.environments == [try EnvironmentName("dev")])
        }
    }
}
