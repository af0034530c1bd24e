import Foundation
import StewardAWS
import StewardCore

/// One stream's shards, read until the stream fails or its table is no longer followed.
/// Throws when the stream itself can't be described or read (missing, denied): the feed then polls.
struct StreamFollower {
    let table: String
    let arn: String
    let feed: DynamoDBStreamChangeFeed
    let isFollowed: @Sendable () -> Bool
    let onChange: @Sendable (DesiredStateChange) -> Void

    /// A shard being read, and the position to resume it from.
    private struct Reading {
        var iterator: String?
        var lastSequenceNumber: String?
    }

    func run() async throws {
        var reading: [String: Reading] = [:]
        var closed: Set<String> = []
        var isFirst = true
        var nextDescribe = ContinuousClock.now
        while true {
            try Task.checkCancellation()
            if ContinuousClock.now >= nextDescribe {
                guard isFollowed() else { return }
                try await discover(&reading, closed: closed, fromLatest: isFirst)
                isFirst = false
                nextDescribe = ContinuousClock.now + feed.timing.redescribeInterval
            }
            var sawRecords = false
            for shardID in reading.keys.sorted() {
                guard let iterator = reading[shardID]?.iterator else { continue }
                do {
                    let batch = try await feed.streams.getRecords(iterator: iterator)
                    let all = batch.Records ?? []
                    if let sequence = all.last?.dynamodb?.SequenceNumber { reading[shardID]?.lastSequenceNumber = sequence }
                    if !all.isEmpty { sawRecords = true }
                    let records = DynamoDBStreamChangeFeed.desiredStateRecords(all)
                    if !records.isEmpty {
                        let environments = Array(Set(records.compactMap(DynamoDBStreamChangeFeed.environment(of:)))).sorted()
                        onChange(DesiredStateChange(environments: environments, detail: "\(table): \(records.count) stream record(s)"))
                    }
                    if let next = batch.NextShardIterator {
                        reading[shardID]?.iterator = next
                    } else {
                        // Closed (split or rotated): its children carry on from their start.
                        reading[shardID] = nil
                        closed.insert(shardID)
                        nextDescribe = .now
                    }
                } catch let error as AWSError where error.code == .expiredIterator || error.code == .trimmedDataAccess {
                    // Records may have been missed: wake for a full read, then go on from
                    // after the last record seen (or the oldest still kept).
                    onChange(DesiredStateChange(detail: "\(table): \(error.code) on \(shardID), re-reading"))
                    let last = error.code == .expiredIterator ? reading[shardID]?.lastSequenceNumber : nil
                    reading[shardID]?.iterator = try await feed.streams.getShardIterator(
                        streamARN: arn, shardID: shardID, type: last == nil ? "TRIM_HORIZON" : "AFTER_SEQUENCE_NUMBER", sequenceNumber: last)
                }
            }
            if !sawRecords { try await Task.sleep(for: feed.timing.recordPoll) }
        }
    }

    /// Starts reading shards not seen before: at LATEST on the first look (the start-up
    /// reconcile covers the past), at TRIM_HORIZON for shards that appeared since (children
    /// of a closed shard hold what came after it).
    private func discover(_ reading: inout [String: Reading], closed: Set<String>, fromLatest: Bool) async throws {
        let description = try await feed.streams.describeStream(arn: arn)
        guard description.StreamStatus != "DISABLED" else {
            throw AWSClientError(.malformedResponse, operation: "dynamodbstreams:DescribeStream", message: "the stream of \(table) is disabled")
        }
        for shard in description.Shards ?? [] where reading[shard.ShardId] == nil && !closed.contains(shard.ShardId) {
            let isOpen = shard.SequenceNumberRange?.EndingSequenceNumber == nil
            if fromLatest, !isOpen { continue }
            if fromLatest {
                reading[shard.ShardId] = Reading(iterator: try await feed.streams.getShardIterator(streamARN: arn, shardID: shard.ShardId, type: "LATEST"))
            } else {
                reading[shard.ShardId] = Reading(iterator: try await feed.streams.getShardIterator(streamARN: arn, shardID: shard.ShardId, type: "TRIM_HORIZON"))
            }
        }
    }
}
