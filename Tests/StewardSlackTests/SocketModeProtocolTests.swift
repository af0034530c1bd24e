import Foundation
import SlackEmulator
import StewardSlack
import Synchronization
import Testing

/// The Socket Mode client against the Slack emulator: hello, fast acks with the reply as
/// payload, new-before-old on `disconnect`, recovery from abrupt drops and half-open sockets,
/// rate limits, fatal token errors, and no command lost or applied twice across reconnects.
@Suite(.serialized) struct SocketModeProtocolTests {
    @Test func helloThenEachSlashCommandIsAckedWithItsReplyWellInsideTheDeadline() async throws {
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator) { events in
                let connection = try await emulator.waitForConnection(number: 1)
                #expect(connection.helloSent)
                #expect(await events.wait { $0.contains(.connected(id: 1)) })
                for index in 0..<5 {
                    let envelope = try await emulator.sendSlashCommand(command: "/whitelist", text: "list dev \(index)")
                    let ack = try await emulator.waitForAck(envelope)
                    #expect(ack.matched && !ack.late && !ack.duplicate)
                    #expect(ack.payloadProblems.isEmpty, "\(ack.payloadProblems)")
                    #expect(ack.payload?["text"]?.stringValue == "ok: /whitelist list dev \(index)")
                    let latency = try #require(ack.latency)
                    #expect(latency < .seconds(1), "ack took \(latency); Slack's deadline is 3 s")
                }
            }
        }
    }

    @Test func theAckIsSentWhenTheReplyIsReadyNotLater() async throws {
        // The handler's own time dominates the ack latency: nothing else waits in between.
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator, handler: { _ in
                try? await Task.sleep(for: .milliseconds(300))
                return SlackMessage(text: "queued: slow store")
            }) { _ in
                try await emulator.waitForConnection(number: 1)
                let envelope = try await emulator.sendSlashCommand(command: "/infra", text: "stop dev")
                let latency = try #require(try await emulator.waitForAck(envelope).latency)
                #expect(latency >= .milliseconds(300))
                #expect(latency < .milliseconds(1300))
            }
        }
    }

    @Test(arguments: [SlackDisconnectReason.refreshRequested, .warning])
    func disconnectOpensANewConnectionBeforeClosingTheOld(reason: SlackDisconnectReason) async throws {
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator) { events in
                let first = try await emulator.waitForConnection(number: 1)
                try await emulator.disconnect(reason: reason, connection: first.id, gracePeriod: .seconds(10))
                let second = try await emulator.waitForConnection(number: 2)
                let closed = try await emulator.waitForClose(of: first.id)
                let closedAt = try #require(closed.closedAt)
                #expect(second.openedAt < closedAt, "the old connection closed before the new one opened")
                #expect(closed.state == .closed(.closedByClient), "the client, not the grace period, closed it: \(closed.state)")
                #expect(emulator.openConnectionCount == 1)
                // Commands keep flowing on the new connection.
                let envelope = try await emulator.sendSlashCommand(command: "/whitelist", text: "list dev")
                #expect(try await emulator.waitForAck(envelope).connectionID == second.id)
                #expect(await events.wait { $0.contains(.connected(id: 2)) })
            }
        }
    }

    @Test func anAbruptDropIsFollowedByANewConnectionWithinTwoSeconds() async throws {
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator) { _ in
                try await emulator.waitForConnection(number: 1)
                let dropped = ContinuousClock.now
                try emulator.dropAbruptly()
                let second = try await emulator.waitForConnection(number: 2, timeout: .seconds(5))
                let took = second.openedAt - dropped
                #expect(took < .seconds(2), "reconnected \(took) after the drop")
                let envelope = try await emulator.sendSlashCommand(command: "/whitelist", text: "list dev")
                #expect(try await emulator.waitForAck(envelope).connectionID == second.id)
            }
        }
    }

    @Test func aSilentHalfOpenConnectionIsReplacedThroughMissedPongs() async throws {
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator, configuration: SocketModeRun.configuration(ping: .milliseconds(500))) { _ in
                let first = try await emulator.waitForConnection(number: 1)
                let silent = ContinuousClock.now
                try emulator.goSilent()
                let second = try await emulator.waitForConnection(number: 2, timeout: .seconds(8))
                let took = second.openedAt - silent
                // Dead after one unanswered ping period, detected by the next: within two periods (+ reconnect).
                #expect(took < .seconds(3), "replaced the half-open connection after \(took)")
                // Slack keeps routing to a ghost until its TCP connection really ends; end it.
                _ = try? emulator.dropAbruptly(connection: first.id)
                let envelope = try await emulator.sendSlashCommand(command: "/whitelist", text: "list dev")
                #expect(try await emulator.waitForAck(envelope).connectionID == second.id)
            }
        }
    }

    @Test func aRateLimitedOpenIsRetriedAfterRetryAfter() async throws {
        try await SlackEmulator.withRunning { emulator in
            emulator.failNextCalls(.rateLimited(retryAfterSeconds: 1), method: "apps.connections.open", count: 2)
            try await SocketModeRun.with(emulator) { events in
                try await emulator.waitForConnection(number: 1, timeout: .seconds(8))
                let calls = try await emulator.waitForAPICalls("apps.connections.open", count: 3)
                #expect(calls[0].error == "ratelimited" && calls[0].retryAfter == 1)
                #expect(calls[1].at - calls[0].at >= .milliseconds(950), "retried \(calls[1].at - calls[0].at) after a Retry-After of 1 s")
                #expect(calls[2].at - calls[1].at >= .milliseconds(950))
                #expect(calls[2].succeeded)
                #expect(events.all.contains { if case .reconnecting(_, let after) = $0 { after >= .seconds(1) } else { false } })
            }
        }
    }

    @Test(arguments: ["invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive"])
    func fatalTokenErrorsStopTheClientWithAClearError(code: String) async throws {
        try await SlackEmulator.withRunning { emulator in
            emulator.failNextCalls(.error(code), method: "apps.connections.open")
            let error = try await SocketModeRun.untilItStops(emulator)
            #expect(error == .authenticationFailed(method: "apps.connections.open", code: code, tokenKind: .app))
            let text = try #require(error?.description)
            #expect(text.contains(code) && text.contains("SLACK_APP_TOKEN") && text.contains("Not retrying"))
            #expect(!text.contains(emulator.appToken))
            // It stopped: no further attempts.
            #expect(emulator.records.apiCalls("apps.connections.open").count == 1)
        }
    }

    @Test func aWrongAppTokenIsRefusedByTheServerAndStopsTheClient() async throws {
        try await SlackEmulator.withRunning { emulator in
            let error = try await SocketModeRun.untilItStops(emulator, appToken: "xapp-1-A0STEWARD01-1-wrongwrongwrong")
            guard case .authenticationFailed(_, let code, .app)? = error else {
                Issue.record("expected an authentication failure, got \(String(describing: error))")
                return
            }
            #expect(code == "invalid_auth")
        }
    }

    @Test func transientOpenFailuresBackOffAndRecover() async throws {
        try await SlackEmulator.withRunning { emulator in
            emulator.failNextCalls(.httpStatus(503, error: "service_unavailable"), method: "apps.connections.open", count: 3)
            try await SocketModeRun.with(emulator) { _ in
                try await emulator.waitForConnection(number: 1, timeout: .seconds(10))
                let calls = emulator.records.apiCalls("apps.connections.open")
                #expect(calls.count == 4)
            }
        }
    }

    /// 60 commands in bursts while the server asks for refreshes twice and later drops the
    /// connection: every command is acked with its own reply and handled exactly once. (An
    /// abrupt drop loses what was in flight on that socket — Slack shows the user a failure
    /// and does not redeliver slash commands — so the drop comes between bursts, and commands
    /// refused with `dispatch_failed` while no connection is up are retried, as a person would.)
    @Test func aBurstAcrossReconnectsLosesNothingAndAppliesNothingTwice() async throws {
        try await SlackEmulator.withRunning { emulator in
            let handled = Mutex<[String: Int]>([:])
            try await SocketModeRun.with(emulator, handler: { command in
                handled.withLock { $0[command.text, default: 0] += 1 }
                return SlackMessage(text: "queued: \(command.text)")
            }) { _ in
                try await emulator.waitForConnection(number: 1)
                var envelopes: [(text: String, envelope: String)] = []
                func send(_ index: Int) async throws {
                    let text = "add 203.0.113.\(index) --env dev"
                    for _ in 0..<50 {
                        do {
                            envelopes.append((text, try await emulator.sendSlashCommand(command: "/whitelist", text: text)))
                            return
                        } catch SlackEmulatorError.noOpenConnection {
                            // Wait for a connection that has said hello (one mid-handshake can't take envelopes).
                            _ = try? await emulator.waitUntil("a ready connection", timeout: .seconds(5)) { records in
                                records.openConnections.contains { $0.helloSent } ? true : nil
                            }
                        }
                    }
                    Issue.record("could not dispatch \(text): no connection came back")
                }
                for index in 0..<30 {
                    if index == 10 { try await emulator.disconnect(reason: .refreshRequested, gracePeriod: .seconds(10)) }
                    if index == 20 { try await emulator.disconnect(reason: .warning, gracePeriod: .seconds(10)) }
                    try await send(index)
                }
                for (_, envelope) in envelopes { _ = try? await emulator.waitForAck(envelope, timeout: .seconds(10)) }
                // The refresh's replacement is up (and the old socket closed) before the drop.
                try await emulator.waitForConnection(number: 2)
                try await emulator.waitForOpenConnections(1)
                _ = try? emulator.dropAbruptly()
                for index in 30..<60 { try await send(index) }
                var lost: [String] = []
                for (text, envelope) in envelopes {
                    do {
                        let ack = try await emulator.waitForAck(envelope, timeout: .seconds(10))
                        #expect(ack.payload?["text"]?.stringValue == "queued: \(text)")
                        #expect(!ack.late)
                    } catch {
                        lost.append(text)
                    }
                }
                #expect(lost.isEmpty, "never acked: \(lost)")
                let counts = handled.withLock { $0 }
                #expect(counts.count == 60)
                #expect(counts.values.allSatisfy { $0 == 1 }, "handled more than once: \(counts.filter { $0.value > 1 })")
                #expect(emulator.records.connections.count >= 3)
                #expect(emulator.records.acks.allSatisfy { !$0.duplicate })
            }
        }
    }

    /// 300 commands sent back to back, without waiting for acks, while the server asks for a
    /// refresh every 100 (closing the old socket itself after Slack's ten seconds): replacements
    /// overlap the burst, and the server goes on routing envelopes to sockets being replaced,
    /// which must keep reading and acking until they are quiet. Every command is acked once.
    @Test func aBackToBackBurstWithRefreshesEveryHundredLosesNothing() async throws {
        try await SlackEmulator.withRunning { emulator in
            let handled = Mutex<[String: Int]>([:])
            // Edits are serialised and take a few milliseconds each, as store writes do, so the
            // burst outruns them and work is still queued when a socket is replaced.
            let store = SerialEditor(editTime: .milliseconds(3))
            try await SocketModeRun.with(emulator, handler: { command in
                await store.edit()
                handled.withLock { $0[command.text, default: 0] += 1 }
                return SlackMessage(text: "queued: \(command.text)")
            }) { _ in
                try await emulator.waitForConnection(number: 1)
                var envelopes: [String] = []
                for index in 0..<300 {
                    if index > 0, index % 100 == 0 {
                        try await emulator.disconnect(reason: .refreshRequested)
                        // Once the replacement is up, the server routes to it and to the old
                        // socket (which is draining) in turn: the overlap under test.
                        try await emulator.waitForConnection(number: index / 100 + 1)
                    }
                    envelopes.append(try await emulator.sendSlashCommand(command: "/whitelist", text: "add 10.0.\(index / 256).\(index % 256) --env dev"))
                }
                var lost: [String] = []
                for envelope in envelopes where (try? await emulator.waitForAck(envelope, timeout: lost.isEmpty ? .seconds(10) : .milliseconds(1))) == nil {
                    lost.append(envelope)
                }
                let records = emulator.records
                let described = lost.prefix(5).map { envelope in
                    records.deliveries(of: envelope).map { delivery in
                        let connection = records.connection(delivery.connectionID)
                        return "\(envelope) → \(delivery.connectionID) (\(String(describing: connection?.state)), sent \(delivery.sentAt), closed \(String(describing: connection?.closedAt)))"
                    }.joined(separator: "; ")
                }
                #expect(lost.isEmpty, "\(lost.count) never acked, e.g. \(described)")
                let counts = handled.withLock { $0 }
                #expect(counts.count == 300)
                #expect(counts.values.allSatisfy { $0 == 1 })
                #expect(records.acks.allSatisfy { !$0.duplicate && !$0.late })
                #expect(records.violations.isEmpty, "\(records.violations)")
                // The replacements happened, and sockets being replaced took envelopes meanwhile.
                #expect(records.connections.count >= 3)
                #expect(Set(records.deliveries.map(\.connectionID)).count >= 3)
            }
        }
    }

    /// The same command delivered twice (a retry under a new envelope id) is acked twice with
    /// the same reply and handled once.
    @Test func aRedeliveredCommandIsAckedButNotHandledAgain() async throws {
        try await SlackEmulator.withRunning { emulator in
            let handled = Mutex(0)
            try await SocketModeRun.with(emulator, handler: { _ in
                handled.withLock { $0 += 1 }
                return SlackMessage(text: "queued: once")
            }) { _ in
                try await emulator.waitForConnection(number: 1)
                let payload: SlackJSON = [
                    "command": "/whitelist", "text": "add 203.0.113.10 --env dev", "user_id": "U0ALICE",
                    "channel_id": "C0OPS", "trigger_id": "111.222.retry", "response_url": "http://127.0.0.1:9/response/x",
                ]
                let first = try await emulator.sendEnvelope(type: .slashCommands, payload: payload)
                let second = try await emulator.sendEnvelope(type: .slashCommands, payload: payload)
                #expect(try await emulator.waitForAck(first).payload?["text"]?.stringValue == "queued: once")
                #expect(try await emulator.waitForAck(second).payload?["text"]?.stringValue == "queued: once")
                #expect(handled.withLock { $0 } == 1)
            }
        }
    }

    @Test func eventsAreAckedWithoutAPayload() async throws {
        try await SlackEmulator.withRunning { emulator in
            try await SocketModeRun.with(emulator) { _ in
                try await emulator.waitForConnection(number: 1)
                let envelope = await emulator.sendEvent(["type": "app_mention", "text": "<@U0STEWARDBOT> hi", "user": "U0ALICE"])
                let ack = try await emulator.waitForAck(envelope)
                #expect(ack.payload == nil)
                #expect(!ack.late)
            }
        }
    }

    @Test func stoppingClosesTheConnection() async throws {
        try await SlackEmulator.withRunning { emulator in
            var first: SlackConnectionID?
            try await SocketModeRun.with(emulator) { _ in
                first = try await emulator.waitForConnection(number: 1).id
            }
            let closed = try await emulator.waitForClose(of: try #require(first), timeout: .seconds(5))
            #expect(closed.state == .closed(.closedByClient))
        }
    }
}

/// A stand-in for the desired-state store: one edit at a time, each taking `editTime`.
actor SerialEditor {
    let editTime: Duration
    init(editTime: Duration) { self.editTime = editTime }
    func edit() async {
        let deadline = ContinuousClock.now + editTime
        // Busy until the deadline so the actor is held, as a synchronous file write holds it.
        while ContinuousClock.now < deadline {}
    }
}
