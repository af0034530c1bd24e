/// A message as Slack takes it: in an ack payload, an HTTP-mode response body, a
/// `response_url` follow-up or `chat.postMessage`. `text` is always set: it is the
/// notification and accessibility fallback when `blocks` are shown.
public struct SlackMessage: Sendable, Hashable, Codable {
    public enum ResponseType: String, Sendable, Hashable, Codable {
        /// Only the person who ran the command sees it.
        case ephemeral
        case inChannel = "in_channel"
    }

    public var text: String
    public var blocks: [SlackBlock]?
    public var responseType: ResponseType?
    public var replaceOriginal: Bool?
    public var channel: String?

    enum CodingKeys: String, CodingKey {
        case text, blocks, channel
        case responseType = "response_type"
        case replaceOriginal = "replace_original"
    }

    public init(text: String, blocks: [SlackBlock]? = nil, responseType: ResponseType? = nil,
                replaceOriginal: Bool? = nil, channel: String? = nil) {
        self.text = text
        self.blocks = blocks
        self.responseType = responseType
        self.replaceOriginal = replaceOriginal
        self.channel = channel
    }
}
