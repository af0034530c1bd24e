import Foundation
import StewardCore

/// Desired state held in memory: the reference store of the store contract, and a stand-in
/// for benchmarks. The same rules as every store (`DesiredState.applying`), and edit ids
/// remembered per environment so a redelivered edit is applied once.
public actor InMemoryDesiredStateStore: DesiredStateStore {
    private var states: [EnvironmentName: DesiredState]
    private var appliedEditIDs: [EnvironmentName: [String]] = [:]
    public let policy: Policy

    public init(_ states: [DesiredState], policy: Policy = .default) {
        self.states = Dictionary(states.map { ($0.environment, $0) }, uniquingKeysWith: { _, last in last })
        self.policy = policy
    }

    public func load() async throws -> DesiredStateSnapshot {
        DesiredStateSnapshot(environments: states)
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        try apply(edit, to: environment, now: now, editID: nil)
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
                      context: DesiredStateEditContext) async throws -> DesiredState {
        try apply(edit, to: environment, now: now, editID: context.editID)
    }

    private func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, now: Date, editID: String?) throws -> DesiredState {
        guard let state = states[environment] else { throw DesiredStateEditError.unknownEnvironment(environment) }
        if let editID, appliedEditIDs[environment]?.contains(editID) == true { return state }
        let next = try state.applying(edit, policy: policy, now: now).truncatedToWholeSeconds
        states[environment] = next
        if let editID { appliedEditIDs[environment, default: []].append(editID) }
        return next
    }
}
