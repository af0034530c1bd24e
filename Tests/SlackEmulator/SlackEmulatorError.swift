/// What went wrong while driving or observing the emulator.
public enum SlackEmulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP/WebSocket server could not bind or start.
    case startFailed(String)
    /// A wait did not see its condition within the timeout.
    case timedOut(waitingFor: String, after: Duration)
    /// The emulator was stopped while something waited on it.
    case stopped(waitingFor: String)
    /// A slash command could not be dispatched: no Socket Mode connection was open
    /// (Slack shows the user `dispatch_failed`).
    case noOpenConnection(command: String)
    /// A control named a connection the emulator does not know or that is already closed.
    case unknownConnection(SlackConnectionID)
    /// A wait was given a value that cannot be satisfied (for example a count below 1).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .startFailed(let reason): "Slack emulator failed to start: \(reason)"
        case .timedOut(let what, let after): "timed out after \(after) waiting for \(what)"
        case .stopped(let what): "Slack emulator stopped while waiting for \(what)"
        case .noOpenConnection(let command):
            "cannot dispatch \(command): no Socket Mode connection is open (Slack: dispatch_failed)"
        case .unknownConnection(let id): "no open Socket Mode connection \(id)"
        case .invalidArgument(let reason): "invalid argument: \(reason)"
        }
    }
}
