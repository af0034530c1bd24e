import AsyncHTTPClient
import Foundation
import SlackEmulator
import Testing

@Suite("Slack emulator: Web API")
struct SlackEmulatorWebAPITests {
    @Test("apps.connections.open accepts only the app-level token, from the header")
    func connectionsOpenTokenChecks() async throws {
        try await withSlackEmulator { slack, http in
            let url = slack.apiURL + "apps.connections.open"
            let missing = try await http.post(url)
            #expect(missing.status == 200)
            #expect(missing.json?["ok"] == false)
            #expect(missing.json?["error"] == "not_authed")

            let bot = try await http.post(url, bearer: slack.botToken)
            #expect(bot.json?["error"] == "not_allowed_token_type")

            let unknown = try await http.post(url, bearer: "xapp-1-A0OTHER-1-nope")
            #expect(unknown.json?["error"] == "invalid_auth")

            let inBody = try await http.post(url, contentType: "application/x-www-form-urlencoded", body: "token=\(slack.appToken)")
            #expect(inBody.json?["error"] == "not_authed")

            let ok = try await http.post(url, bearer: slack.appToken)
            #expect(ok.status == 200)
            #expect(ok.json?["ok"] == true)
            let socketURL = try #require(ok.json?["url"]?.stringValue)
            #expect(socketURL.hasPrefix("ws://127.0.0.1:\(slack.port)/link/?ticket="))
            #expect(socketURL.hasSuffix("&app_id=\(slack.appID)"))
            #expect(slack.records.apiCalls("apps.connections.open").map(\.error) == [
                "not_authed", "not_allowed_token_type", "invalid_auth", "not_authed", nil,
            ])
        }
    }

    @Test("injected ratelimited answers 429 with Retry-After, then recovers; injected fatal errors are ok:false")
    func injectedFailures() async throws {
        try await withSlackEmulator { slack, http in
            let url = slack.apiURL + "apps.connections.open"
            slack.failNextCalls(.rateLimited(retryAfterSeconds: 2), method: "apps.connections.open", count: 2)
            for _ in 0..<2 {
                let limited = try await http.post(url, bearer: slack.appToken)
                #expect(limited.status == 429)
                #expect(limited.header("Retry-After") == "2")
                #expect(limited.json?["error"] == "ratelimited")
            }
            #expect(try await http.post(url, bearer: slack.appToken).json?["ok"] == true)

            slack.failNextCalls(.error("account_inactive"), method: "apps.connections.open")
            let fatal = try await http.post(url, bearer: slack.appToken)
            #expect(fatal.status == 200)
            #expect(fatal.json?["error"] == "account_inactive")

            slack.failNextCalls(.httpStatus(503, error: "service_unavailable"), method: "chat.postMessage")
            let outage = try await http.post(slack.apiURL + "chat.postMessage", bearer: slack.botToken, json: ["channel": "C1", "text": "x"])
            #expect(outage.status == 503)
        }
    }

    @Test("chat.postMessage needs the bot token and records accepted messages (JSON and form bodies)")
    func postMessageRecords() async throws {
        try await withSlackEmulator { slack, http in
            let url = slack.apiURL + "chat.postMessage"
            let appToken = try await http.post(url, bearer: slack.appToken, json: ["channel": "C1", "text": "hi"])
            #expect(appToken.json?["error"] == "not_allowed_token_type")
            let noText = try await http.post(url, bearer: slack.botToken, json: ["channel": "C1"])
            #expect(noText.json?["error"] == "no_text")
            let noChannel = try await http.post(url, bearer: slack.botToken, json: ["text": "hi"])
            #expect(noChannel.json?["error"] == "channel_not_found")

            let ok = try await http.post(url, bearer: slack.botToken, json: ["channel": "C1", "text": "drift: none"])
            #expect(ok.json?["ok"] == true)
            #expect(ok.json?["channel"] == "C1")
            #expect(ok.json?["ts"]?.stringValue != nil)

            let blocks = #"[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}]"#
            let form = "channel=C2&text=fallback+text&blocks=\(blocks.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            let formOK = try await http.post(url, contentType: "application/x-www-form-urlencoded", body: "token=\(slack.botToken)&" + form)
            #expect(formOK.json?["ok"] == true)

            let second = try await slack.waitForPostedMessage(number: 2)
            #expect(second.channel == "C2")
            #expect(second.text == "fallback text")
            #expect(second.blocks?[0]?["type"] == "section")
        }
    }

    @Test("Block Kit limits: at the limit accepted, one over rejected with invalid_blocks", arguments: BlockLimitCase.all)
    func blockKitLimits(_ limit: BlockLimitCase) async throws {
        try await withSlackEmulator(configure: { $0.postMessageInterval = nil }) { slack, http in
            let url = slack.apiURL + "chat.postMessage"
            let atLimit = try await http.post(url, bearer: slack.botToken, json: ["channel": "C1", "text": "t", "blocks": limit.blocks(limit.max)])
            #expect(atLimit.json?["ok"] == true, "\(limit.name) at \(limit.max): \(atLimit.text)")
            let over = try await http.post(url, bearer: slack.botToken, json: ["channel": "C1", "text": "t", "blocks": limit.blocks(limit.max + 1)])
            #expect(over.json?["ok"] == false)
            #expect(over.json?["error"] == "invalid_blocks", "\(limit.name) at \(limit.max + 1): \(over.text)")
            #expect(slack.records.postedMessages.count == 1)
        }
    }

    @Test("chat.postMessage is limited per channel: 429 with Retry-After, other channels unaffected")
    func postMessageRateLimit() async throws {
        try await withSlackEmulator(configure: { $0.postMessageInterval = .seconds(30) }) { slack, http in
            let url = slack.apiURL + "chat.postMessage"
            #expect(try await http.post(url, bearer: slack.botToken, json: ["channel": "C1", "text": "1"]).json?["ok"] == true)
            let limited = try await http.post(url, bearer: slack.botToken, json: ["channel": "C1", "text": "2"])
            #expect(limited.status == 429)
            #expect(limited.json?["error"] == "ratelimited")
            let retryAfter = try #require(limited.header("Retry-After").flatMap(Int.init))
            #expect((1...30).contains(retryAfter))
            #expect(try await http.post(url, bearer: slack.botToken, json: ["channel": "C2", "text": "3"]).json?["ok"] == true)
            #expect(slack.records.postedMessages.map(\.text) == ["1", "3"])
        }
    }

    @Test("auth.test checks the token")
    func authTest() async throws {
        try await withSlackEmulator { slack, http in
            let url = slack.apiURL + "auth.test"
            #expect(try await http.post(url).json?["error"] == "not_authed")
            #expect(try await http.post(url, bearer: "xoxb-forged").json?["error"] == "invalid_auth")
            let ok = try await http.post(url, bearer: slack.botToken)
            #expect(ok.json?["ok"] == true)
            #expect(ok.json?["user_id"]?.stringValue == slack.configuration.botUserID)
            #expect(try await http.post(slack.apiURL + "no.such.method", bearer: slack.botToken).json?["error"] == "unknown_method")
        }
    }
}

/// One Block Kit limit, with a message builder that puts `n` items where the limit applies.
struct BlockLimitCase: Sendable, CustomTestStringConvertible {
    let name: String
    let max: Int
    let build: @Sendable (Int) -> SlackJSON

    func blocks(_ n: Int) -> SlackJSON { build(n) }
    var testDescription: String { "\(name) ≤ \(max)" }

    static let all: [BlockLimitCase] = [
        .init(name: "blocks per message", max: 50) { n in
            .array(Array(repeating: ["type": "divider"], count: n))
        },
        .init(name: "section text characters", max: 3000) { n in
            [["type": "section", "text": ["type": "mrkdwn", "text": .string(String(repeating: "a", count: n))]]]
        },
        .init(name: "section fields", max: 10) { n in
            [["type": "section", "fields": .array(Array(repeating: ["type": "mrkdwn", "text": "f"], count: n))]]
        },
        .init(name: "header plain_text characters", max: 150) { n in
            [["type": "header", "text": ["type": "plain_text", "text": .string(String(repeating: "h", count: n))]]]
        },
        .init(name: "context elements", max: 10) { n in
            [["type": "context", "elements": .array(Array(repeating: ["type": "mrkdwn", "text": "c"], count: n))]]
        },
    ]
}
