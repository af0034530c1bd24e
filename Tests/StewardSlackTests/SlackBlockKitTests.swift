import Foundation
import StewardCore
import Testing
@testable import StewardSlack

/// Replies fit Slack's Block Kit limits whatever their size: ≤ 50 blocks, section text
/// ≤ 3,000 characters, and a line saying what was left out; mrkdwn control characters escaped.
@Suite struct SlackBlockKitTests {
    func check(_ message: SlackMessage, file: String = #fileID, line: Int = #line) {
        let blocks = message.blocks ?? []
        #expect(blocks.count <= SlackBlockLimits.blocksPerMessage)
        for block in blocks {
            if let text = block.text?.text {
                #expect(text.count <= (block.type == .header ? SlackBlockLimits.headerText : SlackBlockLimits.sectionText))
            }
            #expect((block.elements?.count ?? 0) <= SlackBlockLimits.contextElements)
        }
        #expect(message.text.count <= SlackBlockLimits.messageText)
    }

    @Test func shortRepliesArePlainText() {
        let message = SlackMessage.reply(ChatReply(text: "queued: 203.0.113.10/32 added to dev until …"))
        #expect(message.blocks == nil)
        #expect(message.responseType == .ephemeral)
    }

    @Test func listsBecomeSectionsUnderABoldTitle() {
        let lines = ["dev whitelist (desired): 3 entries, 3 active"] + (1...3).map { "• 203.0.113.\($0)/32 — active" }
        let message = SlackMessage.reply(ChatReply(text: lines.joined(separator: "\n")))
        let blocks = try! #require(message.blocks)
        #expect(blocks.first?.text?.text == "*dev whitelist (desired): 3 entries, 3 active*")
        #expect(blocks.count == 2)
        #expect(blocks[1].text?.text.split(separator: "\n").count == 3)
        check(message)
    }

    @Test(arguments: [10, 60, 200, 5_000])
    func hugeListsStayWithinTheLimitsAndSayWhatWasLeftOut(entries: Int) {
        let line = "• 203.0.113.10/32 — active, expires in 6d 23h (2026-11-27T10:00:00Z) — \"" + String(repeating: "x", count: 200) + "\" — by U01234567"
        let text = (["dev whitelist (desired): \(entries) entries"] + Array(repeating: line, count: entries)).joined(separator: "\n")
        let message = SlackMessage.reply(ChatReply(text: text))
        check(message)
        let blocks = try! #require(message.blocks)
        let shownLines = blocks.dropFirst().filter { $0.type == .section }.reduce(0) { $0 + ($1.text?.text.split(separator: "\n").count ?? 0) }
        if shownLines < entries {
            let context = try! #require(blocks.last?.elements?.first?.text)
            #expect(context.contains("\(entries - shownLines) more line"), "\(context)")
        } else {
            #expect(blocks.last?.type == .section)
        }
    }

    @Test func aSingleOverlongLineIsCut() {
        let text = "title\n" + String(repeating: "y", count: 10_000) + "\nlast"
        check(SlackMessage.reply(ChatReply(text: text)))
    }

    @Test func mrkdwnControlCharactersAreEscaped() {
        let message = SlackMessage.reply(ChatReply(text: "list\n• 203.0.113.10/32 — \"<!channel> & <@U123>\"\n• second"))
        let all = (message.blocks ?? []).compactMap(\.text?.text).joined()
        #expect(all.contains("&lt;!channel&gt; &amp; &lt;@U123&gt;"))
        #expect(!all.contains("<!channel>"))
        #expect(message.text.contains("&lt;!channel&gt;"))
    }

    @Test func errorsAreEphemeralPlainText() {
        let message = SlackMessage.reply(ChatReply.refused("error: a\nUsage: /whitelist add\n       /whitelist list"),
                                         responseType: .inChannel)
        #expect(message.responseType == .ephemeral)
        #expect(message.blocks == nil)
    }

    @Test func encodesWithSlacksKeys() throws {
        let message = SlackMessage(text: "t", blocks: [.section("s")], responseType: .inChannel)
        let json = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        #expect(json.contains("\"response_type\":\"in_channel\""))
        #expect(json.contains("\"type\":\"section\""))
        #expect(json.contains("\"type\":\"mrkdwn\""))
    }
}
