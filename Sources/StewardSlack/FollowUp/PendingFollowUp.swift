import Foundation
import StewardCore

/// An accepted edit waiting for the reconcile that applies it.
struct PendingFollowUp: Sendable {
    var environment: EnvironmentName
    var responseURL: String
    /// The command as typed, e.g. `/whitelist add 203.0.113.10 --env dev`.
    var command: String
    var editedAt: Date
    /// Set once an "in progress" reply went out; the final one follows when AWS is done.
    var progressPosted = false
    /// What earlier passes applied, for the final reply after an "in progress" one.
    var appliedSoFar: [String] = []
}
