import Foundation
import StewardTestSupport
import Testing

/// The `slack:` section of `steward.yaml`, through `steward validate`: accepted when right,
/// refused with file:line errors when a key or value is wrong, and a pasted token refused
/// without being echoed.
@Suite struct SlackConfigurationTests {
    func validate(_ config: String) throws -> (status: Int32, output: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-slackcfg-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
        try DesiredStateYAML().write(in: root.appendingPathComponent("desired-state"))
        try config.write(to: root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
        return try StewardBinary.run(["validate", "--config", "steward.yaml", "--desired-state", "desired-state"], in: root)
    }

    @Test func aCompleteSlackSectionIsAccepted() throws {
        let result = try validate("""
        slack:
          mode: http
          notify_channel: C0NOTIFY
          allowed_channels: [C0OPS]
          allowed_users: [U0ALICE, U0BOB]
          permissions:
            '*': { infra.teardown: [U0ALICE] }
            prod: { whitelist: ['*'], bastion.create: [U0BOB] }
          warn_before: { bastion: 30m, whitelist: 12h }
          secret_id: steward/slack
        """)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func mistakesAreLocatedAndExplained() throws {
        let result = try validate("""
        slack:
          mode: websocket
          allowed_users: [U0ALICE]
          permissions:
            prod: { infra.tear_down: [U0ALICE] }
          warn_before: { bastion: soon }
          notfy_channel: C1
        """)
        #expect(result.status == 1)
        #expect(result.output.contains("steward.yaml:2:"), "\(result.output)")
        #expect(result.output.contains("'mode' must be socket or http"))
        #expect(result.output.contains("steward.yaml:5:") && result.output.contains("did you mean 'infra.teardown'"))
        #expect(result.output.contains("steward.yaml:6:") && result.output.contains("warn_before.bastion"))
        #expect(result.output.contains("steward.yaml:7:") && result.output.contains("did you mean 'notify_channel'"))
    }

    @Test func aTokenPastedIntoTheConfigIsRefusedAndNotEchoed() throws {
        let result = try validate("slack:\n  notify_channel: xoxb-1-CANARYPASTED\n")
        #expect(result.status == 1)
        #expect(result.output.contains("looks like a Slack token"))
        #expect(!result.output.contains("CANARYPASTED"), "\(result.output)")
    }
}
