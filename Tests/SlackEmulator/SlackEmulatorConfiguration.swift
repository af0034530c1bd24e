import Logging

/// How the emulator behaves. Defaults follow Slack's documented limits; tests shorten the
/// durations (ack deadline, disconnect grace) to keep runs fast without changing the rules.
public struct SlackEmulatorConfiguration: Sendable {
    /// The Slack app the app-level token belongs to (`connection_info.app_id`, `api_app_id`).
    public var appID: String = "A0STEWARD01"
    public var teamID: String = "T0STEWARD01"
    public var teamDomain: String = "steward-test"
    /// Bot user behind the bot token (reported by `auth.test`).
    public var botUserID: String = "U0STEWARDBOT"
    public var botID: String = "B0STEWARDBOT"

    /// Slack expects an ack within 3 s; after that a slash command shows the user a timeout
    /// and an event is redelivered.
    public var ackDeadline: Duration = .seconds(3)
    /// How many times an unacked `events_api` envelope is delivered again (Slack: 3).
    public var maxEventRetries: Int = 3
    /// Slack allows 10 concurrent Socket Mode connections per app.
    public var maxConnectionsPerApp: Int = 10
    /// After sending `disconnect`, Slack keeps the old socket open for about 10 s.
    public var disconnectGracePeriod: Duration = .seconds(10)
    /// When set, the server pings every open (non-silent) connection at this interval, as Slack does.
    public var serverPingInterval: Duration? = nil
    /// `debug_info.approximate_connection_time` in `hello`, seconds (Slack: about 5 h).
    public var approximateConnectionTime: Int = 18_060
    /// Which open connection receives the next envelope.
    public var delivery: SlackDeliveryPolicy = .roundRobin
    /// Lifetime of an unused `apps.connections.open` ticket; `nil` means it never expires.
    public var ticketLifetime: Duration? = nil

    /// Per-channel minimum spacing of `chat.postMessage` (Slack: about 1 message/s/channel);
    /// `nil` disables the limit.
    public var postMessageInterval: Duration? = .seconds(1)

    /// A `response_url` accepts this many posts ...
    public var responseURLMaxUses: Int = 5
    /// ... within this long after the command was delivered.
    public var responseURLLifetime: Duration = .seconds(30 * 60)

    public var logger: Logger = Logger(label: "SlackEmulator")

    public init() {}
}

/// Which open connection receives an envelope. Slack sends each envelope to one connection.
public enum SlackDeliveryPolicy: Sendable, Hashable {
    case roundRobin
    case random
}
