/// A Block Kit text object.
public struct SlackText: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case mrkdwn
        case plainText = "plain_text"
    }

    public var type: Kind
    public var text: String

    public init(_ text: String, type: Kind = .mrkdwn) {
        self.type = type
        self.text = text
    }
}
