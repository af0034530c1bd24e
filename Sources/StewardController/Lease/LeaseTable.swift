import Foundation
import StewardAWS
import StewardCore

/// The lease item in DynamoDB, keyed by `lease_name` (S): `holder` (S, absent once released),
/// `epoch` (N), `revision` (S), and for people reading the table `lease_duration_ms` (N) and
/// `updated_at` (N, Unix seconds of the writer's wall clock — never used to decide anything).
/// Every write is conditional; a failed condition is reported as `false`, not thrown.
public struct LeaseTable: Sendable {
    public let dynamoDB: DynamoDBClient
    public let table: String
    public let leaseName: String
    public let timing: LeaseTiming

    public init(dynamoDB: DynamoDBClient, table: String, leaseName: String, timing: LeaseTiming) {
        self.dynamoDB = dynamoDB
        self.table = table
        self.leaseName = leaseName
        self.timing = timing
    }

    private var key: DynamoDBItem { ["lease_name": .s(leaseName)] }

    /// A strongly consistent read: an eventually consistent one could show an old revision
    /// and make a standby's wait start late (safe) or miss a release (slow).
    public func read() async throws -> LeaseRecord? {
        guard let item = try await dynamoDB.getItem(table: table, key: key, consistentRead: true) else { return nil }
        guard let epoch = item["epoch"]?.intValue, let revision = item["revision"]?.stringValue else {
            throw LeaseError.malformedItem(table: table, leaseName: leaseName, problem: "'epoch' (N) or 'revision' (S) missing")
        }
        return LeaseRecord(holder: item["holder"]?.stringValue, epoch: epoch, revision: revision)
    }

    /// Writes `record` if the item is absent or still at `expecting`'s revision.
    public func acquire(_ record: LeaseRecord, expecting: LeaseRecord?) async throws -> Bool {
        let condition = expecting.map {
            DynamoDBExpression("#revision = :expected_revision", names: ["#revision": "revision"], values: [":expected_revision": .s($0.revision)])
        } ?? DynamoDBExpression("attribute_not_exists(#name)", names: ["#name": "lease_name"])
        return try await put(record, condition: condition)
    }

    /// Writes `record` (a renewal or a release) if `expecting`'s holder and epoch still hold the item.
    public func overwrite(_ record: LeaseRecord, expecting: LeaseRecord) async throws -> Bool {
        try await put(record, condition: DynamoDBExpression(
            "#holder = :expected_holder AND #epoch = :expected_epoch", names: ["#holder": "holder", "#epoch": "epoch"],
            values: [":expected_holder": .s(expecting.holder ?? ""), ":expected_epoch": .number(expecting.epoch)]))
    }

    private func put(_ record: LeaseRecord, condition: DynamoDBExpression) async throws -> Bool {
        var item = key
        item["epoch"] = .number(record.epoch)
        item["revision"] = .s(record.revision)
        item["lease_duration_ms"] = .n(String(timing.leaseDuration.milliseconds))
        item["updated_at"] = .number(Int(Date().timeIntervalSince1970))
        if let holder = record.holder { item["holder"] = .s(holder) }
        do {
            try await dynamoDB.putItem(table: table, item: item, condition: condition)
            return true
        } catch let error as AWSError where error.code == .conditionalCheckFailed {
            return false
        }
    }
}

extension LeaseTable {
    /// A transaction action that holds only while `holder` has the lease at `epoch`: what
    /// makes a leader's bookkeeping write fail for a replica that lost the lease unawares.
    public func heldCheck(holder: String, epoch: Int) -> DynamoDBTransactItem {
        .conditionCheck(table: table, key: ["lease_name": .s(leaseName)], condition: DynamoDBExpression(
            "#holder = :holder AND #epoch = :epoch", names: ["#holder": "holder", "#epoch": "epoch"],
            values: [":holder": .s(holder), ":epoch": .number(epoch)]))
    }
}
