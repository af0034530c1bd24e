/// What one environment's tier needs now: the actions of the current phase, in order, and
/// notes on what waits or can't be done.
public struct TierPlan: Sendable, Hashable {
    public var environment: EnvironmentName
    /// The tier being converged to (after guards: a refused teardown converges to stopped).
    public var tier: Tier
    public var steps: [TierStep]
    public var notes: [TierNote]
    public var drift: [DriftItem]
    /// Guards that held something back.
    public var refusals: [Refusal]

    public init(environment: EnvironmentName, tier: Tier, steps: [TierStep] = [], notes: [TierNote] = [], drift: [DriftItem] = [], refusals: [Refusal] = []) {
        self.environment = environment
        self.tier = tier
        self.steps = steps
        self.notes = notes
        self.drift = drift
        self.refusals = refusals
    }

    public var hasChanges: Bool { !steps.isEmpty }
    public var waits: [TierNote] { notes.filter { $0.kind == .wait } }
    public var warnings: [TierNote] { notes.filter { $0.kind == .warning } }
    /// Nothing to do and nothing to wait for.
    public var isConverged: Bool { steps.isEmpty && waits.isEmpty }
}
