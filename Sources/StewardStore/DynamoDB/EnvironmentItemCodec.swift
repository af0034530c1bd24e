import Foundation
import StewardAWS
import StewardCore

/// The environments table's item, keyed by `environment` (S): `tier`, the bastion lease
/// (`bastion_requested_by`, `bastion_requested_at`, `bastion_expires_at`), `updated_by`,
/// `updated_at`, `version`; Steward also keeps `tier_set_by`/`tier_set_at` (who changed the
/// tier, for the override's provenance) and `edit_ids` (deliveries already applied).
public enum EnvironmentItemCodec {
    public static let environment = "environment"
    /// How many delivery ids an item remembers: a redelivery arrives within minutes, long
    /// before that many other edits reach the same environment.
    public static let rememberedEditIDs = 20

    /// The record, or the errors (naming table and key) that keep it from being used.
    public static func decode(_ item: DynamoDBItem, table: String) -> (record: EnvironmentItemRecord?, errors: [Diagnostic]) {
        let name = item[environment]?.stringValue
        let label = DynamoDBItemLabel.environment(table: table, environment: name)
        var errors: [String] = []
        func report(_ message: String) { errors.append(message) }
        var environmentName: EnvironmentName?
        if let name {
            do { environmentName = try EnvironmentName(name) } catch { report("'environment': \(error.description)") }
        } else {
            report("'environment' (S) is missing")
        }
        var tier: Tier?
        if let value = item["tier"] {
            if let text = value.stringValue, let parsed = Tier(rawValue: text) {
                tier = parsed
            } else {
                report("'tier' must be one of running, stopped, torn-down (S)")
            }
        }
        var bastion: BastionLease?
        if item["bastion_expires_at"] != nil || item["bastion_requested_by"] != nil {
            let requestedBy = WhitelistItemCodec.requiredString("bastion_requested_by", in: item, report: report)
            let requestedAt = WhitelistItemCodec.time("bastion_requested_at", in: item, required: false, report: report)
            let expiresAt = WhitelistItemCodec.time("bastion_expires_at", in: item, required: true, report: report)
            if let requestedBy, let expiresAt {
                if let requestedAt, expiresAt < requestedAt { report("bastion_expires_at is before bastion_requested_at") }
                bastion = BastionLease(requestedBy: requestedBy, requestedAt: requestedAt, expiresAt: expiresAt)
            }
        }
        var version: Int?
        if let value = item["version"] {
            version = value.intValue
            if version == nil { report("'version' must be a whole number (N)") }
        }
        var editIDs: [String] = []
        if case .l(let values)? = item["edit_ids"] { editIDs = values.compactMap(\.stringValue) }
        guard errors.isEmpty, let environmentName else {
            return (nil, errors.map { Diagnostic(.error, path: label, message: $0) })
        }
        return (EnvironmentItemRecord(
            environment: environmentName, tier: tier,
            tierSetBy: item["tier_set_by"]?.stringValue ?? item["updated_by"]?.stringValue,
            tierSetAt: WhitelistItemCodec.time("tier_set_at", in: item, required: false, report: { _ in })
                ?? WhitelistItemCodec.time("updated_at", in: item, required: false, report: { _ in }),
            bastion: bastion, updatedBy: item["updated_by"]?.stringValue,
            updatedAt: WhitelistItemCodec.time("updated_at", in: item, required: false, report: { _ in }),
            version: version, editIDs: editIDs, label: label), [])
    }

    public static func encode(_ record: EnvironmentItemRecord) -> DynamoDBItem {
        var item: DynamoDBItem = [environment: .s(record.environment.rawValue)]
        if let tier = record.tier { item["tier"] = .s(tier.rawValue) }
        if let tierSetBy = record.tierSetBy { item["tier_set_by"] = .s(tierSetBy) }
        if let tierSetAt = record.tierSetAt { item["tier_set_at"] = WhitelistItemCodec.unixSeconds(tierSetAt) }
        if let bastion = record.bastion {
            item["bastion_requested_by"] = .s(bastion.requestedBy)
            if let requestedAt = bastion.requestedAt { item["bastion_requested_at"] = WhitelistItemCodec.unixSeconds(requestedAt) }
            item["bastion_expires_at"] = WhitelistItemCodec.unixSeconds(bastion.expiresAt)
        }
        if let updatedBy = record.updatedBy { item["updated_by"] = .s(updatedBy) }
        if let updatedAt = record.updatedAt { item["updated_at"] = WhitelistItemCodec.unixSeconds(updatedAt) }
        if let version = record.version { item["version"] = .number(version) }
        if !record.editIDs.isEmpty { item["edit_ids"] = .l(record.editIDs.suffix(rememberedEditIDs).map { .s($0) }) }
        return item
    }
}
