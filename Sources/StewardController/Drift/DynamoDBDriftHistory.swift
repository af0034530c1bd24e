import Foundation
import StewardAWS
import StewardCore
import StewardStore

/// The findings history in the DynamoDB environments table, under Steward's reserved key
/// (`ReservedEnvironmentKey.driftHistory`), for a daemon whose local disk is not kept: compact
/// JSON in a binary `data` attribute, split into parts of `partBytes` so no item nears
/// DynamoDB's 400 KB limit, the first item carrying the `version` and the number of `parts`.
///
/// Every update is one `TransactWriteItems`: the first item's put is conditioned on the version
/// read (or on its absence), so two writers never lose each other's update; the loser re-reads
/// and folds again. With `leaderGuard` (the daemon's passes under `ha`) the transaction also
/// checks that this replica still leads at its epoch, so a leader paused past its lease
/// writes nothing over its successor's history.
public struct DynamoDBDriftHistory: DriftHistoryStore {
    public let table: String
    let dynamoDB: DynamoDBClient
    let leaderGuard: LeaseEpochGuard?
    /// Bytes of JSON per item: under 400 KB with the key and attribute names beside it.
    public static let partBytes = 350_000
    /// Parts at most: a transaction carries 4 MB and 100 actions, and a pass should not read more.
    public static let maximumParts = 10
    public static let maximumAttempts = 8

    public init(table: String, client: AWSClient, leaderGuard: LeaseEpochGuard? = nil) {
        self.table = table
        self.dynamoDB = DynamoDBClient(client: client)
        self.leaderGuard = leaderGuard
    }

    public var location: String { "DynamoDB table \(table) (item \(ReservedEnvironmentKey.driftHistory))" }

    public func load() async throws(DriftHistoryError) -> DriftHistory {
        try await read().history
    }

    public func modify<T: Sendable>(_ change: @Sendable (inout DriftHistory) throws(DriftHistoryError) -> T) async throws(DriftHistoryError) -> T {
        for attempt in 0..<Self.maximumAttempts {
            if attempt > 0 {
                // Writers that collided re-read at once and would collide again: spread them.
                try? await Task.sleep(for: .milliseconds(Int.random(in: 10...60) * attempt))
            }
            let stored = try await read()
            var history = stored.history
            let result = try change(&history)
            // Most alert marks change nothing: no write, no write capacity spent.
            if history == stored.history, stored.version > 0 { return result }
            let writes = try self.writes(history, replacing: stored)
            if let leaderGuard {
                let outcome: LeaseEpochGuard.Outcome
                do { outcome = try await leaderGuard.commitReporting(writes) } catch {
                    throw .storeUnavailable(location: location, operation: "written", reason: "\(error)")
                }
                switch outcome {
                case .committed: return result
                case .notLeading(let epoch): throw .notLeading(location: location, epoch: epoch)
                case .conflicted: continue
                }
            }
            do {
                try await dynamoDB.transactWriteItems(writes)
                return result
            } catch let error as AWSError where error.code == .transactionCanceled {
                continue
            } catch {
                throw .storeUnavailable(location: location, operation: "written", reason: "\(error)")
            }
        }
        throw .conflicted(location: location, attempts: Self.maximumAttempts)
    }

    // MARK: - Items

    struct Stored {
        var history: DriftHistory
        /// 0 when no history was written yet.
        var version: Int
        var parts: Int
    }

    static func key(part: Int) -> DynamoDBItem {
        [EnvironmentItemCodec.environment: .s(part == 0 ? ReservedEnvironmentKey.driftHistory : "\(ReservedEnvironmentKey.driftHistory)/part-\(part)")]
    }

    /// The parts are read one GetItem each; a writer's transaction may land between two of
    /// them, which the parts' versions show, and then the read starts again.
    func read() async throws(DriftHistoryError) -> Stored {
        for _ in 0..<Self.maximumAttempts {
            guard let head = try await item(part: 0) else { return Stored(history: DriftHistory(), version: 0, parts: 0) }
            guard let version = head["version"]?.intValue, let parts = head["parts"]?.intValue, (1...Self.maximumParts).contains(parts),
                  case .b(var data) = head["data"] else {
                throw .unreadable(path: location, reason: "its first item lacks version (N), parts (N, 1 to \(Self.maximumParts)) or data (B)")
            }
            var torn = false
            for part in 1..<parts {
                guard let item = try await item(part: part), item["version"]?.intValue == version, case .b(let more) = item["data"] else {
                    torn = true
                    break
                }
                data.append(more)
            }
            if torn { continue }
            do {
                return Stored(history: try DriftReportJSON.decoder.decode(DriftHistory.self, from: data), version: version, parts: parts)
            } catch {
                throw .unreadable(path: location, reason: "\(error)")
            }
        }
        throw .conflicted(location: location, attempts: Self.maximumAttempts)
    }

    private func item(part: Int) async throws(DriftHistoryError) -> DynamoDBItem? {
        do {
            return try await dynamoDB.getItem(table: table, key: Self.key(part: part), consistentRead: true)
        } catch {
            throw .storeUnavailable(location: location, operation: "read", reason: "\(error)")
        }
    }

    /// The puts (and deletes of parts no longer needed) that replace `stored` with `history`.
    func writes(_ history: DriftHistory, replacing stored: Stored) throws(DriftHistoryError) -> [DynamoDBTransactItem] {
        let data = try Self.encode(history, location: location)
        let parts = Swift.max(1, (data.count + Self.partBytes - 1) / Self.partBytes)
        let version = stored.version + 1
        let condition = stored.version == 0
            ? DynamoDBExpression("attribute_not_exists(#environment)", names: ["#environment": EnvironmentItemCodec.environment])
            : DynamoDBExpression("#version = :version", names: ["#version": "version"], values: [":version": .number(stored.version)])
        var writes: [DynamoDBTransactItem] = []
        for part in 0..<parts {
            let start = part * Self.partBytes
            var item = Self.key(part: part)
            item["version"] = .number(version)
            item["data"] = .b(data.subdata(in: start..<Swift.min(data.count, start + Self.partBytes)))
            if part == 0 {
                item["parts"] = .number(parts)
                item["schema"] = .s(history.schema)
                item["updated_at"] = .s(Timestamp.text(Date()))
            }
            writes.append(.put(table: table, item: item, condition: part == 0 ? condition : nil))
        }
        for stale in parts..<Swift.max(parts, stored.parts) {
            writes.append(.delete(table: table, key: Self.key(part: stale)))
        }
        return writes
    }

    /// Compact JSON; when over what the parts hold, without the resolved findings (each was
    /// reported resolved once already, and the next report forgets them anyway).
    static func encode(_ history: DriftHistory, location: String) throws(DriftHistoryError) -> Data {
        let limit = partBytes * maximumParts
        let encoder = DriftReportJSON.encoder
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(history)
            if data.count <= limit { return data }
            var trimmed = history
            trimmed.findings = trimmed.findings.filter { $0.value.resolvedAt == nil }
            let smaller = try encoder.encode(trimmed)
            if smaller.count <= limit { return smaller }
            throw DriftHistoryError.tooLarge(location: location, bytes: smaller.count, limit: limit)
        } catch let error as DriftHistoryError {
            throw error
        } catch {
            throw .unwritable(path: location, reason: "\(error)")
        }
    }
}
