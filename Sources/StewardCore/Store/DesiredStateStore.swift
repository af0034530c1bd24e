import Foundation

/// Where desired state lives. The YAML directory is the first implementation, DynamoDB the
/// next; the reconciler, the CLI and Slack only ever see this protocol.
public protocol DesiredStateStore: Sendable {
    /// Every environment, with per-environment failures instead of one all-or-nothing error:
    /// one broken file must not stop the others from converging.
    func load() async throws -> DesiredStateSnapshot

    /// Applies one edit atomically: concurrent edits from any number of writers are all kept,
    /// and a refused edit changes nothing. Returns the state as written.
    @discardableResult
    func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState

    /// `apply`, knowing where the edit came from. A store that keeps edit ids applies an edit
    /// whose `editID` it has already applied only once, returning the state as it is.
    @discardableResult
    func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
               context: DesiredStateEditContext) async throws -> DesiredState
}

extension DesiredStateStore {
    /// Stores that keep no edit ids (the YAML directory: git is its history) ignore the context.
    @discardableResult
    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
                      context: DesiredStateEditContext) async throws -> DesiredState {
        try await apply(edit, to: environment, actor: actor, now: now)
    }
}
