import Foundation
import SlackEmulator
import StewardCore
import StewardTestSupport
import Testing

/// Slack to AWS and back, through real processes: a slash command over the emulator's Socket
/// Mode edits desired state, `steward run` reconciles it into moto (checked with boto3), the
/// person gets a follow-up on the command's `response_url`, the channel a notification — and
/// no token appears in any output.
@Suite(.serialized) struct SlackEndToEndTests {
    static let config = """
    slack:
      mode: socket
      notify_channel: C0NOTIFY
      allowed_channels: [C0OPS]
      permissions:
        '*':
          infra.teardown: [U0ALICE]

    """

    func start(_ estate: SlackEstate, environment: [String: String]) throws {
        var full = estate.moto.clientEnvironment
        for (key, value) in environment { full[key] = value }
        full["SLACK_API_URL"] = estate.emulator.apiURL
        estate.daemon = try RunDaemonProcess(
            ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s",
             "--config", estate.root.appendingPathComponent("steward.yaml").path, "--log-level", "trace"],
            in: estate.root, environment: full)
    }

    @Test func aSlashCommandBecomesARuleInAWSAndAFollowUpSaysSo() async throws {
        try await SlackEstate.with { estate in
            let group = try await estate.managedGroup("web")
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            try start(estate, environment: ["SLACK_APP_TOKEN": SlackEstate.appToken, "SLACK_BOT_TOKEN": SlackEstate.botToken])
            let daemon = try #require(estate.daemon)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(20))

            let sent = ContinuousClock.now
            let envelope = try await estate.emulator.sendSlashCommand(
                command: "/whitelist", text: "add 203.0.113.10 \"office\" --env dev --ttl 1d", userID: "U0ALICE", channelID: "C0OPS")
            let ack = try await estate.emulator.waitForAck(envelope)
            let ackText = try #require(ack.payload?["text"]?.stringValue)
            #expect(ackText.hasPrefix("queued: 203.0.113.10/32 added to dev until"), "\(ackText)")
            #expect(!ack.late)
            #expect(estate.desiredText().contains("cidr: 203.0.113.10/32"))
            #expect(estate.desiredText().contains("added_by: U0ALICE"))

            let cidrs = try await estate.waitForCIDRs(group, timeout: .seconds(15)) { $0.contains("203.0.113.10/32") }
            #expect(cidrs.contains("203.0.113.10/32"), "the rule never reached moto")
            let converged = ContinuousClock.now - sent

            let followUp = try await estate.emulator.waitForFollowUp(envelope, timeout: .seconds(15))
            let followText = try #require(followUp.text)
            #expect(followText.hasPrefix("done: dev reconciled after `/whitelist add 203.0.113.10"), "\(followText)")
            #expect(followText.contains("authorized 203.0.113.10/32 tcp/443 on \(group)"), "\(followText)")

            let posted = try await estate.emulator.waitForPostedMessage(channel: "C0NOTIFY", timeout: .seconds(15))
            #expect(posted.text?.contains("dev: authorized 203.0.113.10/32 tcp/443 on \(group)") == true, "\(posted.text ?? "")")

            // From a channel Steward doesn't serve: denied, and nothing changes.
            let before = estate.desiredText()
            let denied = try await estate.emulator.sendSlashCommand(
                command: "/whitelist", text: "remove 203.0.113.10/32 --env dev", userID: "U0ALICE", channelID: "C0RANDOM")
            let deniedText = try #require(try await estate.emulator.waitForAck(denied).payload?["text"]?.stringValue)
            #expect(deniedText.hasPrefix("denied: Steward does not take commands in this channel"))
            #expect(estate.desiredText() == before)

            // Teardown needs a named user; Bob is not named.
            let teardown = try await estate.emulator.sendSlashCommand(command: "/infra", text: "teardown dev", userID: "U0BOB", channelID: "C0OPS")
            #expect(try await estate.emulator.waitForAck(teardown).payload?["text"]?.stringValue?.hasPrefix("denied:") == true)

            #expect(await daemon.stop() == 0, "SIGTERM must shut down cleanly")
            let audit = (try? String(contentsOf: estate.auditLog, encoding: .utf8)) ?? ""
            #expect(audit.contains("\"action\":\"whitelist add\"") && audit.contains("\"result\":\"applied\""))
            #expect(audit.contains("\"action\":\"whitelist remove\"") && audit.contains("\"result\":\"denied\""))
            #expect(audit.contains("\"action\":\"infra teardown\""))
            Self.expectNoTokens(in: estate)
            print("slack e2e: envelope → rule visible in moto (boto3 polling) took \(converged)")
        }
    }

    @Test func anEntryAboutToExpireIsWarnedOnceThenItsExpiryIsAnnounced() async throws {
        try await SlackEstate.with { estate in
            let group = try await estate.managedGroup("web")
            let second = try await estate.managedGroup("api")
            // Whole seconds (the file format); far enough ahead that the grant lands first.
            let expiresAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 8).rounded(.up))
            try DesiredStateYAML(whitelist: [DesiredStateYAML.Entry(cidr: "203.0.113.10/32", description: "short visit", addedBy: "U0ALICE", expiresAt: expiresAt)])
                .write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            try start(estate, environment: ["SLACK_APP_TOKEN": SlackEstate.appToken, "SLACK_BOT_TOKEN": SlackEstate.botToken])
            _ = try await estate.daemon?.waitForLine("first reconcile completed in ")

            var texts: [String] = []
            for number in 1...6 {
                guard let message = try? await estate.emulator.waitForPostedMessage(channel: "C0NOTIFY", number: number, timeout: .seconds(20)) else { break }
                texts.append(message.text ?? "")
                if texts.contains(where: { $0.contains("expired and was revoked") }) { break }
            }
            let warnings = texts.filter { $0.contains("203.0.113.10/32") && $0.contains("expires in") }
            #expect(warnings.count == 1, "warned once before expiry: \(texts)")
            #expect(warnings.first?.contains("/whitelist add 203.0.113.10/32 --env dev") == true)
            #expect(texts.contains { $0.hasSuffix("dev: 203.0.113.10/32 expired and was revoked from 2 groups") }, "\(texts)")
            #expect(try await estate.waitForCIDRs(group, timeout: .seconds(5)) { !$0.contains("203.0.113.10/32") }.isEmpty)
            #expect(try await estate.waitForCIDRs(second, timeout: .seconds(5)) { !$0.contains("203.0.113.10/32") }.isEmpty)
            #expect(await estate.daemon?.stop() == 0)
            Self.expectNoTokens(in: estate)
        }
    }

    @Test func tokensCanComeFromASecretsManagerSecret() async throws {
        try await SlackEstate.with { estate in
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config + "  secret_id: steward/slack\n")
            _ = try await estate.moto.boto3("""
            sm = boto3.client('secretsmanager', endpoint_url=ENDPOINT, region_name='us-east-1')
            sm.create_secret(Name='steward/slack', SecretString=json.dumps({'bot_token': '\(SlackEstate.botToken)', 'app_token': '\(SlackEstate.appToken)'}))
            """)
            try start(estate, environment: [:])
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(30))
            let envelope = try await estate.emulator.sendSlashCommand(command: "/whitelist", text: "list dev", channelID: "C0OPS")
            let text = try #require(try await estate.emulator.waitForAck(envelope).payload?["text"]?.stringValue)
            #expect(text.hasPrefix("dev whitelist (desired): empty."))
            #expect(await estate.daemon?.stop() == 0)
            Self.expectNoTokens(in: estate)
        }
    }

    @Test func aRevokedTokenStopsSlackButNotTheDaemon() async throws {
        try await SlackEstate.with { estate in
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            estate.emulator.failNextCalls(.error("account_inactive"), method: "apps.connections.open")
            try start(estate, environment: ["SLACK_APP_TOKEN": SlackEstate.appToken, "SLACK_BOT_TOKEN": SlackEstate.botToken])
            let daemon = try #require(estate.daemon)
            let line = try await daemon.waitForLine("slack stopped: ")
            #expect(line.contains("account_inactive") && line.contains("SLACK_APP_TOKEN"))
            _ = try await daemon.waitForLine("first reconcile completed in ")
            #expect(daemon.process.isRunning, "a Slack failure must not stop reconciling")
            #expect(await daemon.stop() == 0)
            Self.expectNoTokens(in: estate)
        }
    }

    /// Every byte the daemon wrote (stdout, stderr at trace level, the audit log, desired state)
    /// and everything it sent to Slack (acks, follow-ups, posts) is free of both tokens.
    static func expectNoTokens(in estate: SlackEstate, sourceLocation: SourceLocation = #_sourceLocation) {
        let records = estate.emulator.records
        var outputs = [
            "stdout": estate.daemon?.stdout ?? "",
            "stderr": estate.daemon?.stderr ?? "",
            "audit": (try? String(contentsOf: estate.auditLog, encoding: .utf8)) ?? "",
            "desired": estate.desiredText(),
        ]
        outputs["acks"] = records.acks.map { "\(String(describing: $0.payload))" }.joined(separator: "\n")
        outputs["followUps"] = records.followUps.map { "\($0.body)" }.joined(separator: "\n")
        outputs["posts"] = records.postedMessages.map { "\($0.arguments)" }.joined(separator: "\n")
        #expect(!(outputs["stderr"] ?? "").isEmpty, "trace logging produced nothing to check", sourceLocation: sourceLocation)
        for (name, text) in outputs {
            for token in [SlackEstate.appToken, SlackEstate.botToken, "LEAKCANARY"] {
                #expect(!text.contains(token), "\(name) contains a token", sourceLocation: sourceLocation)
            }
        }
    }
}
