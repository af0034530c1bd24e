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
}
