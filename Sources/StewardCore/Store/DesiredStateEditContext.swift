/// Where an edit came from, for stores that record it: which delivery (so a redelivered Slack
/// command is applied once, even on another replica) and which front end.
public struct DesiredStateEditContext: Sendable, Hashable {
    /// Stable across redeliveries of one command (Slack keeps the trigger id on a retry);
    /// nil when the caller can't tell a retry from a repeat (the CLI).
    public var editID: String?
    /// `slack` or `cli`.
    public var source: String?

    public init(editID: String? = nil, source: String? = nil) {
        self.editID = editID
        self.source = source
    }
}
