/// Slack's mrkdwn treats `&`, `<` and `>` as control characters (links, mentions): text from
/// desired state (a description) must be escaped, or `<!channel>` in a description would ping
/// a whole channel.
enum SlackMrkdwn {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
