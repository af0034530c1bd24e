import AsyncHTTPClient
import Foundation
import SlackEmulator
import Testing
import WSClient

@Suite("Slack emulator: Socket Mode")
struct SlackEmulatorSocketModeTests {
    @Test("hello is the first frame, and the connection URL is single-use")
    func helloFirstAndSingleUseURL() async throws {
        try await withSlackEmulator { slack, http in
            let url = try await slack.openSocketURL(http)
            let socket = EmulatorProbeSocket(url: url)
            let hello = try await socket.nextFrame()
            #expect(hello["type"] == "hello")
            #expect(hello["num_connections"]?.intValue == 1)
            #expect(hello["connection_info"]?["app_id"]?.stringValue == slack.appID)
            #expect(hello["debug_info"]?["approximate_connection_time"]?.intValue == 18_060)
            #expect(try await slack.waitForConnection(number: 1).helloSent)

            let reuse = EmulatorProbeSocket(url: url)
            let ending = try await reuse.ending()
            #expect(ending.upgradeFailed, "reused URL: \(ending)")
            #expect(slack.records.connections.count == 1)
            #expect(slack.openConnectionCount == 1)
            await socket.shutDown()
            #expect(try await slack.waitForClose(of: SlackConnectionID(1)).state == .closed(.closedByClient))
        }
    }

    @Test("a slash command arrives as an envelope with Slack's fields; the ack is recorded with latency")
    func slashCommandEnvelopeAndAck() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let envelopeID = try await slack.sendSlashCommand(
                command: "/whitelist", text: "add 203.0.113.10 office --env dev", userID: "U123", channelID: "C456"
            )
            let envelope = try await socket.nextFrame()
            #expect(envelope["envelope_id"]?.stringValue == envelopeID)
            #expect(envelope["type"] == "slash_commands")
            #expect(envelope["accepts_response_payload"] == true)
            let payload = try #require(envelope["payload"])
            #expect(payload["command"] == "/whitelist")
            #expect(payload["text"] == "add 203.0.113.10 office --env dev")
            #expect(payload["user_id"] == "U123")
            #expect(payload["channel_id"] == "C456")
            #expect(payload["api_app_id"]?.stringValue == slack.appID)
            for field in ["team_id", "team_domain", "channel_name", "user_name", "trigger_id", "token"] {
                #expect(payload[field]?.stringValue != nil, "missing \(field)")
            }
            let responseURL = try #require(payload["response_url"]?.stringValue)
            #expect(responseURL.hasPrefix("http://127.0.0.1:\(slack.port)/response/"))
            #expect(slack.responseURL(of: envelopeID) == responseURL)

            socket.ack(envelopeID, payload: ["text": "Added 203.0.113.10/32 to dev", "response_type": "ephemeral"])
            let ack = try await slack.waitForAck(envelopeID)
            #expect(ack.matched)
            #expect(!ack.late)
            #expect(!ack.duplicate)
            #expect(ack.connectionID == SlackConnectionID(1))
            #expect(ack.payload?["text"] == "Added 203.0.113.10/32 to dev")
            #expect(ack.payloadProblems.isEmpty)
            let latency = try #require(ack.latency)
            #expect(latency >= .zero && latency < .seconds(3))
            await socket.shutDown()
        }
    }

    @Test("each envelope goes to exactly one of the open connections")
    func oneConnectionPerEnvelope() async throws {
        try await withSlackEmulator { slack, http in
            let (first, _) = try await slack.connectProbe(http)
            let (second, secondHello) = try await slack.connectProbe(http)
            #expect(secondHello["num_connections"]?.intValue == 2)
            // Both sockets ack whatever they get, so every delivery shows up as an ack from its socket.
            let acking = Task {
                await withTaskGroup(of: Void.self) { group in
                    for socket in [first, second] {
                        group.addTask {
                            while let frame = try? await socket.nextFrame(timeout: .seconds(10)),
                                let id = frame["envelope_id"]?.stringValue
                            {
                                socket.ack(id)
                            }
                        }
                    }
                }
            }
            var envelopeIDs: [String] = []
            for index in 0..<6 {
                envelopeIDs.append(try await slack.sendSlashCommand(command: "/infra", text: "status env\(index)"))
            }
            for id in envelopeIDs { try await slack.waitForAck(id) }
            // The emulator records a delivery before writing it, so a second copy would show here.
            let records = slack.records
            #expect(records.deliveries.count == 6)
            for id in envelopeIDs {
                #expect(records.deliveries(of: id).count == 1)
                #expect(records.acks(of: id).count == 1)
                #expect(records.acks(of: id).first?.connectionID == records.deliveries(of: id).first?.connectionID)
            }
            let perConnection = Dictionary(grouping: records.deliveries, by: \.connectionID).mapValues(\.count)
            #expect(perConnection == [SlackConnectionID(1): 3, SlackConnectionID(2): 3])
            await first.shutDown()
            await second.shutDown()
            acking.cancel()
            await acking.value
        }
    }

    @Test("an unacked event is redelivered with retry_attempt + 1 and retry_reason timeout")
    func eventRedeliveryAfterDeadline() async throws {
        try await withSlackEmulator(configure: { $0.ackDeadline = .milliseconds(300) }) { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let envelopeID = await slack.sendEvent(["type": "app_mention", "text": "<@U0BOT> drift"], eventID: "Ev0001")
            let original = try await socket.nextFrame()
            #expect(original["type"] == "events_api")
            #expect(original["retry_attempt"]?.intValue == 0)
            #expect(original["payload"]?["event_id"] == "Ev0001")
            // Not acked: the deadline passes.
            let retry = try await socket.nextFrame()
            #expect(retry["envelope_id"]?.stringValue == envelopeID)
            #expect(retry["retry_attempt"]?.intValue == 1)
            #expect(retry["retry_reason"] == "timeout")
            #expect(retry["payload"]?["event_id"] == "Ev0001")
            let timeout = try await slack.waitForAckTimeout(envelopeID)
            #expect(timeout.outcome == .redelivered)

            socket.ack(envelopeID)
            let ack = try await slack.waitForAck(envelopeID)
            #expect(!ack.late)
            await socket.shutDown()
        }
    }

    @Test("events give up after the retries; slash commands time out for the user and a late ack is marked late")
    func deadlineOutcomes() async throws {
        try await withSlackEmulator(configure: {
            $0.ackDeadline = .milliseconds(200)
            $0.maxEventRetries = 1
        }) { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let event = await slack.sendEvent(["type": "app_mention"])
            let last = try await slack.waitForAckTimeout(event, attempt: 1)
            #expect(last.outcome == .gaveUp)
            #expect(slack.records.deliveries(of: event).map(\.attempt) == [0, 1])

            let command = try await slack.sendSlashCommand(command: "/bastion", text: "status dev")
            let timeout = try await slack.waitForAckTimeout(command)
            #expect(timeout.outcome == .userSawTimeout)
            socket.ack(command)
            let ack = try await slack.waitForAck(command)
            #expect(ack.late)
            #expect(slack.records.deliveries(of: command).count == 1)
            await socket.shutDown()
        }
    }

    @Test("events wait while no connection is open and go out after the next hello")
    func pendingEventsDeliveredOnConnect() async throws {
        try await withSlackEmulator { slack, http in
            let envelopeID = await slack.sendEvent(["type": "app_mention"])
            #expect(slack.records.pendingEventCount == 1)
            await #expect(throws: SlackEmulatorError.self) {
                try await slack.sendSlashCommand(command: "/infra", text: "status dev")
            }
            let (socket, _) = try await slack.connectProbe(http)
            let frame = try await socket.nextFrame()
            #expect(frame["envelope_id"]?.stringValue == envelopeID)
            #expect(slack.records.pendingEventCount == 0)
            await socket.shutDown()
        }
    }

    @Test("frames that are not acks are recorded as protocol violations")
    func violations() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            socket.sendRaw("not json")
            socket.send(["type": "ack-without-id"])
            let seen = try await slack.waitUntil("two violations") { $0.violations.count >= 2 ? $0.violations : nil }
            #expect(seen.map(\.connectionID) == [SlackConnectionID(1), SlackConnectionID(1)])
            await socket.shutDown()
        }
    }
}
