import Foundation
import SlackEmulator
import StewardCore
import StewardTestSupport
import Testing

/// Slack with two `steward run` replicas under `ha:` (moto for AWS and DynamoDB, each replica
/// through its own counting proxy, the emulator handing envelopes round-robin over their two
/// Socket Mode connections): a command is answered exactly once, after the leader's authorize,
/// whichever replica took it; the standby writes nothing to the estate and posts nothing.
@Suite(.serialized) struct SlackHAEndToEndTests {
    static let configuration = """
    desired_state:
      yaml: desired-state
      dynamodb:
        whitelist_table: docustack-dev-ip-whitelist
        environments_table: steward-environments
        poll_interval: 30s
    ha:
      lease_table: steward-leases
      lease_duration: 3s
      renew_every: 500ms
      renew_deadline: 2s
    slack:
      mode: socket
      notify_channel: C0NOTIFY
      allowed_channels: [C0OPS]

    """

    typealias Replica = LeaseReplica
    typealias Role = LeaseReplica.Role

    /// Starts `name` through its own proxy to moto, with both Slack tokens.
    static func start(_ name: String, _ estate: SlackEstate) async throws -> Replica {
        let proxy = CountingMotoProxy(motoEndpoint: estate.moto.endpoint)
        let server = try await LocalHTTPServer.start { await proxy.handle($0) }
        let replica = Replica(name: name, proxy: proxy, server: server)
        var environment = estate.moto.clientEnvironment
        environment["AWS_ENDPOINT_URL"] = server.url
        environment["STEWARD_REPLICA_ID"] = name
        environment["SLACK_API_URL"] = estate.emulator.apiURL
        environment["SLACK_APP_TOKEN"] = SlackEstate.appToken
        environment["SLACK_BOT_TOKEN"] = SlackEstate.botToken
        do {
            replica.daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s", "--log-level", "debug",
                                                   "--config", estate.root.appendingPathComponent("steward.yaml").path],
                                                  in: estate.root, environment: environment)
            replica.base = try await replica.daemon?.baseURL()
        } catch {
            _ = await replica.daemon?.stop()
            await server.stop()
            throw error
        }
        return replica
    }

    /// Until one replica says it leads and the other names it; nil at the deadline.
    static func leader(of replicas: [Replica], within timeout: Duration) async -> Replica? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var roles: [(Replica, Role)] = []
            for replica in replicas { if let role = await replica.role() { roles.append((replica, role)) } }
            let leaders = roles.filter { $0.1.role == "leader" }
            if roles.count == replicas.count, leaders.count == 1, let leader = leaders.first?.0,
               roles.allSatisfy({ $0.1.role == "leader" || $0.1.leader == leader.name }) {
                return leader
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    @Test(.timeLimit(.minutes(8)))
    func aCommandEitherReplicaTookIsAnsweredOnceAfterTheLeadersAuthorize() async throws {
        try await SlackEstate.with { estate in
            try await estate.moto.createWhitelistTable("docustack-dev-ip-whitelist")
            try await estate.moto.createEnvironmentsTable("steward-environments")
            try await estate.moto.createLeaseTable("steward-leases")
            let groups = [try await estate.managedGroup("web"), try await estate.managedGroup("api")]
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.configuration)

            var replicas: [Replica] = []
            func stopAll() async -> [Int32?] {
                var statuses: [Int32?] = []
                for replica in replicas {
                    statuses.append(await replica.daemon?.stop())
                    await replica.server.stop()
                }
                return statuses
            }
            do {
                // One at a time, so the emulator's first connection is a's and its second b's.
                replicas.append(try await Self.start("replica-a", estate))
                try await estate.emulator.waitForOpenConnections(1, timeout: .seconds(30))
                replicas.append(try await Self.start("replica-b", estate))
                try await estate.emulator.waitForOpenConnections(2, timeout: .seconds(30))
                let leader = try #require(await Self.leader(of: replicas, within: .seconds(10)), "no single leader within 10 s")
                let standby = replicas.first { $0 !== leader }!
                let writesBefore = leader.proxy.estateWrites.count

                // Round-robin over the two connections: one command reaches each replica.
                let cidrs = ["203.0.113.11/32", "203.0.113.12/32"]
                var envelopes: [String] = []
                for cidr in cidrs {
                    envelopes.append(try await estate.emulator.sendSlashCommand(
                        command: "/whitelist", text: "add \(cidr) \"visit\" --env dev --ttl 1d", userID: "U0ALICE", channelID: "C0OPS"))
                }
                let connections = Set(envelopes.compactMap { estate.emulator.records.deliveries(of: $0).first?.connectionID })
                #expect(connections.count == 2, "both replicas must have taken a command: \(connections)")
                for envelope in envelopes {
                    let ack = try #require(try await estate.emulator.waitForAck(envelope).payload?["text"]?.stringValue)
                    #expect(ack.hasPrefix("queued: "), "\(ack)")
                }

                for (envelope, cidr) in zip(envelopes, cidrs) {
                    let followUp = try await estate.emulator.waitForFollowUp(envelope, timeout: .seconds(30))
                    let text = try #require(followUp.text)
                    #expect(text.hasPrefix("done: dev reconciled after `/whitelist add \(cidr.dropLast(3))"), "\(text)")
                    // The pass that applied it, or — when the edit was read by a pass before the
                    // leader saw the other replica's entry — the next one, which finds it in place.
                    let applied = groups.allSatisfy { text.contains("authorized \(cidr) tcp/443 on \($0)") }
                    #expect(applied || text.hasSuffix("AWS already matched desired state."), "\(text)")
                    // After the leader's authorize of it left for AWS, as its proxy timed it.
                    let authorizes = leader.proxy.estateWrites.dropFirst(writesBefore).filter { $0.action == "AuthorizeSecurityGroupIngress" }
                    let first = try #require(authorizes.map(\.at).min(), "the leader authorized nothing")
                    #expect(followUp.receivedAt > first)
                }
                for group in groups {
                    let seen = try await estate.waitForCIDRs(group, timeout: .seconds(10)) { Set(cidrs).isSubset(of: $0) }
                    #expect(Set(cidrs).isSubset(of: seen), "boto3 sees \(seen) on \(group)")
                }
                // Notifications come from the leader (one line per edit for both groups): wait for each.
                for cidr in cidrs {
                    do {
                        let line = "dev: authorized \(cidr) tcp/443 on \(groups.count) groups"
                        _ = try await estate.emulator.waitUntil(line, timeout: .seconds(20)) { records in
                            records.postedMessages.contains { $0.channel == "C0NOTIFY" && $0.text?.contains(line) == true } ? true : nil
                        }
                    }
                }
                #expect(standby.proxy.estateWrites.isEmpty, "the standby wrote to the estate: \(standby.proxy.estateWrites)")
                // One authorize per group per edit at most (two edits in one pass share one).
                let authorizes = leader.proxy.estateWrites.dropFirst(writesBefore).filter { $0.action == "AuthorizeSecurityGroupIngress" }.count
                #expect((groups.count...groups.count * cidrs.count).contains(authorizes), "\(authorizes) authorizes")

                // Stopped before counting, so nothing more can arrive.
                let statuses = await stopAll()
                let outputs = replicas.flatMap { [$0.daemon?.stdout ?? "", $0.daemon?.stderr ?? ""] }
                #expect(outputs.contains { !$0.isEmpty }, "debug logging produced nothing to check")
                replicas = []
                #expect(statuses == [0, 0], "SIGTERM must stop both cleanly: \(statuses)")
                let records = estate.emulator.records
                for envelope in envelopes {
                    #expect(records.followUps(of: envelope).count == 1, "one follow-up per command: \(records.followUps(of: envelope).map(\.text))")
                }
                for cidr in cidrs {
                    do {
                        let line = "dev: authorized \(cidr) tcp/443 on \(groups.count) groups"
                        let posts = records.postedMessages.filter { $0.channel == "C0NOTIFY" && $0.text?.contains(line) == true }
                        #expect(posts.count == 1, "\(line) notified \(posts.count) times")
                    }
                }
                #expect(records.postedMessages.allSatisfy { $0.channel == "C0NOTIFY" })
                for output in outputs {
                    for token in [SlackEstate.appToken, SlackEstate.botToken, "LEAKCANARY"] { #expect(!output.contains(token), "a replica logged a token") }
                }
            } catch {
                for replica in replicas {
                    Issue.record("\(replica.name) stderr:\n\(String(replica.daemon?.stderr.suffix(4000) ?? ""))")
                }
                _ = await stopAll()
                throw error
            }
        }
    }
}
