import Foundation
import StewardAWS
import StewardCore
import StewardTestSupport
import Synchronization
import Testing
@testable import StewardStore

/// The stream feed's fault handling, through a scripted Streams transport: every scripted
/// record's environment must wake the loop, across an expired iterator, a closed shard
/// followed into its child, trimmed records and a stream that vanishes and comes back.
@Suite struct DynamoDBStreamChangeFeedTests {
    static let fast = DynamoDBStreamChangeFeed.Timing(recordPoll: .milliseconds(5), redescribeInterval: .milliseconds(300),
                                                      pollInterval: .milliseconds(50))

    static func client(_ transport: any AWSHTTPTransport) throws -> AWSClient {
        try AWSClient.fromEnvironment([
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true",
        ], transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: 1))
    }

    /// Runs the feed until `done` says the changes seen are enough (bounded by `timeout`).
    static func changes(_ transport: ScriptedStreamsTransport, timeout: Duration = .seconds(10),
                        tables: @escaping @Sendable () async -> [String] = { ["t"] },
                        until done: @escaping @Sendable ([DesiredStateChange]) -> Bool) async throws -> [DesiredStateChange] {
        let feed = DynamoDBStreamChangeFeed(client: try client(transport), timing: fast, tables: tables)
        let seen = Mutex<[DesiredStateChange]>([])
        let finished = Doorbell()
        let task = Task {
            try await feed.run { change in
                let enough = seen.withLock { list -> Bool in
                    list.append(change)
                    return done(list)
                }
                if enough { finished.ring() }
            }
        }
        await finished.wait(timeout: timeout)
        task.cancel()
        _ = await task.result
        return seen.withLock { $0 }
    }

    static func environments(_ changes: [DesiredStateChange]) -> Set<String> {
        Set(changes.flatMap(\.environments).map(\.rawValue))
    }

    @Test(.timeLimit(.minutes(1)))
    func expiredIteratorsClosedShardsAndTrimmedRecordsLoseNoEdit() async throws {
        let transport = ScriptedStreamsTransport { operation, body, _ in
            let iterator = body["ShardIterator"] as? String
            let shard = body["ShardId"] as? String
            let type = body["ShardIteratorType"] as? String
            switch (operation, iterator ?? shard ?? "") {
            case ("DescribeTable", _): return ScriptedStreamsTransport.table
            case ("DescribeStream", _):
                // Once A has been read to its end, it is closed and B (its child) is open.
                return closedA.withLock { $0 }
                    ? ScriptedStreamsTransport.shards([("A", nil, true), ("B", "A", false)])
                    : ScriptedStreamsTransport.shards([("A", nil, false)])
            case ("GetShardIterator", "A"):
                if type == "LATEST" { return (200, #"{"ShardIterator":"A0"}"#) }
                // After the expiry: resume after the last record seen.
                #expect(type == "AFTER_SEQUENCE_NUMBER")
                #expect(body["SequenceNumber"] as? String == "101")
                return (200, #"{"ShardIterator":"A2"}"#)
            case ("GetShardIterator", "B"):
                #expect(type == "TRIM_HORIZON", "a child shard is read from its start")
                return (200, trimmedOnce.withLock { $0 } ? #"{"ShardIterator":"B2"}"# : #"{"ShardIterator":"B0"}"#)
            case ("GetRecords", "A0"): return ScriptedStreamsTransport.records([("dev", "101")], next: "A1")
            case ("GetRecords", "A1"): return ScriptedStreamsTransport.error("ExpiredIteratorException")
            case ("GetRecords", "A2"):
                closedA.withLock { $0 = true }
                return ScriptedStreamsTransport.records([("staging", "102")], next: nil)
            case ("GetRecords", "B0"): return ScriptedStreamsTransport.records([("prod", "201")], next: "B1")
            case ("GetRecords", "B1"):
                trimmedOnce.withLock { $0 = true }
                return ScriptedStreamsTransport.error("TrimmedDataAccessException")
            case ("GetRecords", "B2"): return ScriptedStreamsTransport.records([("qa", "202")], next: "B3")
            case ("GetRecords", _): return ScriptedStreamsTransport.records([], next: iterator)
            default: return ScriptedStreamsTransport.error("ValidationException")
            }
        }
        let seen = try await Self.changes(transport) { Self.environments($0) == ["dev", "staging", "prod", "qa"] }
        #expect(Self.environments(seen) == ["dev", "staging", "prod", "qa"])
        #expect(seen.contains { $0.detail.contains("ExpiredIteratorException") }, "a gap wakes a full read")
        #expect(seen.contains { $0.detail.contains("TrimmedDataAccessException") })
    }

    @Test(.timeLimit(.minutes(1)))
    func steward_sOwnItemsInTheEnvironmentsTableWakeNothing() async throws {
        // The leader writes the findings history after every pass: were that a change, each
        // pass would wake the next one, forever.
        let transport = ScriptedStreamsTransport { operation, body, _ in
            let iterator = body["ShardIterator"] as? String
            switch (operation, iterator ?? "") {
            case ("DescribeTable", _): return ScriptedStreamsTransport.table
            case ("DescribeStream", _): return ScriptedStreamsTransport.shards([("A", nil, false)])
            case ("GetShardIterator", _): return (200, #"{"ShardIterator":"A0"}"#)
            case ("GetRecords", "A0"):
                return ScriptedStreamsTransport.records([("_steward/drift-history", "101"), ("_steward/drift-history/part-1", "102")], next: "A1")
            case ("GetRecords", "A1"): return ScriptedStreamsTransport.records([("dev", "103")], next: "A2")
            case ("GetRecords", _): return ScriptedStreamsTransport.records([], next: iterator)
            default: return ScriptedStreamsTransport.error("ValidationException")
            }
        }
        let seen = try await Self.changes(transport) { Self.environments($0) == ["dev"] }
        #expect(seen.count == 1, "only the edit of dev wakes the loop: \(seen.map(\.detail))")
        #expect(seen.first?.detail == "t: 1 stream record(s)")
    }

    @Test(.timeLimit(.minutes(1)))
    func withoutAStreamItPollsAndFollowsTheStreamOnceThereIsOne() async throws {
        let transport = ScriptedStreamsTransport { operation, body, call in
            switch operation {
            case "DescribeTable":
                // The first look finds no stream; later ones find it.
                return hasStream.withLock { seen in defer { seen = true }; return seen }
                    ? ScriptedStreamsTransport.table : ScriptedStreamsTransport.tableWithoutStream
            case "DescribeStream":
                // The stream is missing once: back to polling, then recovered.
                return missingOnce.withLock { missing in defer { missing = false }; return missing }
                    ? ScriptedStreamsTransport.error("ResourceNotFoundException") : ScriptedStreamsTransport.shards([("A", nil, false)])
            case "GetShardIterator": return (200, #"{"ShardIterator":"A0"}"#)
            case "GetRecords":
                return body["ShardIterator"] as? String == "A0"
                    ? ScriptedStreamsTransport.records([("dev", "1")], next: "A1") : ScriptedStreamsTransport.records([], next: "A1")
            default: return ScriptedStreamsTransport.error("ValidationException")
            }
        }
        let seen = try await Self.changes(transport) { Self.environments($0).contains("dev") }
        #expect(seen.contains { $0.detail.hasSuffix("poll") }, "no stream: polled")
        #expect(seen.contains { $0.detail.contains("stream lost (ResourceNotFoundException)") })
        #expect(Self.environments(seen) == ["dev"])
    }

    /// Per-environment tables come and go with environments: the list is asked again at each
    /// look, a new table is followed (and its arrival wakes a full read), a dropped one is left.
    @Test(.timeLimit(.minutes(1)))
    func aTableListedAfterStartIsFollowedAndADroppedOneIsLeft() async throws {
        let transport = ScriptedStreamsTransport { operation, body, _ in
            let table = (body["TableName"] as? String) ?? ((body["StreamArn"] as? String)?.contains("/u/") == true ? "u" : "t")
            switch operation {
            case "DescribeTable":
                return (200, #"{"Table":{"TableName":"\#(table)","LatestStreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/\#(table)/stream/1"}}"#)
            case "DescribeStream":
                return (200, #"{"StreamDescription":{"StreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/\#(table)/stream/1","StreamStatus":"ENABLED","Shards":[{"ShardId":"\#(table.uppercased())","SequenceNumberRange":{"StartingSequenceNumber":"1"}}]}}"#)
            case "GetShardIterator":
                return (200, #"{"ShardIterator":"\#(body["ShardId"] as? String ?? "?")0"}"#)
            case "GetRecords":
                let iterator = body["ShardIterator"] as? String ?? ""
                let count = followedReads.withLock { reads in
                    reads.append((iterator, ContinuousClock.now))
                    return reads.count
                }
                // u has a record now and then (between them the follower sleeps as on a quiet
                // stream), so the test's condition is looked at again without a busy loop.
                return iterator.hasPrefix("U") && count % 5 == 0 ? ScriptedStreamsTransport.records([("newenv", "1")], next: "U1")
                    : ScriptedStreamsTransport.records([], next: iterator)
            default: return ScriptedStreamsTransport.error("ValidationException")
            }
        }
        // t's follower checks the list at its next look (one redescribe interval, 300 ms, after
        // u was listed) and reads no more; a second of margin covers a starved scheduler.
        @Sendable func readsOfTLongAfterItWasDropped() -> Int {
            guard let dropped = tDroppedAt.withLock({ $0 }) else { return 0 }
            return followedReads.withLock { $0.filter { $0.0.hasPrefix("T") && $0.1 > dropped + .seconds(1) }.count }
        }
        @Sendable func settled(_ changes: [DesiredStateChange]) -> Bool {
            guard let dropped = tDroppedAt.withLock({ $0 }) else { return false }
            return Self.environments(changes).contains("newenv") && ContinuousClock.now > dropped + .milliseconds(1500)
        }
        let changes = try await Self.changes(transport, timeout: .seconds(20), tables: {
            // t stays listed until its follower has read it once (on a loaded machine that can
            // take more than one look), then u replaces it.
            let tWasRead = followedReads.withLock { $0.contains { $0.0.hasPrefix("T") } }
            if !tWasRead, tDroppedAt.withLock({ $0 }) == nil { return ["t"] }
            tDroppedAt.withLock { $0 = $0 ?? .now }
            return ["u"]
        }, until: settled)
        #expect(settled(changes), "u's record woke the loop, and the wait ran its length")
        #expect(Self.environments(changes) == ["newenv"], "the record of the table listed later woke the loop")
        #expect(changes.contains { $0.detail == "following u from now, re-reading" }, "its arrival wakes a full read: \(changes.map(\.detail))")
        #expect(followedReads.withLock { $0 }.contains { $0.0.hasPrefix("T") }, "t was followed first")
        #expect(readsOfTLongAfterItWasDropped() == 0, "t, no longer listed, is no longer read")
    }
}

// Script state shared by the transports above (tests in this suite run their own scripts).
private let closedA = Mutex(false)
private let trimmedOnce = Mutex(false)
private let hasStream = Mutex(false)
private let missingOnce = Mutex(true)
private let followedReads = Mutex<[(String, ContinuousClock.Instant)]>([])
private let tDroppedAt = Mutex<ContinuousClock.Instant?>(nil)
