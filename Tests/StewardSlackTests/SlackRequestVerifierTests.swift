import Foundation
import Testing
@testable import StewardSlack

/// HTTP mode's signature check: what Slack signs passes; everything else is refused with the
/// reason, so an operator can tell a replay from a wrong secret.
@Suite struct SlackRequestVerifierTests {
    static let secret = SlackToken("8f742231b10e8888abcd99yyyzzz85a5", kind: .signingSecret)
    static let body = "token=x&team_id=T1&user_id=U1&command=%2Fwhitelist&text=list+dev&response_url=https%3A%2F%2Fhooks.slack.com%2Fx"
    static let now = Date(timeIntervalSince1970: 1_531_420_618)
    static let timestamp = "1531420618"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var timestamp: String?
        var signature: String?
        var body: String = SlackRequestVerifierTests.body
        var expected: SlackError.SignatureFailure?
        var testDescription: String { name }
    }

    static let valid = SlackRequestVerifier.signature(secret: secret, timestamp: timestamp, body: Array(body.utf8))

    static let cases: [Case] = [
        Case(name: "valid", timestamp: timestamp, signature: valid, expected: nil),
        Case(name: "valid at the edge of the window", timestamp: String(1_531_420_618 - 300),
             signature: SlackRequestVerifier.signature(secret: secret, timestamp: String(1_531_420_618 - 300), body: Array(body.utf8)),
             expected: nil),
        Case(name: "forged: signed with another secret", timestamp: timestamp,
             signature: SlackRequestVerifier.signature(secret: SlackToken("not-the-secret", kind: .signingSecret), timestamp: timestamp,
                                                       body: Array(body.utf8)), expected: .mismatch),
        Case(name: "forged: body altered after signing", timestamp: timestamp, signature: valid,
             body: body.replacingOccurrences(of: "list+dev", with: "teardown+prod"), expected: .mismatch),
        Case(name: "forged: timestamp altered after signing", timestamp: "1531420619", signature: valid, expected: .mismatch),
        Case(name: "forged: truncated signature", timestamp: timestamp, signature: String(valid.dropLast()), expected: .mismatch),
        Case(name: "forged: upper-case hex", timestamp: timestamp, signature: "v0=" + valid.dropFirst(3).uppercased(), expected: .mismatch),
        Case(name: "replayed: 301 s old", timestamp: String(1_531_420_618 - 301),
             signature: SlackRequestVerifier.signature(secret: secret, timestamp: String(1_531_420_618 - 301), body: Array(body.utf8)),
             expected: .stale),
        Case(name: "replayed: from the future", timestamp: String(1_531_420_618 + 3600),
             signature: SlackRequestVerifier.signature(secret: secret, timestamp: String(1_531_420_618 + 3600), body: Array(body.utf8)),
             expected: .stale),
        Case(name: "unsigned: no signature header", timestamp: timestamp, signature: nil, expected: .missingHeaders),
        Case(name: "unsigned: no timestamp header", timestamp: nil, signature: valid, expected: .missingHeaders),
        Case(name: "unsigned: empty signature", timestamp: timestamp, signature: "", expected: .missingHeaders),
        Case(name: "malformed timestamp", timestamp: "yesterday", signature: valid, expected: .malformedTimestamp),
        Case(name: "wrong version v1", timestamp: timestamp, signature: "v1=" + valid.dropFirst(3), expected: .unsupportedVersion),
    ]

    @Test(arguments: cases)
    func verifies(_ testCase: Case) {
        let verifier = SlackRequestVerifier(signingSecret: Self.secret)
        let result = Result { () throws(SlackError) in
            try verifier.verify(timestamp: testCase.timestamp, signature: testCase.signature, body: Array(testCase.body.utf8), now: Self.now)
        }
        switch (result, testCase.expected) {
        case (.success, nil):
            break
        case (.failure(let error), let expected?):
            #expect(error == .signatureRejected(expected))
        case (.success, let expected?):
            Issue.record("accepted a request that should fail with \(expected)")
        case (.failure(let error), nil):
            Issue.record("rejected a valid request: \(error)")
        }
    }

    /// Slack's documented example (api.slack.com "Verifying requests from Slack").
    @Test func matchesSlacksPublishedExample() {
        let body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
            + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
            + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
        let signature = SlackRequestVerifier.signature(secret: SlackToken("8f742231b10e8888abcd99yyyzzz85a5", kind: .signingSecret),
                                                       timestamp: "1531420618", body: Array(body.utf8))
        #expect(signature == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
    }

    @Test func constantTimeCompareStillComparesEveryByte() {
        #expect(SlackRequestVerifier.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!SlackRequestVerifier.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!SlackRequestVerifier.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!SlackRequestVerifier.constantTimeEqual([], Array("a".utf8)))
    }

    @Test func formBodyDecodesIntoASlashCommand() throws {
        let command = try #require(SlashCommand(formBody: Self.body))
        #expect(command.command == "/whitelist")
        #expect(command.text == "list dev")
        #expect(command.userID == "U1")
        #expect(command.responseURL == "https://hooks.slack.com/x")
        #expect(SlashCommand(formBody: "text=list") == nil)
    }
}
