import Foundation
import Logging
import StewardAWS
import StewardController
import StewardCore
import StewardSlack

/// Pending Slack follow-ups with `ha`, kept as items of the lease table beside the lease item:
/// `lease_name` = `<lease_name>/follow-up/<envelope id>` (S), `record` = `follow-up`,
/// `environment`, `response_url`, `command`, `replica` (S), `edited_at` (N, ms), `progress_posted`
/// (BOOL), `applied` (L of S) and `expires_at` (N, Unix seconds, for the table's TTL: Slack
/// honours a `response_url` for 30 minutes). Any replica writes one; the leader settles them
/// through the epoch guard, so a replica that lost the lease can't claim (and post) any.
struct LeaseTableFollowUpLedger: SharedFollowUpLedger {
    let table: LeaseTable
    let epochGuard: LeaseEpochGuard
    let logger: Logger

    init(table: LeaseTable, epochGuard: LeaseEpochGuard, logger: Logger = Logger(label: "steward.slack")) {
        self.table = table
        self.epochGuard = epochGuard
        self.logger = logger
    }

    var prefix: String { "\(table.leaseName)/follow-up/" }

    func record(_ followUp: PendingFollowUp) async throws {
        try await table.dynamoDB.putItem(table: table.table, item: item(followUp))
    }

    func pending() async throws -> [PendingFollowUp] {
        // The lease table holds a lease item per lease_name and these: a scan stays small.
        let items = try await table.dynamoDB.scan(table: table.table, filter: DynamoDBExpression(
            "begins_with(#name, :prefix)", names: ["#name": "lease_name"], values: [":prefix": .s(prefix)]), consistentRead: true)
        return items.compactMap { item in
            guard let followUp = followUp(item) else {
                logger.warning("a follow-up item in the lease table is unreadable and is left alone",
                               metadata: ["table": "\(table.table)", "key": "\(item["lease_name"]?.stringValue ?? "?")"])
                return nil
            }
            return followUp
        }
    }

    func settle(removing: [PendingFollowUp], rewriting: [PendingFollowUp]) async throws -> Set<String> {
        let writes: [(id: String, write: DynamoDBTransactItem)] =
            removing.map { ($0.id, .delete(table: table.table, key: key($0.id))) }
            + rewriting.map { ($0.id, .put(table: table.table, item: item($0))) }
        var committed: Set<String> = []
        // 99 writes and the lease check: TransactWriteItems takes 100 actions at most.
        for start in stride(from: 0, to: writes.count, by: 99) {
            let chunk = writes[start..<min(start + 99, writes.count)]
            guard try await epochGuard.commit(chunk.map(\.write)) else { break }
            committed.formUnion(chunk.map(\.id))
        }
        return committed
    }

    private func key(_ id: String) -> DynamoDBItem {
        ["lease_name": .s(prefix + id)]
    }

    private func item(_ followUp: PendingFollowUp) -> DynamoDBItem {
        var item = key(followUp.id)
        item["record"] = .s("follow-up")
        item["environment"] = .s(followUp.environment.rawValue)
        item["response_url"] = .s(followUp.responseURL)
        item["command"] = .s(followUp.command)
        item["replica"] = .s(followUp.replica)
        item["edited_at"] = .number(Int((followUp.editedAt.timeIntervalSince1970 * 1000).rounded()))
        item["progress_posted"] = .bool(followUp.progressPosted)
        item["applied"] = .l(followUp.appliedSoFar.map { .s($0) })
        // A minute past the response_url's life, so TTL never removes one the leader could still answer.
        item["expires_at"] = .number(Int(followUp.editedAt.timeIntervalSince1970 + FollowUpTracker.responseURLLifetime) + 60)
        return item
    }

    private func followUp(_ item: DynamoDBItem) -> PendingFollowUp? {
        guard let name = item["lease_name"]?.stringValue, name.hasPrefix(prefix),
              let environment = item["environment"]?.stringValue.flatMap({ try? EnvironmentName($0) }),
              let url = item["response_url"]?.stringValue, let command = item["command"]?.stringValue,
              let replica = item["replica"]?.stringValue, let editedAt = item["edited_at"]?.intValue else { return nil }
        var progressPosted = false
        if case .bool(let posted) = item["progress_posted"] { progressPosted = posted }
        var applied: [String] = []
        if case .l(let values) = item["applied"] { applied = values.compactMap(\.stringValue) }
        return PendingFollowUp(id: String(name.dropFirst(prefix.count)), environment: environment, responseURL: url, command: command,
                               editedAt: Date(timeIntervalSince1970: Double(editedAt) / 1000), replica: replica,
                               progressPosted: progressPosted, appliedSoFar: applied)
    }
}
