import Foundation
import SlackEmulator
import StewardTestSupport
import Testing

/// Slack is closed by default: with no `slack:` rules, edits are refused with the keys to set,
/// reads still answer; a command from another workspace or for another app is refused and
/// audited whatever the rules say.
@Suite(.serialized) struct SlackSafeDefaultsTests {
    func start(_ estate: SlackEstate, config: String) throws {
        try DesiredStateYAML().write(in: estate.desiredState)
        try estate.write("steward.yaml", config)
        var environment = estate.moto.clientEnvironment
        environment["SLACK_API_URL"] = estate.emulator.apiURL
        environment["SLACK_APP_TOKEN"] = SlackEstate.appToken
        environment["SLACK_BOT_TOKEN"] = SlackEstate.botToken
        estate.daemon = try RunDaemonProcess(
            ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s",
             "--config", estate.root.appendingPathComponent("steward.yaml").path, "--log-level", "info"],
            in: estate.root, environment: environment)
    }

    func ack(_ estate: SlackEstate, _ command: String, _ text: String, user: String = "U0ALICE", channel: String = "C0OPS",
             team: String? = nil, app: String? = nil) async throws -> String {
        let envelope = try await estate.emulator.sendSlashCommand(command: command, text: text, userID: user, channelID: channel,
                                                                  teamID: team, apiAppID: app)
        return try #require(try await estate.emulator.waitForAck(envelope).payload?["text"]?.stringValue)
    }

    func audit(_ estate: SlackEstate) -> [[String: String]] {
        ((try? String(contentsOf: estate.auditLog, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
            try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
        }
    }

    @Test func withNoSlackRulesEditsAreRefusedWithTheKeysToSetAndReadsStillAnswer() async throws {
        try await SlackEstate.with { estate in
            try start(estate, config: "slack:\n  mode: socket\n")
            let daemon = try #require(estate.daemon)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(20))
            let before = estate.desiredText()

            let add = try await ack(estate, "/whitelist", "add 203.0.113.10 office --env dev")
            #expect(add.hasPrefix("denied: Slack edits are closed until a Steward admin says who may make them"), "\(add)")
            for key in ["slack.allowed_users", "slack.allowed_channels", "slack.permissions"] { #expect(add.contains(key)) }
            let stop = try await ack(estate, "/infra", "stop dev")
            #expect(stop.hasPrefix("denied: Slack edits are closed"), "\(stop)")
            #expect(estate.desiredText() == before, "nothing was written")

            #expect(try await ack(estate, "/whitelist", "list dev").hasPrefix("dev whitelist (desired): empty."))
            #expect(try await ack(estate, "/infra", "status dev").contains("dev (desired): running"))
            #expect(try await ack(estate, "/whitelist", "help").contains("/whitelist add"))

            #expect(await daemon.stop() == 0)
            #expect(daemon.stderr.contains("Slack edits are refused: no slack.allowed_users"), "one warning at start")
            #expect(daemon.stderr.components(separatedBy: "Slack edits are refused").count == 2, "said once")
            let denied = audit(estate).filter { $0["result"] == "denied" }
            #expect(denied.map { $0["action"] ?? "" } == ["whitelist add", "infra stop"])
        }
    }

    @Test func aCommandFromAnotherWorkspaceOrForAnotherAppIsRefusedAndAudited() async throws {
        try await SlackEstate.with { estate in
            try start(estate, config: "slack:\n  mode: socket\n  allowed_channels: [C0OPS]\n")
            let daemon = try #require(estate.daemon)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(20))
            let before = estate.desiredText()

            let foreignTeam = try await ack(estate, "/whitelist", "add 203.0.113.10 office --env dev", team: "T0ELSEWHERE")
            #expect(foreignTeam.hasPrefix("denied: this command came from workspace T0ELSEWHERE"), "\(foreignTeam)")
            let foreignApp = try await ack(estate, "/whitelist", "list dev", app: "A0SOMEONEELSE")
            #expect(foreignApp.hasPrefix("denied: this command was sent to app A0SOMEONEELSE"), "\(foreignApp)")
            #expect(estate.desiredText() == before)

            // The configured channel still works for the right workspace and app.
            let allowed = try await ack(estate, "/whitelist", "add 203.0.113.10 office --env dev")
            #expect(allowed.hasPrefix("queued: 203.0.113.10/32 added to dev"), "\(allowed)")

            #expect(await daemon.stop() == 0)
            let denied = audit(estate).filter { $0["result"] == "denied" }
            #expect(denied.count == 2)
            #expect(denied.allSatisfy { $0["actor"] == "U0ALICE" && $0["reason"]?.hasPrefix("denied: this command") == true })
        }
    }
}
