import Foundation

/// Where the controller tells people what happened (Slack in the daemon, nothing in the CLI).
/// A seam only: the controller depends on this, never on Slack.
public protocol Notifier: Sendable {
    func notify(_ notification: StewardNotification) async
}

public struct StewardNotification: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case applied, expired, expiringSoon, failure, drift }

    public var kind: Kind
    /// nil when it concerns every environment (a pass that could not run).
    public var environment: EnvironmentName?
    public var text: String

    public init(kind: Kind, environment: EnvironmentName?, text: String) {
        self.kind = kind
        self.environment = environment
        self.text = text
    }
}
