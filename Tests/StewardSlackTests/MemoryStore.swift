import Foundation
import StewardCore

/// An in-memory `DesiredStateStore` for responder tests: the same edit rules as every store
/// (`DesiredState.applying`), and a count of writes to prove a denial changed nothing.
actor MemoryStore: DesiredStateStore {
    private(set) var states: [EnvironmentName: DesiredState]
    private(set) var writes = 0
    let policy: Policy

    init(_ states: [DesiredState], policy: Policy = .default) {
        self.states = Dictionary(uniqueKeysWithValues: states.map { ($0.environment, $0) })
        self.policy = policy
    }

    func load() async throws -> DesiredStateSnapshot {
        DesiredStateSnapshot(environments: states)
    }

    func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        guard let state = states[environment] else { throw DesiredStateEditError.unknownEnvironment(environment) }
        let next = try state.applying(edit, policy: policy, now: now)
        states[environment] = next
        writes += 1
        return next
    }

    func state(_ name: String) -> DesiredState? {
        states[try! EnvironmentName(name)]
    }
}
