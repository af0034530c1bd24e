/// The `reason` of a Socket Mode `disconnect` message. Open-ended like Slack's own list.
public struct SlackDisconnectReason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The connection will be closed soon; open a new one first.
    public static let warning = Self(rawValue: "warning")
    /// Slack wants the app to reconnect (for example after ~5 h of connection time).
    public static let refreshRequested = Self(rawValue: "refresh_requested")
    /// Sent on a connection beyond the per-app limit, which is then closed.
    public static let tooManyWebsockets = Self(rawValue: "too_many_websockets")

    public var description: String { rawValue }
}
