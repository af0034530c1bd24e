import Foundation
import StewardCore

extension DesiredStateLayering {
    /// The rows of one DynamoDB read that the rest of desired state doesn't back, pure:
    ///
    /// | row                                                        | discrepancy                        |
    /// |------------------------------------------------------------|------------------------------------|
    /// | whitelist row or environment item, environment not defined | unknown environment (every row)    |
    /// | whitelist row, network in the YAML with another description | conflict (the YAML governs)       |
    /// |   or expiry                                                 |                                   |
    /// | whitelist row, network in the YAML with the same values     | nothing (said twice, no conflict) |
    /// | environment item's tier or lease differing from the YAML    | nothing: that is the override the |
    /// |                                                             | environments table exists for     |
    ///
    /// - Parameters:
    ///   - defined: the environments YAML files (valid or not) and steward.yaml's `environments:`
    ///     define; nil when nothing but DynamoDB defines environments (no YAML layer, no
    ///     configured list), so no row can name an unknown one.
    ///   - reviewed: each environment's valid YAML, by name.
    ///   - reviewedPath: where an environment's YAML lives, for the message.
    static func discrepancies(read: DynamoDBDesiredStateRead, defined: Set<EnvironmentName>?, reviewed: [EnvironmentName: DesiredState],
                              reviewedPath: (EnvironmentName) -> String?) -> [DesiredStateDiscrepancy] {
        var found: [DesiredStateDiscrepancy] = []
        for environment in read.environments.sorted() {
            let rows = read.whitelist[environment] ?? []
            if let defined, !defined.contains(environment) {
                let labels = rows.map(\.label) + [read.environmentItems[environment]?.label].compactMap { $0 }
                for label in labels {
                    found.append(DesiredStateDiscrepancy(kind: .unknownEnvironment, environment: environment, row: label, message:
                        "names environment \(environment), which no desired-state file (\(reviewedPath(environment) ?? "\(environment).yaml")) "
                            + "or steward.yaml environments entry defines; Steward treats it as an environment of its own — "
                            + "add the file if \(environment) is meant, or delete the row if the name is a typo"))
                }
                continue
            }
            guard let yaml = reviewed[environment] else { continue }
            let entries = Dictionary(yaml.whitelist.map { ($0.cidr, $0) }, uniquingKeysWith: { first, _ in first })
            let path = reviewedPath(environment) ?? "the YAML"
            for row in rows {
                guard let entry = entries[row.entry.cidr], let difference = difference(yaml: entry, row: row.entry) else { continue }
                found.append(DesiredStateDiscrepancy(kind: .conflict, environment: environment, row: row.label, other: path, message:
                    "\(row.entry.cidr) is defined both in \(path) and in \(row.label), differently (\(difference)); "
                        + "the YAML entry governs and the row is ignored — delete the row, or change the entry in a reviewed change"))
            }
        }
        return found
    }

    /// What a row says differently from the YAML entry for the same network, in words; nil
    /// when they agree on what access is granted (who added it, and when, may differ).
    static func difference(yaml: WhitelistEntry, row: WhitelistEntry) -> String? {
        var parts: [String] = []
        if yaml.description != row.description {
            parts.append("description \"\(yaml.description)\" in the YAML, \"\(row.description)\" in the row")
        }
        if yaml.expiresAt != row.expiresAt {
            func text(_ date: Date?) -> String { date.map(Timestamp.text) ?? "never" }
            parts.append("expires \(text(yaml.expiresAt)) in the YAML, \(text(row.expiresAt)) in the row")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
