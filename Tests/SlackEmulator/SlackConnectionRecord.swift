/// What the emulator knows about one Socket Mode connection, as Slack's side sees it.
public struct SlackConnectionRecord: Sendable, Hashable {
    public let id: SlackConnectionID
    /// The `apps.connections.open` ticket this connection consumed.
    public let ticket: String
    public let openedAt: ContinuousClock.Instant
    /// `hello` went out (never on a connection rejected for `too_many_websockets`).
    public internal(set) var helloSent: Bool = false
    public internal(set) var state: SlackConnectionState = .open
    /// `disconnect` messages sent on this connection, in order.
    public internal(set) var disconnectsSent: [SlackDisconnectReason] = []
    public internal(set) var closedAt: ContinuousClock.Instant?
    /// Server pings sent on this connection.
    public internal(set) var pingsSent: Int = 0

    /// Open as Slack counts it: ghosts (silent connections) still count toward the 10-per-app
    /// limit and still receive envelopes, which vanish.
    public var countsAsOpen: Bool {
        switch state {
        case .open, .silent: true
        case .closed: false
        }
    }
}

/// Lifecycle of a Socket Mode connection.
public enum SlackConnectionState: Sendable, Hashable {
    case open
    /// Half-open: the server stopped reading and answering; the TCP socket stays up.
    case silent
    case closed(SlackConnectionCloseCause)
}

/// Why a connection ended.
public enum SlackConnectionCloseCause: Sendable, Hashable {
    /// The client closed the WebSocket or its TCP connection.
    case closedByClient
    /// The server closed it after the grace period that followed a `disconnect` message.
    case closedAfterDisconnect(SlackDisconnectReason)
    /// The connection was over the per-app limit: `disconnect: too_many_websockets`, then closed.
    case rejectedTooManyWebsockets
    /// The test dropped the TCP connection without a WebSocket close frame.
    case droppedByServer
    /// The emulator stopped.
    case emulatorStopped
}
