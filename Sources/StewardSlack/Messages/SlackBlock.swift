/// The few Block Kit blocks Steward sends: a header, sections of mrkdwn, context lines.
public struct SlackBlock: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case header, section, context, divider
    }

    public var type: Kind
    public var text: SlackText?
    public var elements: [SlackText]?

    public init(type: Kind, text: SlackText? = nil, elements: [SlackText]? = nil) {
        self.type = type
        self.text = text
        self.elements = elements
    }

    public static func header(_ text: String) -> SlackBlock {
        SlackBlock(type: .header, text: SlackText(text, type: .plainText))
    }

    public static func section(_ mrkdwn: String) -> SlackBlock {
        SlackBlock(type: .section, text: SlackText(mrkdwn))
    }

    public static func context(_ mrkdwn: String) -> SlackBlock {
        SlackBlock(type: .context, elements: [SlackText(mrkdwn)])
    }
}
