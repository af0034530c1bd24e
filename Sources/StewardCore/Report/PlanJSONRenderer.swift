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
        /// Every drift item of the pass, of every part, most severe first.
        var drift: [DriftItem]
        var refusals: [Refusal]
        /// Tier and bastion values set outside git review, by environment; absent when none.
        var overrides: [String: String]?
    }

    struct Summary: Encodable {
        var authorize: Int
        var update: Int
        var revoke: Int
    }

    /// The whole pass: every part's plan, its drift and what the guards refused.
    public static func render(_ report: ReconcileReport) throws -> String {
        try render(report.plans, prefixListPlans: report.prefixListPlans, tierPlans: report.tierPlans, bastionPlans: report.bastionPlans,
                   drift: report.drift, refusals: report.refusals, overrides: report.overrides)
    }

    public static func render(
        _ plans: [WhitelistPlan], prefixListPlans: [PrefixListPlan] = [], tierPlans: [TierPlan] = [], bastionPlans: [BastionPlan] = [],
        drift: [DriftItem]? = nil, refusals: [Refusal] = [], overrides: [EnvironmentName: String] = [:]
    ) throws -> String {
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
            bastions: bastionPlans.sorted { $0.environment < $1.environment },
            drift: drift ?? Array(Set(plans.flatMap(\.drift) + prefixListPlans.flatMap(\.drift) + tierPlans.flatMap(\.drift) + bastionPlans.flatMap(\.drift))).sorted(),
            refusals: refusals.sorted(),
            overrides: overrides.isEmpty ? nil : Dictionary(uniqueKeysWithValues: overrides.map { ($0.key.rawValue, $0.value) })
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
