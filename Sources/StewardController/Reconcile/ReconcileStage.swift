import StewardCore

/// One part of a reconcile (whitelist rules, prefix lists, tiers, bastions), shaped like every
/// other part: observe (AWS → a value snapshot) → plan (Core's pure planner and guards) →
/// execute (the plan → AWS → results). Nothing executes while planning, so `plan` and `apply`
/// go through the same steps and `apply` sends exactly what it showed.
public protocol ReconcileStage: Sendable {
    associatedtype Observation: Sendable
    associatedtype Plan: Sendable

    /// Reads what this stage's plans need. What can't be read comes back as problems; the
    /// environments concerned then plan nothing.
    func observe(_ pass: ReconcilePass) async -> StageObservation<Observation>

    /// Pure: plans every environment of the pass and applies the guards.
    func plan(_ pass: ReconcilePass, observation: Observation) -> StagePlan<Observation, Plan>

    /// Sends what the plan says and reports what AWS answered.
    func execute(_ plan: StagePlan<Observation, Plan>, pass: ReconcilePass) async -> StageExecution<Plan>
}

extension ReconcileStage {
    /// Observe, then plan; an observation that failed as a whole plans nothing.
    public func observeAndPlan(_ pass: ReconcilePass) async -> StagePlan<Observation, Plan> {
        switch await observe(pass) {
        case .observed(let observation, let problems):
            var plan = self.plan(pass, observation: observation)
            plan.problems = problems + plan.problems
            return plan
        case .failed(let problem):
            return StagePlan(problems: [problem], failed: true)
        }
    }
}

/// What a stage read: a snapshot (with what it had to leave out), or nothing at all.
public enum StageObservation<Observation: Sendable>: Sendable {
    case observed(Observation, problems: [ObservationProblem] = [])
    case failed(ObservationProblem)
}
