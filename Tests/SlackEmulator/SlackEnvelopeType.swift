/// The `type` of a Socket Mode envelope.
public struct SlackEnvelopeType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let slashCommands = Self(rawValue: "slash_commands")
    public static let eventsAPI = Self(rawValue: "events_api")
    public static let interactive = Self(rawValue: "interactive")

    public var description: String { rawValue }
}
