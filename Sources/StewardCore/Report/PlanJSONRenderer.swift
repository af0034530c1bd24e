import Foundation

/// Machine-readable plans for CI and scripts: the same content as the text, keys sorted so
/// the output is byte-stable.
public enum PlanJSONRenderer {
    struct Document: Encodable {
        var formatVersion = 1
        var changes: Bool
        var summary: Summary
        var environments: [WhitelistPlan]
        var prefixListEnvironments: [PrefixListPlan]
        var tiers: [TierPlanDocument]
        var bastions: [BastionPlan]
    }

    struct Summary: Encodable {
        var authorize: Int
        var update: Int
        var revoke: Int
    }

    public static func render(_ plans: [WhitelistPlan], prefixListPlans: [PrefixListPlan] = [], tierPlans: [TierPlan] = [], bastionPlans: [BastionPlan] = []) throws -> String {
        let sorted = plans.sorted { $0.environment < $1.environment }
        let document = Document(
            changes: sorted.contains { $0.hasChanges } || prefixListPlans.contains { $0.hasChanges } || tierPlans.contains { $0.hasChanges }
                || bastionPlans.contains { $0.hasChanges },
            summary: Summary(
                authorize: sorted.reduce(0) { $0 + $1.authorizeCount },
                update: sorted.reduce(0) { $0 + $1.updateCount },
                revoke: sorted.reduce(0) { $0 + $1.revokeCount }
            ),
            environments: sorted,
            prefixListEnvironments: prefixListPlans.sorted { $0.environment < $1.environment },
            tiers: TierPlanDocument.documents(tierPlans),
            bastions: bastionPlans.sorted { $0.environment < $1.environment }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        let data = try encoder.encode(document)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
