import Foundation
import Logging
import SlackEmulator
import StewardTestSupport
import StewardSlack
import Testing

/// No token reaches a log line, an error message, an event or a reply — checked with
/// distinctive tokens and every log level captured.
@Suite(.serialized) struct SecretsLeakTests {
    static let appToken = "xapp-1-A0STEWARD01-1-CANARYAPPd41d8cd98f"
    static let botToken = "xoxb-1-CANARYBOTe3b0c442"

    @Test func tokensAndCredentialsDescribeThemselvesRedacted() {
        let credentials = SlackCredentials(appToken: Self.appToken, botToken: Self.botToken, signingSecret: "CANARYSECRET")
        let rendered = [String(describing: credentials), String(reflecting: credentials), "\(credentials.appToken!)",
                        String(reflecting: credentials.botToken!), "\(Mirror(reflecting: credentials.botToken!).children.map { "\($0)" })"]
        for text in rendered {
            #expect(!text.contains("CANARY"), "\(text)")
        }
        #expect(credentials.appToken?.reveal == Self.appToken)
    }

    @Test func aMalformedSecretIsNotEchoed() {
        #expect(throws: SlackError.self) { try SlackCredentials().merging(secretJSON: "xoxb-CANARY-not-json") }
        do {
            _ = try SlackCredentials().merging(secretJSON: "xoxb-CANARY-not-json")
        } catch {
            #expect(!String(describing: error).contains("CANARY"))
        }
        let merged = try? SlackCredentials(botToken: "xoxb-env").merging(secretJSON: #"{"bot_token":"xoxb-secret","app_token":"xapp-secret"}"#)
        #expect(merged?.botToken?.reveal == "xoxb-env", "the environment variable wins")
        #expect(merged?.appToken?.reveal == "xapp-secret")
    }

    @Test func aRunningClientLogsNoToken() async throws {
        let capture = LogCapture()
        try await SlackEmulator.withRunning(appToken: Self.appToken, botToken: Self.botToken) { emulator in
            let events = ClientEvents()
            let api = SlackWebAPI(baseURL: emulator.apiURL)
            let replies = Recorder<String>()
            try await SocketModeRun.with(emulator, logger: capture.logger(), handler: { command in
                SlackMessage(text: "ok \(command.text)")
            }) { clientEvents in
                try await emulator.waitForConnection(number: 1)
                let envelope = try await emulator.sendSlashCommand(command: "/whitelist", text: "list dev")
                replies.append(String(describing: try await emulator.waitForAck(envelope).payload))
                try emulator.dropAbruptly()
                try await emulator.waitForConnection(number: 2)
                // The emulator has sent hello; wait until the client has taken it (and logged it).
                let reconnected = await clientEvents.wait { $0.contains { if case .connected(id: 2) = $0 { true } else { false } } }
                #expect(reconnected)
                for event in clientEvents.all { events.record(event) }
            }
            // A post with the bot token, and one with a wrong token (its error is checked too).
            try await api.postMessage(SlackMessage(text: "hello", channel: "C0NOTIFY"), botToken: SlackToken(Self.botToken, kind: .bot))
            do {
                try await api.postMessage(SlackMessage(text: "x", channel: "C0NOTIFY"), botToken: SlackToken("xoxb-1-CANARYWRONG", kind: .bot))
                Issue.record("a wrong bot token was accepted")
            } catch let error as SlackError {
                replies.append(error.description)
                #expect(error == .authenticationFailed(method: "chat.postMessage", code: "invalid_auth", tokenKind: .bot))
            }
            let everything = capture.all + replies.all + events.all.map { "\($0)" }
            #expect(capture.all.count >= 3, "the client logged too little for this check to mean anything")
            for line in everything {
                #expect(!line.contains("CANARY"), "leaked: \(line)")
            }
        }
    }

    @Test func aFatalErrorLogsNoToken() async throws {
        let capture = LogCapture()
        try await SlackEmulator.withRunning(appToken: Self.appToken, botToken: Self.botToken) { emulator in
            let error = try await SocketModeRun.untilItStops(emulator, appToken: "xapp-1-A0STEWARD01-1-CANARYWRONGAPP", logger: capture.logger())
            let text = try #require(error?.description)
            #expect(text.contains("invalid_auth"))
            for line in capture.all + [text, String(reflecting: error as Any)] {
                #expect(!line.contains("CANARY"), "leaked: \(line)")
            }
            #expect(capture.all.contains { $0.contains("critical") && $0.contains("invalid_auth") })
        }
    }
}
