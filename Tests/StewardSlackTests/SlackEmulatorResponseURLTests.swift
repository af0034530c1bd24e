import AsyncHTTPClient
import Foundation
import SlackEmulator
import Testing

@Suite("Slack emulator: response_url")
struct SlackEmulatorResponseURLTests {
    @Test("a response_url takes 5 posts, then answers 404 used_url; invalid JSON is 400 and uses nothing")
    func fiveUses() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let envelopeID = try await slack.sendSlashCommand(command: "/whitelist", text: "list dev")
            let url = try #require(slack.responseURL(of: envelopeID))

            let invalid = try await http.post(url, body: "{not json")
            #expect(invalid.status == 400)
            #expect(invalid.text == "invalid_payload")
            let empty = try await http.post(url, json: ["response_type": "ephemeral"])
            #expect(empty.status == 400)

            for use in 1...5 {
                let ok = try await http.post(url, json: ["text": .string("update \(use)"), "replace_original": true])
                #expect(ok.status == 200, "use \(use): \(ok.text)")
            }
            let sixth = try await http.post(url, json: ["text": "one too many"])
            #expect(sixth.status == 404)
            #expect(sixth.text == "used_url")

            let first = try await slack.waitForFollowUp(envelopeID, use: 1)
            #expect(first.text == "update 1")
            #expect(first.replaceOriginal)
            #expect(first.responseURL == url)
            #expect(slack.records.followUps(of: envelopeID).count == 5)
            await socket.shutDown()
        }
    }

    @Test("a response_url expires after 30 minutes; unknown ones are 404")
    func expiry() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let envelopeID = try await slack.sendSlashCommand(command: "/whitelist", text: "list dev")
            let url = try #require(slack.responseURL(of: envelopeID))
            slack.ageResponseURL(of: envelopeID, by: .seconds(30 * 60 + 1))
            let expired = try await http.post(url, json: ["text": "late"])
            #expect(expired.status == 404)
            #expect(expired.text == "expired_url")
            let unknown = try await http.post("\(slack.baseURL)response/0000", json: ["text": "x"])
            #expect(unknown.status == 404)
            #expect(slack.records.followUps.isEmpty)
            await socket.shutDown()
        }
    }

    @Test("follow-ups can be awaited; delete_original needs no text", .timeLimit(.minutes(1)))
    func awaitFollowUp() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let envelopeID = try await slack.sendSlashCommand(command: "/bastion", text: "create dev")
            let url = try #require(slack.responseURL(of: envelopeID))
            let waiting = Task { try await slack.waitForFollowUp(envelopeID, use: 2) }
            #expect(try await http.post(url, json: ["text": "creating…", "response_type": "in_channel"]).status == 200)
            #expect(try await http.post(url, json: ["delete_original": true]).status == 200)
            let second = try await waiting.value
            #expect(second.deleteOriginal)
            #expect(try await slack.waitForFollowUp(envelopeID, use: 1).responseType == "in_channel")
            await socket.shutDown()
        }
    }
}
