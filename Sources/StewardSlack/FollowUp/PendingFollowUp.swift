import Foundation
import StewardCore

/// An accepted edit waiting for the reconcile that applies it.
public struct PendingFollowUp: Sendable, Hashable {
    /// The Socket Mode envelope id (else the trigger id): Slack redelivers an envelope under
    /// the same id, so however often it comes, and to whichever replica, it is one follow-up.
    public var id: String
    public var environment: EnvironmentName
    public var responseURL: String
    /// The command as typed, e.g. `/whitelist add 203.0.113.10 --env dev`.
    public var command: String
    /// On the clock of the replica that took the command.
    public var editedAt: Date
    /// The replica that took the command (`ha`); another replica's `editedAt` is on a clock
    /// the leader can't compare with its own.
    public var replica: String
    /// Set once an "in progress" reply went out; the final one follows when AWS is done.
    public var progressPosted = false
    /// What earlier passes applied, for the final reply after an "in progress" one.
    public var appliedSoFar: [String] = []

    public init(id: String, environment: EnvironmentName, responseURL: String, command: String, editedAt: Date, replica: String,
                progressPosted: Bool = false, appliedSoFar: [String] = []) {
        self.id = id
        self.environment = environment
        self.responseURL = responseURL
        self.command = command
        self.editedAt = editedAt
        self.replica = replica
        self.progressPosted = progressPosted
        self.appliedSoFar = appliedSoFar
    }
}
