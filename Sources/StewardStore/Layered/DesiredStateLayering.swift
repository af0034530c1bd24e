import Foundation
import StewardCore

/// The layering rules, pure: an environment's reviewed YAML, plus its DynamoDB whitelist rows,
/// plus its environment item's tier and bastion. YAML governs a network both define;
/// `protected` and `allow_teardown_until` only ever come from YAML.
enum DesiredStateLayering {
    struct Layer {
        var reviewed: DesiredState?
        /// Where `reviewed` came from, e.g. `desired-state/dev.yaml`.
        var reviewedPath: String?
        var rows: [WhitelistItemRecord]
        var environmentItem: EnvironmentItemRecord?
    }

    static func merge(_ environment: EnvironmentName, _ layer: Layer) -> (state: DesiredState, warnings: [Diagnostic]) {
        var state = layer.reviewed ?? DesiredState(environment: environment)
        var warnings: [Diagnostic] = []
        let reviewedNetworks = Set((layer.reviewed?.whitelist ?? []).map(\.cidr))
        var added: [CIDR: String] = [:]
        for row in layer.rows {
            let cidr = row.entry.cidr
            if reviewedNetworks.contains(cidr) {
                warnings.append(Diagnostic(.warning, path: row.label, message:
                    "\(cidr) is also defined in \(layer.reviewedPath ?? "YAML"); the reviewed entry governs and this row is ignored"))
            } else if let first = added[cidr] {
                warnings.append(Diagnostic(.warning, path: row.label, message:
                    "\(cidr) is already granted by \(first); this row is ignored — delete one of the two"))
            } else {
                added[cidr] = row.label
                state.whitelist.append(row.entry)
            }
        }
        if let item = layer.environmentItem {
            var overrides = DesiredStateOverrides(source: item.label)
            if let tier = item.tier, tier != state.tier {
                overrides.reviewedTier = state.tier
                overrides.tierSetBy = item.tierSetBy
                overrides.tierSetAt = item.tierSetAt
                state.tier = tier
            }
            if item.bastion != state.bastion {
                overrides.bastionOverridden = true
                overrides.bastionSetBy = item.bastion?.requestedBy ?? item.updatedBy
                overrides.bastionSetAt = item.bastion?.requestedAt ?? item.updatedAt
            }
            state.bastion = item.bastion
            if overrides.reviewedTier != nil || overrides.bastionOverridden { state.overrides = overrides }
        }
        return (state, warnings)
    }

    /// Which row (if any) holds a network of an environment.
    static func rows(for cidr: CIDR, in rows: [WhitelistItemRecord]) -> [WhitelistItemRecord] {
        rows.filter { $0.entry.cidr == cidr }
    }
}
