/// The JSON shape of a tier plan for `steward plan --format json`.
public struct TierPlanDocument: Encodable, Sendable {
    public struct Step: Encodable, Sendable {
        var action: String
        var resource: String
        var summary: String
        var reason: String
    }

    public struct Note: Encodable, Sendable {
        var kind: String
        var resource: String
        var message: String
    }

    var environment: String
    var tier: String
    var phase: Int
    var steps: [Step]
    var notes: [Note]
    var drift: [DriftItem]
    var refusals: [String]

    public init(_ plan: TierPlan, phase: Int) {
        environment = plan.environment.rawValue
        tier = plan.tier.rawValue
        self.phase = phase
        steps = plan.steps.map { Step(action: $0.action.kind.rawValue, resource: $0.action.resource.name, summary: $0.action.summary, reason: $0.reason) }
        notes = plan.notes.map { Note(kind: $0.kind.rawValue, resource: $0.resource, message: $0.message) }
        drift = plan.drift
        refusals = plan.refusals.map(\.description)
    }

    /// Per environment, phases numbered from 1 in order.
    public static func documents(_ plans: [TierPlan]) -> [TierPlanDocument] {
        var phase: [EnvironmentName: Int] = [:]
        return plans.map { plan in
            phase[plan.environment, default: 0] += 1
            return TierPlanDocument(plan, phase: phase[plan.environment] ?? 1)
        }.sorted { ($0.environment, $0.phase) < ($1.environment, $1.phase) }
    }
}
