import StewardCore

extension SlackMessage {
    /// A notification as posted to the channel: a marker for its kind, then the text.
    static func notification(_ notification: StewardNotification, channel: String) -> SlackMessage {
        let marker: String
        switch notification.kind {
        case .applied: marker = ":white_check_mark:"
        case .expired: marker = ":hourglass:"
        case .expiringSoon: marker = ":alarm_clock:"
        case .failure: marker = ":x:"
        case .drift: marker = ":mag:"
        }
        var message = reply(ChatReply(text: notification.text))
        message.text = marker + " " + message.text
        if let first = message.blocks?.first?.text?.text {
            message.blocks?[0] = .section(marker + " " + first)
        }
        message.responseType = nil
        message.channel = channel
        return message
    }
}
