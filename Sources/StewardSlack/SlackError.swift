/// What went wrong talking to Slack, on what, and what to do about it.
public enum SlackError: Error, Sendable, Hashable {
    case placeholder
}
