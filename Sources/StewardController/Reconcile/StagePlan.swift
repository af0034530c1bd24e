import StewardCore

/// What a stage plans for one pass, after its guards, with the snapshot it planned from (a
/// tier transition continues from it without reading again).
public struct StagePlan<Observation: Sendable, Plan: Sendable>: Sendable {
    public var observation: Observation?
    public var plans: [Plan]
    /// What the guards held back, as refused results.
    public var held: [ActionResult]
    public var refusals: [Refusal]
    /// Drift no single plan carries (what Steward owns in environments desired state no longer has).
    public var orphans: [DriftItem]
    public var problems: [ObservationProblem]
    /// The observation failed as a whole: nothing was planned.
    public var failed: Bool

    public init(
        observation: Observation? = nil, plans: [Plan] = [], held: [ActionResult] = [], refusals: [Refusal] = [],
        orphans: [DriftItem] = [], problems: [ObservationProblem] = [], failed: Bool = false
    ) {
        self.observation = observation
        self.plans = plans
        self.held = held
        self.refusals = refusals
        self.orphans = orphans
        self.problems = problems
        self.failed = failed
    }

    /// One environment's plan, as its guards left it, with what they held and refused.
    mutating func append(_ plan: Plan, guarded verdict: GuardVerdict) {
        plans.append(plan)
        held += verdict.held
        refusals += verdict.refusals
    }
}

/// What executing a stage's plan did.
public struct StageExecution<Plan: Sendable>: Sendable {
    public var results: [ActionResult]
    /// The plans as they ended up, when execution changes them (a tier transition's rounds);
    /// nil keeps the plans as planned.
    public var plans: [Plan]?
    public var refusals: [Refusal]
    public var problems: [ObservationProblem]
    /// Environments still waiting on AWS (a database starting, a bastion pending).
    public var waiting: Set<EnvironmentName>

    public init(results: [ActionResult] = [], plans: [Plan]? = nil, refusals: [Refusal] = [], problems: [ObservationProblem] = [],
                waiting: Set<EnvironmentName> = []) {
        self.results = results
        self.plans = plans
        self.refusals = refusals
        self.problems = problems
        self.waiting = waiting
    }
}
