import Foundation
import StewardAWS
import StewardCore

/// The seed's whitelist item, unchanged: hash key `ip_address` (S), range key `environment`
/// (S), `description`, `added_by`, `added_at` and `expires_at` (N, Unix seconds). Steward adds
/// `version`, `source`, `updated_at` and `edit_id` when it writes, and needs none of them to read.
public enum WhitelistItemCodec {
    public static let ipAddress = "ip_address"
    public static let environment = "environment"
    public static let version = "version"

    /// Validates one row as strictly as a YAML entry; a row that fails is reported with its
    /// table and key and granted nothing, without affecting the other rows.
    public static func decode(_ item: DynamoDBItem, table: String, policy: Policy, now: Date) -> WhitelistItemDecoding {
        let keyText = item[ipAddress]?.stringValue
        let environmentText = item[environment]?.stringValue
        let label = DynamoDBItemLabel.whitelist(table: table, ipAddress: keyText, environment: environmentText)
        var diagnostics: [Diagnostic] = []
        func report(_ message: String) { diagnostics.append(Diagnostic(.error, path: label, message: message)) }

        var environmentName: EnvironmentName?
        if let environmentText {
            do { environmentName = try EnvironmentName(environmentText) } catch { report("'environment': \(error.description)") }
        } else {
            report("'environment' (S) is missing; every row names its environment")
        }
        var cidr: CIDR?
        if let keyText {
            do {
                let parsed = try CIDR(keyText)
                cidr = parsed
                if !keyText.utf8.contains(UInt8(ascii: "/")) {
                    diagnostics.append(Diagnostic(.warning, path: label, message:
                        "'ip_address' \(keyText) has no prefix length; read as \(parsed) (write it as \(parsed) to say so)"))
                }
                if let violation = policy.violation(for: parsed) { report(violation) }
            } catch {
                report("'ip_address': \(error.description)")
            }
        } else {
            report("'ip_address' (S) is missing")
        }
        let description = requiredString("description", in: item, report: report)
        if let description, let violation = policy.violation(forDescription: description) { report(violation) }
        let addedBy = requiredString("added_by", in: item, report: report)
        if addedBy?.isEmpty == true { report("'added_by' is empty; say who added the entry") }
        let addedAt = time("added_at", in: item, required: true, report: report)
        var expiresAt: Date?
        var expiryReadable = true
        if item["expires_at"] != nil {
            expiresAt = time("expires_at", in: item, required: true, report: report)
            expiryReadable = expiresAt != nil
        }
        if let addedAt, expiryReadable, let violation = policy.violation(forExpiry: expiresAt, from: addedAt) { report(violation) }
        var version: Int?
        if let value = item[Self.version] {
            version = value.intValue
            if version == nil { report("'version' must be a whole number (N)") }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }),
              let environmentName, let cidr, let description, let addedBy, let addedAt, let keyText, expiryReadable else {
            return WhitelistItemDecoding(record: nil, diagnostics: diagnostics)
        }
        let entry = WhitelistEntry(cidr: cidr, description: description, addedBy: addedBy, addedAt: addedAt, expiresAt: expiresAt)
        if !entry.isActive(at: now), let expiresAt {
            diagnostics.append(Diagnostic(.warning, path: label, message:
                "\(cidr) (\(description)) expired at \(Timestamp.text(expiresAt)); it is no longer granted — "
                + "delete the item, or renew it with `/whitelist add \(cidr)`"))
        }
        let record = WhitelistItemRecord(ipAddress: keyText, environment: environmentName, entry: entry, version: version,
                                         editID: item["edit_id"]?.stringValue, label: label)
        return WhitelistItemDecoding(record: record, diagnostics: diagnostics)
    }

    /// The item Steward writes for an entry: the seed's attributes plus its own bookkeeping.
    public static func encode(_ entry: WhitelistEntry, ipAddress: String, environment: EnvironmentName, version: Int,
                              source: String?, updatedAt: Date, editID: String?) -> DynamoDBItem {
        var item: DynamoDBItem = [
            Self.ipAddress: .s(ipAddress),
            Self.environment: .s(environment.rawValue),
            "description": .s(entry.description),
            "added_by": .s(entry.addedBy),
            "added_at": unixSeconds(entry.addedAt),
            Self.version: .number(version),
            "updated_at": unixSeconds(updatedAt),
        ]
        if let expiresAt = entry.expiresAt { item["expires_at"] = unixSeconds(expiresAt) }
        if let source { item["source"] = .s(source) }
        if let editID { item["edit_id"] = .s(editID) }
        return item
    }

    public static func key(ipAddress: String, environment: EnvironmentName) -> DynamoDBItem {
        [Self.ipAddress: .s(ipAddress), Self.environment: .s(environment.rawValue)]
    }

    static func unixSeconds(_ date: Date) -> DynamoDBAttributeValue {
        .n(String(Int64(date.timeIntervalSince1970.rounded(.down))))
    }

    static func requiredString(_ name: String, in item: DynamoDBItem, report: (String) -> Void) -> String? {
        switch item[name] {
        case .s(let text)?: return text
        case nil: report("'\(name)' (S) is missing"); return nil
        case .some: report("'\(name)' must be a string (S)"); return nil
        }
    }

    /// Unix seconds in an N attribute; fractions are accepted (and dropped), as TTL does.
    static func time(_ name: String, in item: DynamoDBItem, required: Bool, report: (String) -> Void) -> Date? {
        switch item[name] {
        case .n(let text)?:
            if let seconds = Int64(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
            if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds.rounded(.down)) }
            report("'\(name)' is '\(text)'; expected Unix seconds (N)")
            return nil
        case nil:
            if required { report("'\(name)' (N, Unix seconds) is missing") }
            return nil
        case .some:
            report("'\(name)' must be a number of Unix seconds (N)")
            return nil
        }
    }
}
