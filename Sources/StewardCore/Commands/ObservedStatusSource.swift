import Foundation

/// Where `infra status` and `bastion status` get what AWS holds. A seam: Core knows nothing of
/// AWS; the controller implements it and the CLI and the Slack bot plug it into
/// `ChatCommandHandler`, so both print the same status.
public protocol ObservedStatusSource: Sendable {
    /// Lines describing what AWS holds for the intent's environment; nil when the intent has
    /// no observed part. Errors are rendered into the text (status must answer even when AWS
    /// is unreachable).
    func observedStatus(for intent: ChatIntent, desired: DesiredState, now: Date) async -> String?
}
