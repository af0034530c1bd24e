import AsyncHTTPClient
import Foundation
import StewardTestSupport
import NIOCore
import StewardSlack
import Testing

/// HTTP mode through `steward run`: `/slack/commands` answers a correctly signed command with
/// the same reply Socket Mode would ack, and refuses unsigned, forged and replayed requests
/// with 401, changing nothing.
@Suite(.serialized) struct SlackHTTPModeTests {
    static let secret = "CANARYSIGNINGSECRET0a1b2c3d"

    func post(_ url: String, body: String, timestamp: String?, signature: String?) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if let timestamp { request.headers.add(name: "X-Slack-Request-Timestamp", value: timestamp) }
        if let signature { request.headers.add(name: "X-Slack-Signature", value: signature) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    @Test func signedCommandsAreAnsweredAndEverythingElseGets401() async throws {
        try await SlackEstate.with { estate in
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", "slack:\n  mode: http\n  allowed_channels: [C0OPS]\n")
            var environment = estate.moto.clientEnvironment
            environment["SLACK_SIGNING_SECRET"] = Self.secret
            estate.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s",
                 "--config", estate.root.appendingPathComponent("steward.yaml").path], in: estate.root, environment: environment)
            let daemon = try #require(estate.daemon)
            let url = "http://" + (try await daemon.waitForLine("listening on ")).trimmingCharacters(in: .whitespaces) + "/slack/commands"
            let body = "team_id=T1&channel_id=C0OPS&user_id=U0ALICE&command=%2Fwhitelist&text=add+203.0.113.10+--env+dev"
                + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse%2Fx&trigger_id=1.2.3"
            let now = String(Int(Date().timeIntervalSince1970))
            let key = SlackToken(Self.secret, kind: .signingSecret)
            let signed = SlackRequestVerifier.signature(secret: key, timestamp: now, body: Array(body.utf8))
            let before = estate.desiredText()

            let old = String(Int(Date().timeIntervalSince1970) - 400)
            let refusals: [(String, String?, String?)] = [
                ("unsigned", nil, nil),
                ("forged", now, SlackRequestVerifier.signature(secret: SlackToken("wrong", kind: .signingSecret), timestamp: now, body: Array(body.utf8))),
                ("replayed", old, SlackRequestVerifier.signature(secret: key, timestamp: old, body: Array(body.utf8))),
                ("wrong version", now, "v1=" + signed.dropFirst(3)),
            ]
            for (name, timestamp, signature) in refusals {
                let response = try await post(url, body: body, timestamp: timestamp, signature: signature)
                #expect(response.status == 401, "\(name): \(response.status)")
                #expect(!response.body.contains("queued"))
            }
            #expect(estate.desiredText() == before, "a refused request changed desired state")

            let accepted = try await post(url, body: body, timestamp: now, signature: signed)
            #expect(accepted.status == 200)
            #expect(accepted.body.contains("queued: 203.0.113.10/32 added to dev"), "\(accepted.body)")
            #expect(estate.desiredText().contains("203.0.113.10/32"))
            #expect(await daemon.stop() == 0)
            #expect(!daemon.stderr.contains("CANARY") && !daemon.stdout.contains("CANARY"))
        }
    }
}
