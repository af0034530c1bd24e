import Foundation

/// A check an edit must pass before it is written, beyond the pure rules of
/// `DesiredState.applying`: e.g. that AWS can hold the result (rule quotas). Returns why the
/// edit is refused, or nil.
public protocol DesiredStateEditGuard: Sendable {
    func refusal(for edit: DesiredStateEdit, proposed: DesiredState, now: Date) async -> String?
}
