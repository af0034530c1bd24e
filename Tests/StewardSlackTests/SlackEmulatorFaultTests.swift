import AsyncHTTPClient
import Foundation
import SlackEmulator
import Testing
import WSClient

@Suite("Slack emulator: faults")
struct SlackEmulatorFaultTests {
    @Test("disconnect sends Slack's message, then closes with a close frame after the grace period")
    func disconnectThenClose() async throws {
        try await withSlackEmulator(configure: { $0.disconnectGracePeriod = .milliseconds(300) }) { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            let told = try await slack.disconnect(reason: .refreshRequested)
            #expect(told == [SlackConnectionID(1)])
            let message = try await socket.nextFrame()
            #expect(message["type"] == "disconnect")
            #expect(message["reason"] == "refresh_requested")
            let record = try await slack.waitForClose(of: SlackConnectionID(1))
            #expect(record.state == .closed(.closedAfterDisconnect(.refreshRequested)))
            #expect(record.disconnectsSent == [.refreshRequested])
            let ending = try await socket.ending()
            #expect(ending.closeCode != nil, "expected a close frame, got \(ending)")
        }
    }

    @Test("an abrupt drop ends the client's socket without a close frame")
    func abruptDrop() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            #expect(try slack.dropAbruptly() == [SlackConnectionID(1)])
            let ending = try await socket.ending()
            #expect(ending.closeCode == nil, "a dropped TCP connection carries no close frame: \(ending)")
            #expect(slack.records.connection(SlackConnectionID(1))?.state == .closed(.droppedByServer))
            #expect(slack.openConnectionCount == 0)
            await #expect(throws: SlackEmulatorError.self) {
                try await slack.sendSlashCommand(command: "/infra", text: "status dev")
            }
        }
    }

    @Test("connections beyond the per-app limit get too_many_websockets instead of hello")
    func tooManyWebsockets() async throws {
        try await withSlackEmulator(configure: { $0.maxConnectionsPerApp = 2 }) { slack, http in
            let (first, _) = try await slack.connectProbe(http)
            let (second, _) = try await slack.connectProbe(http)
            let third = EmulatorProbeSocket(url: try await slack.openSocketURL(http))
            let frame: SlackJSON
            do {
                frame = try await third.nextFrame()
            } catch {
                Issue.record("no frame on the over-limit socket; emulator saw \(slack.records.connections)")
                throw error
            }
            #expect(frame["type"] == "disconnect")
            #expect(frame["reason"] == "too_many_websockets")
            let ending = try await third.ending()
            #expect(ending.closeCode != nil)
            let record = try #require(slack.records.connection(SlackConnectionID(3)))
            #expect(record.state == .closed(.rejectedTooManyWebsockets))
            #expect(!record.helloSent)
            #expect(slack.openConnectionCount == 2)
            await first.shutDown()
            await second.shutDown()
        }
    }

    @Test("a silent connection stops answering pings and swallows envelopes, yet still counts as open")
    func silentGhost() async throws {
        try await withSlackEmulator(configure: { $0.ackDeadline = .milliseconds(300) }) { slack, http in
            // Both clients ping every 250 ms and give up when a pong is missing.
            let (ghost, _) = try await slack.connectProbe(http, autoPing: .enabled(timePeriod: .milliseconds(250)))
            let (healthy, _) = try await slack.connectProbe(http, autoPing: .enabled(timePeriod: .milliseconds(250)))
            #expect(try slack.goSilent(connection: SlackConnectionID(1)) == [SlackConnectionID(1)])

            let ending = try await ghost.ending()
            #expect(ending.closeCode == nil, "the ghost never answers, so no close frame: \(ending)")
            // Slack never noticed: the ghost still counts and still gets envelopes.
            #expect(slack.openConnectionCount == 2)
            #expect(slack.records.connection(SlackConnectionID(1))?.state == .silent)

            // The healthy connection's pongs kept it alive all along.
            let commands = [
                try await slack.sendSlashCommand(command: "/infra", text: "status a"),
                try await slack.sendSlashCommand(command: "/infra", text: "status b"),
            ]
            let deliveries = commands.compactMap { slack.records.deliveries(of: $0).first }
            let swallowed = try #require(deliveries.first { $0.swallowed })
            #expect(swallowed.connectionID == SlackConnectionID(1))
            let delivered = try #require(deliveries.first { !$0.swallowed })
            let frame = try await healthy.nextFrame()
            #expect(frame["envelope_id"]?.stringValue == delivered.envelopeID)
            healthy.ack(delivered.envelopeID)
            try await slack.waitForAck(delivered.envelopeID)
            #expect(try await slack.waitForAckTimeout(swallowed.envelopeID).outcome == .userSawTimeout)

            #expect(try slack.dropAbruptly(connection: SlackConnectionID(1)) == [SlackConnectionID(1)])
            try await slack.waitForOpenConnections(1)
            await healthy.shutDown()
        }
    }

    @Test("server pings are answered by the client's WebSocket layer without disturbing the connection")
    func serverPing() async throws {
        try await withSlackEmulator { slack, http in
            let (socket, _) = try await slack.connectProbe(http)
            try await slack.sendPing()
            #expect(slack.records.connection(SlackConnectionID(1))?.pingsSent == 1)
            let envelopeID = try await slack.sendSlashCommand(command: "/infra", text: "status dev")
            #expect(try await socket.nextFrame()["envelope_id"]?.stringValue == envelopeID)
            await socket.shutDown()
        }
    }

    @Test("stop closes open connections and fails pending waits")
    func stopEndsEverything() async throws {
        var configuration = SlackEmulatorConfiguration()
        configuration.logger.logLevel = .critical
        let slack = try await SlackEmulator.start(configuration: configuration)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(2))))
        do {
            let (socket, _) = try await slack.connectProbe(http)
            let waiter = Task { try await slack.waitForConnection(number: 5, timeout: .seconds(30)) }
            await slack.stop()
            await #expect(throws: SlackEmulatorError.self) { try await waiter.value }
            _ = try await socket.ending()
            #expect(slack.records.connection(SlackConnectionID(1))?.state == .closed(.emulatorStopped))
            await slack.stop()  // idempotent
            try await http.shutdown()
        } catch {
            await slack.stop()
            try? await http.shutdown()
            throw error
        }
    }
}
