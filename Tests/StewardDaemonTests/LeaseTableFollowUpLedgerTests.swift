import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardSlack
import StewardTestSupport
import Synchronization
import Testing
@testable import steward

/// Slack follow-ups with `ha`, kept in the lease table against moto: a standby records the
/// command it took, the leader answers it once after a pass that read the edit, and a leader
/// that lost the lease unawares (its fence still open, the item at a newer epoch) commits and
/// posts nothing. Items are checked with the aws CLI as well as through the ledger.
@Suite(.serialized) struct LeaseTableFollowUpLedgerTests {
    static let table = "steward-leases"
    static let timing = LeaseTiming(leaseDuration: .seconds(30), renewEvery: .seconds(5), renewDeadline: .seconds(20))

    /// What the poster was handed, in order.
    final class Posts: Sendable {
        private let list = Mutex<[(url: String, text: String)]>([])
        var all: [(url: String, text: String)] { list.withLock { $0 } }
        func add(_ url: String, _ message: SlackMessage) { list.withLock { $0.append((url, message.text)) } }
    }

    /// One replica's side: its fence, its tracker over the shared ledger, what it posted.
    struct Side {
        let fence: LeaseFence
        let tracker: FollowUpTracker
        let posts: Posts
    }

    static func side(_ name: String, _ lease: LeaseTable) -> Side {
        let fence = LeaseFence(identity: name, timing: timing)
        let ledger = LeaseTableFollowUpLedger(table: lease, epochGuard: LeaseEpochGuard(table: lease, fence: fence))
        let posts = Posts()
        let tracker = FollowUpTracker(replica: name, shared: ledger) { url, message in posts.add(url, message) }
        return Side(fence: fence, tracker: tracker, posts: posts)
    }

    /// The follow-up item keys the aws CLI sees in the lease table.
    static func followUpKeys(_ moto: MotoServer) async throws -> [String] {
        let output = try await moto.aws(["dynamodb", "scan", "--table-name", table, "--consistent-read",
                                         "--query", "Items[?record.S=='follow-up'].lease_name.S", "--output", "text"])
        return output.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "None" }.sorted()
    }

    static func withLease(_ body: (MotoServer, LeaseTable, Side, Side) async throws -> Void) async throws {
        try await MotoServer.with { moto in
            try await moto.createLeaseTable(table)
            let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .seconds(2)))
            do {
                let client = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: 1))
                let lease = LeaseTable(dynamoDB: DynamoDBClient(client: client), table: table, leaseName: "default", timing: timing)
                // replica-a leads at epoch 1, as the lease item says and its fence believes.
                #expect(try await lease.acquire(LeaseRecord(holder: "replica-a", epoch: 1, revision: "r1"), expecting: nil))
                let leader = side("replica-a", lease), standby = side("replica-b", lease)
                leader.fence.update(.init(leading: true, holder: "replica-a", epoch: 1, deadline: LeaseFence.monotonicNow() + .seconds(600), known: true))
                standby.fence.update(.init(leading: false, holder: "replica-a", epoch: 1, known: true))
                try await body(moto, lease, leader, standby)
                try await transport.shutdown()
            } catch {
                try? await transport.shutdown()
                throw error
            }
        }
    }

    static let dev = try! EnvironmentName("dev")

    static func pass(startedAt: Date, _ environment: EnvironmentOutcome) -> ReconcileOutcome {
        ReconcileOutcome(startedAt: startedAt, environments: [dev: environment])
    }

    @Test(.timeLimit(.minutes(8)))
    func aCommandTheStandbyTookIsAnsweredOnceByTheLeaderAfterAPassThatReadIt() async throws {
        try await Self.withLease { (moto: MotoServer, _: LeaseTable, leader: Side, standby: Side) async throws in
            await standby.tracker.register(id: "E1", environment: Self.dev, responseURL: "http://127.0.0.1:9/respond/E1",
                                           command: "/whitelist add 203.0.113.10 --env dev", editedAt: Date())
            #expect(try await Self.followUpKeys(moto) == ["default/follow-up/E1"])
            #expect(await standby.tracker.count == 0, "with a shared ledger nothing is kept in memory")

            // The standby never reconciles; were it handed a report, it must not claim the entry.
            #expect(await standby.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: ["x"]))) == false)
            #expect(standby.posts.all.isEmpty)

            // A pass that was under way before the leader first saw the entry may not have read
            // the edit: no reply yet, and the leader is told to run another pass.
            let early = Date().addingTimeInterval(-1)
            #expect(await leader.tracker.reconciled(Self.pass(startedAt: early, EnvironmentOutcome(applied: ["nothing"]))) == true)
            #expect(leader.posts.all.isEmpty)
            #expect(try await Self.followUpKeys(moto) == ["default/follow-up/E1"])

            let applied = "authorized 203.0.113.10/32 tcp/443 on sg-0abc"
            #expect(await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: [applied]))) == false)
            let posts = leader.posts.all
            #expect(posts.count == 1)
            #expect(posts.first?.url == "http://127.0.0.1:9/respond/E1")
            #expect(posts.first?.text.hasPrefix("done: dev reconciled after `/whitelist add 203.0.113.10 --env dev`") == true, "\(posts)")
            #expect(posts.first?.text.contains(applied) == true)
            #expect(try await Self.followUpKeys(moto).isEmpty, "the answered follow-up's item is deleted")

            // Later passes (and Slack redelivering nothing) post nothing more.
            await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: [applied])))
            #expect(leader.posts.all.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func anEntrySeenBeforeThePassStartedIsAnsweredByThatPass() async throws {
        try await Self.withLease { (moto: MotoServer, _: LeaseTable, leader: Side, standby: Side) async throws in
            await standby.tracker.register(id: "E4", environment: Self.dev, responseURL: "http://127.0.0.1:9/respond/E4",
                                           command: "/whitelist add 203.0.113.14 --env dev", editedAt: Date())
            await leader.tracker.passStarting()
            let applied = "authorized 203.0.113.14/32 tcp/443 on sg-0abc"
            // The pass that starts after that look read the edit: it answers with what it applied.
            #expect(await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: [applied]))) == false)
            #expect(leader.posts.all.map(\.text).first?.contains(applied) == true, "\(leader.posts.all)")
            #expect(leader.posts.all.count == 1)
            #expect(try await Self.followUpKeys(moto).isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func inProgressIsSaidOnceAndTheLastReplyFollowsFromTheLedger() async throws {
        try await Self.withLease { (moto: MotoServer, _: LeaseTable, leader: Side, standby: Side) async throws in
            await standby.tracker.register(id: "E2", environment: Self.dev, responseURL: "http://127.0.0.1:9/respond/E2",
                                           command: "/infra start dev", editedAt: Date())
            #expect(await leader.tracker.reconciled(Self.pass(startedAt: Date().addingTimeInterval(-1), EnvironmentOutcome())) == true)
            let stopping = EnvironmentOutcome(applied: ["started rds:dev-db"], pending: ["rds:dev-db is starting"])
            await leader.tracker.reconciled(Self.pass(startedAt: Date(), stopping))
            await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(pending: ["rds:dev-db is starting"])))
            #expect(leader.posts.all.map(\.text).filter { $0.hasPrefix("in progress: dev") }.count == 1, "\(leader.posts.all)")
            let rewritten = try await moto.aws(["dynamodb", "get-item", "--table-name", Self.table, "--consistent-read",
                                                "--key", #"{"lease_name":{"S":"default/follow-up/E2"}}"#])
            #expect(rewritten.contains("\"progress_posted\"") && rewritten.contains("\"BOOL\": true"), "\(rewritten)")
            #expect(rewritten.contains("started rds:dev-db"), "what was applied so far is kept for the last reply")

            await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: ["ecs:dev/web desired 1"])))
            let texts = leader.posts.all.map(\.text)
            #expect(texts.count == 2, "\(texts)")
            #expect(texts.last?.hasPrefix("done: dev reconciled after `/infra start dev`") == true, "\(texts)")
            #expect(texts.last?.contains("started rds:dev-db") == true && texts.last?.contains("ecs:dev/web desired 1") == true)
            #expect(try await Self.followUpKeys(moto).isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aLeaderThatLostTheLeaseUnawaresCommitsAndPostsNothing() async throws {
        try await Self.withLease { (moto: MotoServer, lease: LeaseTable, leader: Side, standby: Side) async throws in
            await standby.tracker.register(id: "E3", environment: Self.dev, responseURL: "http://127.0.0.1:9/respond/E3",
                                           command: "/whitelist remove 203.0.113.10/32 --env dev", editedAt: Date())
            // replica-b took the lease over (epoch 2) while replica-a was paused: a's fence is
            // still open (its deadline has not passed on its clock), but the item says otherwise.
            let current = try #require(try await lease.read())
            #expect(try await lease.acquire(LeaseRecord(holder: "replica-b", epoch: 2, revision: "r2"), expecting: current))
            #expect(leader.fence.isLeading)

            await leader.tracker.reconciled(Self.pass(startedAt: Date().addingTimeInterval(-1), EnvironmentOutcome()))
            await leader.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: ["revoked 203.0.113.10/32"])))
            #expect(leader.posts.all.isEmpty, "a reply whose entry could not be settled must not go out: \(leader.posts.all)")
            #expect(try await Self.followUpKeys(moto) == ["default/follow-up/E3"], "the entry is left for the real leader")

            // The real leader answers it, once.
            standby.fence.update(.init(leading: true, holder: "replica-b", epoch: 2, deadline: LeaseFence.monotonicNow() + .seconds(600), known: true))
            await standby.tracker.reconciled(Self.pass(startedAt: Date(), EnvironmentOutcome(applied: ["revoked 203.0.113.10/32"])))
            #expect(standby.posts.all.count == 1)
            #expect(standby.posts.all.first?.url == "http://127.0.0.1:9/respond/E3")
            #expect(try await Self.followUpKeys(moto).isEmpty)
        }
    }
}
