import Foundation

/// The report as Slack Block Kit: a header, counts per severity and environment, then new and
/// resolved findings first, the rest after, inside Slack's limits (50 blocks, 3,000 characters
/// a section) with a closing "… and N more" when something had to be left out.
public enum DriftReportSlackRenderer {
    public static let maximumBlocks = 50
    public static let maximumSectionCharacters = 3000

    public struct Block: Sendable, Hashable, Codable {
        public struct Text: Sendable, Hashable, Codable {
            public var type: String
            public var text: String
        }

        public var type: String
        public var text: Text?
    }

    public struct Message: Sendable, Hashable, Codable {
        /// The notification's fallback text.
        public var text: String
        public var blocks: [Block]
    }

    public static func message(_ report: DriftReport, title: String = "Drift report") -> Message {
        var blocks = [Block(type: "header", text: .init(type: "plain_text", text: String(title.prefix(150))))]
        var overview = [report.summaryLine]
        overview += report.environments.map { "• " + report.environmentLine($0) }
        blocks.append(section(overview.joined(separator: "\n")))

        let ordered = report.findings.filter { $0.state == .new } + report.findings.filter { $0.state == .resolved }
            + report.findings.filter { $0.state == .open } + report.findings.filter { $0.state == .acknowledged }
        let lines = ordered.map { finding in
            "*\(finding.severity.rawValue)* \(report.stateText(finding)) · \(finding.environment) · `\(finding.resource)`: \(finding.message)"
                + (finding.actor.map { " (\(DriftReport.actorText($0)))" } ?? "") + " — `\(finding.id)`"
        }
        let acks = report.acksExpiringSoon.isEmpty ? nil
            : section("Acks expiring within a week: " + report.acksExpiringSoon.map { "`\($0.id)`" }.joined(separator: ", "))
        // Blocks are kept for the "… and N more" line and the expiring acks.
        let room = maximumBlocks - 1 - (acks == nil ? 0 : 1)
        var index = 0
        while index < lines.count, blocks.count < room {
            var chunk: [String] = []
            var length = 0
            while index < lines.count, chunk.count < 10 {
                let line = String(lines[index].prefix(maximumSectionCharacters - 1))
                if !chunk.isEmpty, length + line.count + 1 > maximumSectionCharacters { break }
                chunk.append(line)
                length += line.count + 1
                index += 1
            }
            blocks.append(section(chunk.joined(separator: "\n")))
        }
        if index < lines.count { blocks.append(section("… and \(lines.count - index) more")) }
        if let acks { blocks.append(acks) }
        return Message(text: "\(title): \(report.summaryLine)", blocks: blocks)
    }

    public static func render(_ report: DriftReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(message(report)), as: UTF8.self) + "\n"
    }

    static func section(_ text: String) -> Block {
        Block(type: "section", text: .init(type: "mrkdwn", text: String(text.prefix(maximumSectionCharacters))))
    }
}
