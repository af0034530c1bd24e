import Foundation
import Logging
import StewardAWS
import StewardCore

/// Wakes the reconcile loop from the tables' DynamoDB streams, naming the environment each
/// record's key names. Records are never state: the loop's full read is the truth, so a lost,
/// repeated or no-op record (moto sends a MODIFY for an unchanged put) costs at most one read.
///
/// Each stream is read from LATEST (the start-up reconcile covers what came before), its
/// shards re-described every `redescribeInterval` and whenever one closes, a closed shard's
/// children read from TRIM_HORIZON so nothing between the two is lost. On an expired
/// iterator or trimmed records it wakes the loop (a gap means "read everything") and takes a
/// fresh iterator; a table without a stream, or whose stream is gone, is polled every
/// `pollInterval` until a stream is back.
public struct DynamoDBStreamChangeFeed: DesiredStateChangeFeed {
    public struct Timing: Sendable {
        /// Between GetRecords calls on a shard that returned nothing (AWS allows 5 a second per shard).
        public var recordPoll: Duration
        public var redescribeInterval: Duration
        /// Without a stream: how often the loop is woken to re-read.
        public var pollInterval: Duration

        public init(recordPoll: Duration = .milliseconds(250), redescribeInterval: Duration = .seconds(60), pollInterval: Duration = .seconds(10)) {
            self.recordPoll = recordPoll
            self.redescribeInterval = redescribeInterval
            self.pollInterval = pollInterval
        }
    }

    public let tables: @Sendable () async -> [String]
    let dynamoDB: DynamoDBClient
    let streams: DynamoDBStreamsClient
    let timing: Timing
    let logger: Logger

    /// - Parameter tables: the tables to follow, asked again every `redescribeInterval`:
    ///   per-environment tables come and go with the environments.
    public init(client: AWSClient, timing: Timing = Timing(), logger: Logger = Logger(label: "steward.watch"),
                tables: @escaping @Sendable () async -> [String]) {
        self.tables = tables
        self.dynamoDB = DynamoDBClient(client: client)
        self.streams = DynamoDBStreamsClient(client: client)
        self.timing = timing
        self.logger = logger
    }

    public func run(onChange: @escaping @Sendable (DesiredStateChange) -> Void) async throws {
        let followed = FollowedTables()
        var isFirstLook = true
        await withDiscardingTaskGroup { group in
            // A feed that returns ends the daemon's service group: this loop runs until cancelled,
            // with or without a table to follow.
            while !Task.isCancelled {
                let added = followed.replace(with: Set(await tables()))
                for table in added.sorted() {
                    group.addTask { await follow(table, isFollowed: { followed.contains(table) }, onChange: onChange) }
                }
                // A table that appeared after start (a new environment) starts at LATEST: the
                // items it got before are read by the reconcile this wakes.
                if !isFirstLook, !added.isEmpty {
                    onChange(DesiredStateChange(detail: "following \(added.sorted().joined(separator: ", ")) from now, re-reading"))
                }
                isFirstLook = false
                do { try await Task.sleep(for: timing.redescribeInterval) } catch { break }
            }
            group.cancelAll()
        }
    }

    /// Follows one table until cancelled or no longer listed: its stream when it has one,
    /// polling otherwise.
    func follow(_ table: String, isFollowed: @escaping @Sendable () -> Bool, onChange: @escaping @Sendable (DesiredStateChange) -> Void) async {
        while !Task.isCancelled, isFollowed() {
            let arn: String?
            do {
                arn = try await dynamoDB.describeTable(table).LatestStreamArn
            } catch {
                logger.warning("cannot describe \(table) for its stream; polling", metadata: ["error": "\(error)"])
                arn = nil
            }
            if let arn {
                do {
                    try await StreamFollower(table: table, arn: arn, feed: self, isFollowed: isFollowed, onChange: onChange).run()
                    continue
                } catch is CancellationError {
                    return
                } catch {
                    // The stream is gone or unreadable: whatever happened meanwhile is unknown.
                    logger.warning("stream of \(table) unreadable; polling until it is back", metadata: ["error": "\(error)"])
                    onChange(DesiredStateChange(detail: "\(table): stream lost (\(Self.code(error))), re-reading"))
                }
            }
            // No stream (or a lost one): poll until the next look at the table.
            let deadline = ContinuousClock.now + timing.redescribeInterval
            repeat {
                do { try await Task.sleep(for: timing.pollInterval) } catch { return }
                onChange(DesiredStateChange(detail: "\(table): poll"))
            } while ContinuousClock.now < deadline
        }
    }

    static func code(_ error: any Error) -> String {
        (error as? AWSError)?.code.rawValue ?? "\(error)"
    }

    /// The records that change desired state: not those of Steward's own items in the
    /// environments table (`ReservedEnvironmentKey`), which the leader writes after its passes.
    static func desiredStateRecords(_ records: [DynamoDBStreamRecord]) -> [DynamoDBStreamRecord] {
        records.filter { !ReservedEnvironmentKey.isReserved($0.dynamodb?.Keys?["environment"]?.stringValue) }
    }

    /// Which environment a record is about: its key's `environment`.
    static func environment(of record: DynamoDBStreamRecord) -> EnvironmentName? {
        guard let text = record.dynamodb?.Keys?["environment"]?.stringValue else { return nil }
        return try? EnvironmentName(text)
    }
}
