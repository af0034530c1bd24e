import StewardCore

extension SlackMessage {
    /// A command reply as Slack shows it. One- or two-line replies stay plain text; lists and
    /// status (many lines) become Block Kit: the first line a section in bold, the rest packed
    /// into sections of at most 3,000 characters, at most 50 blocks, with a context line saying
    /// what was left out. Errors are always ephemeral; successful edits are in-channel only if
    /// asked for, since the follow-up already tells the channel.
    public static func reply(_ reply: ChatReply, responseType: ResponseType = .ephemeral) -> SlackMessage {
        let lines = reply.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let text = truncated(SlackMrkdwn.escape(reply.text), to: SlackBlockLimits.messageText)
        let type: ResponseType = reply.isError ? .ephemeral : responseType
        guard lines.count > 2, !reply.isError else { return SlackMessage(text: text, responseType: type) }
        return SlackMessage(text: text, blocks: blocks(title: lines[0], lines: Array(lines.dropFirst())), responseType: type)
    }

    /// Sections for `lines` under a bold `title`, within Slack's block limits.
    public static func blocks(title: String, lines: [String]) -> [SlackBlock] {
        var blocks = [SlackBlock.section("*" + truncated(SlackMrkdwn.escape(title), to: SlackBlockLimits.sectionText - 2) + "*")]
        var current = ""
        var consumed = 0
        // Keep one block free for the "n more" context line.
        let sectionBudget = SlackBlockLimits.blocksPerMessage - 1
        for line in lines {
            let escaped = truncated(SlackMrkdwn.escape(line), to: SlackBlockLimits.sectionText)
            if current.isEmpty {
                current = escaped
            } else if current.count + 1 + escaped.count <= SlackBlockLimits.sectionText {
                current += "\n" + escaped
            } else {
                if blocks.count == sectionBudget { break }
                blocks.append(.section(current))
                current = escaped
            }
            consumed += 1
        }
        if !current.isEmpty, blocks.count < sectionBudget {
            blocks.append(.section(current))
        } else if !current.isEmpty {
            consumed -= current.split(separator: "\n").count
        }
        if consumed < lines.count {
            blocks.append(.context("… and \(lines.count - consumed) more line\(lines.count - consumed == 1 ? "" : "s") not shown"))
        }
        return blocks
    }

    /// At most `limit` characters, ending in `…` when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
