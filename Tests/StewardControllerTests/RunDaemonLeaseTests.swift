import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// Two `steward run` replicas with `ha:` over one moto (AWS and DynamoDB), each through its own
/// counting proxy, so every estate write is attributed to the replica that sent it. Short lease
/// durations (lease 3 s, renew every 0.5 s, deadline 2 s); every wait polls an observable state
/// (readiness, the rules boto3 sees) with a deadline.
@Suite(.serialized) struct RunDaemonLeaseTests {
    static let table = "docustack-dev-ip-whitelist"
    static let timing = LeaseTiming(leaseDuration: .seconds(3), renewEvery: .milliseconds(500), renewDeadline: .seconds(2))
    static let configuration = """
    desired_state:
      dynamodb:
        whitelist_table: \(table)
        environments_table: steward-environments
        poll_interval: 30s
    ha:
      lease_table: steward-leases
      lease_duration: 3s
      renew_every: 500ms
      renew_deadline: 2s

    """

    typealias Role = LeaseReplica.Role
    typealias Replica = LeaseReplica

    /// Runs `body` with two replicas of `steward run` started on one estate (two managed
    /// groups, one seed item; with `bastion`, also dev's launch template and an hour's bastion
    /// lease in the environments table); stops both processes and both proxies however it ends.
    static func withReplicas(bastion: Bool = false, _ body: (RunDaemonEstate, [String], Replica, Replica) async throws -> Void) async throws {
        try await RunDaemonEstate.with { estate, _ in
            try await estate.moto.createWhitelistTable(table)
            try await estate.moto.createEnvironmentsTable("steward-environments")
            try await estate.moto.createLeaseTable("steward-leases")
            if bastion {
                try await estate.createBastionTemplate()
                let now = Int(Date().timeIntervalSince1970)
                _ = try await estate.moto.aws(["dynamodb", "put-item", "--table-name", "steward-environments", "--item", """
                    {"environment":{"S":"dev"},"bastion_requested_by":{"S":"U0123"},\
                    "bastion_requested_at":{"N":"\(now - 60)"},"bastion_expires_at":{"N":"\(now + 3600)"}}
                    """])
            }
            try configuration.write(to: estate.root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            let groups = [try await estate.managedGroup("web"), try await estate.managedGroup("api")]
            let now = Int(Date().timeIntervalSince1970)
            try await estate.moto.putWhitelistItem(table: table, ipAddress: "198.51.100.0/24", environment: "dev", description: "office",
                                                   addedBy: "john.doe", addedAt: now - 60, expiresAt: now + 86_400)
            var replicas: [Replica] = []
            do {
                for name in ["replica-a", "replica-b"] {
                    let proxy = CountingMotoProxy(motoEndpoint: estate.moto.endpoint)
                    let server = try await LocalHTTPServer.start { await proxy.handle($0) }
                    let replica = Replica(name: name, proxy: proxy, server: server)
                    replicas.append(replica)
                    var environment = estate.moto.clientEnvironment
                    environment["AWS_ENDPOINT_URL"] = server.url
                    environment["STEWARD_REPLICA_ID"] = name
                    replica.daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s"], in: estate.root, environment: environment)
                }
                for replica in replicas { replica.base = try await replica.daemon?.baseURL() }
                try await body(estate, groups, replicas[0], replicas[1])
            } catch {
                for replica in replicas {
                    Issue.record("\(replica.name) stderr:\n\(String(replica.daemon?.stderr.suffix(4000) ?? ""))")
                }
                for replica in replicas {
                    _ = await replica.daemon?.stop()
                    await replica.server.stop()
                }
                throw error
            }
            for replica in replicas {
                _ = await replica.daemon?.stop()
                await replica.server.stop()
            }
        }
    }

    /// Polls both replicas until one says it leads and the other names it; nil at the deadline.
    static func leader(of replicas: [Replica], within timeout: Duration, excluding: Replica? = nil) async -> (leader: Replica, epoch: Int)? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var roles: [(Replica, Role)] = []
            for replica in replicas where replica !== excluding {
                if let role = await replica.role() { roles.append((replica, role)) }
            }
            let leaders = roles.filter { $0.1.role == "leader" }
            if leaders.count == 1, let (leader, role) = leaders.first,
               roles.allSatisfy({ $0.1.role == "leader" || ($0.1.leader == leader.name && $0.1.epoch == role.epoch) }),
               roles.count == replicas.count - (excluding == nil ? 0 : 1) {
                return (leader, role.epoch)
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    static func addItem(_ estate: RunDaemonEstate, _ cidr: String) async throws {
        let now = Int(Date().timeIntervalSince1970)
        try await estate.moto.putWhitelistItem(table: table, ipAddress: cidr, environment: "dev", description: "edit \(cidr)",
                                               addedBy: "john.doe", addedAt: now, expiresAt: now + 3600)
    }

    /// Until both groups hold `cidr`, or the deadline.
    static func waitForEverywhere(_ estate: RunDaemonEstate, _ groups: [String], _ cidr: String, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        for group in groups {
            let left = deadline - ContinuousClock.now
            guard left > .zero, try await estate.waitForCIDRs(group, timeout: left, { $0.contains(cidr) }).contains(cidr) else { return false }
        }
        return true
    }

    @Test(.timeLimit(.minutes(8)))
    func twoReplicasElectOneLeaderAndAnEditIsAuthorizedOncePerGroup() async throws {
        try await Self.withReplicas { estate, groups, a, b in
            let started = ContinuousClock.now
            let elected = try #require(await Self.leader(of: [a, b], within: .seconds(10)), "no single leader within 10 s")
            let standby = elected.leader === a ? b : a
            #expect(elected.epoch >= 1)
            #expect(try await Self.waitForEverywhere(estate, groups, "198.51.100.0/24", timeout: .seconds(10)))
            print("lease: one leader (\(elected.leader.name), epoch \(elected.epoch)) in \(ContinuousClock.now - started) after start")

            try await Self.addItem(estate, "203.0.113.10/32")
            #expect(try await Self.waitForEverywhere(estate, groups, "203.0.113.10/32", timeout: .seconds(10)))
            // The leader wrote both entries to each group once; the standby wrote nothing.
            let authorizes = elected.leader.proxy.estateWrites.filter { $0.action == "AuthorizeSecurityGroupIngress" }
            for group in groups {
                #expect(authorizes.filter { $0.groupID == group }.count == 2, "\(authorizes)")
            }
            #expect(standby.proxy.estateWrites.isEmpty, "the standby wrote to the estate: \(standby.proxy.estateWrites)")
            #expect(standby.proxy.count("DynamoDB.GetItem") > 0, "the standby never read the lease")
            #expect(await standby.role() == Role(role: "standby", leader: elected.leader.name, epoch: elected.epoch))
            let metrics = try await RunDaemonHTTP.get(elected.leader.base! + "/metrics").body
            #expect(metrics.contains("steward_leader 1"), "\(metrics)")
            #expect(metrics.contains("steward_lease_epoch \(elected.epoch)"))
            #expect(metrics.contains("steward_lease_transitions_total"))
            #expect(metrics.contains("steward_lease_renew_seconds"))
            #expect(try await RunDaemonHTTP.get(standby.base! + "/metrics").body.contains("steward_leader 0"))
            #expect(try await RunDaemonHTTP.get(standby.base! + "/healthz").status == 200)
        }
    }

    /// One leader elected within 10 s and the seed item on every group: where each failover test starts.
    static func settled(_ estate: RunDaemonEstate, _ groups: [String], _ a: Replica, _ b: Replica) async throws -> (leader: Replica, standby: Replica, epoch: Int) {
        let elected = try #require(await leader(of: [a, b], within: .seconds(10)), "no single leader within 10 s")
        try #require(try await waitForEverywhere(estate, groups, "198.51.100.0/24", timeout: .seconds(10)), "the seed item never reached AWS")
        return (elected.leader, elected.leader === a ? b : a, elected.epoch)
    }

    /// dev's bastion instances that are not terminated, as boto3 sees them: id → state.
    static func liveBastions(_ estate: RunDaemonEstate) async throws -> [String: String] {
        try await RunDaemonBastionTests.bastions(estate).filter { !["shutting-down", "terminated"].contains($0.value) }
    }

    /// Passes the replica finished, from its /metrics (the reconcile duration's count); 0 before the first.
    static func passes(_ replica: Replica) async -> Int {
        guard let base = replica.base, let body = try? await RunDaemonHTTP.get(base + "/metrics").body else { return 0 }
        let line = body.split(separator: "\n").first { $0.hasPrefix("steward_reconcile_duration_seconds_count") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }.map { Int($0) } ?? 0
    }

    @Test(.timeLimit(.minutes(8)))
    func aKilledLeadersStandbyReconcilesWithinTheLeaseDurationAndAPass() async throws {
        try await Self.withReplicas(bastion: true) { estate, groups, a, b in
            let elected = try await Self.settled(estate, groups, a, b)
            let standby = elected.standby
            // The first leader launches dev's bastion before it dies.
            let launchDeadline = ContinuousClock.now + .seconds(15)
            var launched: [String: String] = [:]
            while ContinuousClock.now < launchDeadline {
                launched = try await Self.liveBastions(estate)
                if !launched.isEmpty, elected.leader.proxy.count("RunInstances") > 0 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            try #require(launched.count == 1 && elected.leader.proxy.count("RunInstances") == 1,
                         "the leader did not launch exactly one bastion: \(launched), RunInstances \(elected.leader.proxy.count("RunInstances"))")
            elected.leader.daemon?.signal(SIGKILL)
            let killed = ContinuousClock.now
            _ = await elected.leader.daemon?.waitForExit(timeout: .seconds(5))
            // An edit while nobody leads is not lost: the new leader's first pass reads it.
            try await Self.addItem(estate, "203.0.113.20/32")
            #expect(try await Self.waitForEverywhere(estate, groups, "203.0.113.20/32", timeout: .seconds(15)))
            // Timed by the standby's own proxy (when its authorizes left), not by boto3's polling.
            let authorized = standby.proxy.estateWrites.filter { $0.action == "AuthorizeSecurityGroupIngress" }
            let took = try #require(authorized.map(\.at).max()) - killed
            print("lease: standby reconciled \(took) after SIGKILL of the leader")
            // lease_duration (3 s, counted from the standby's last sight of a renewal, up to
            // renew_every after it) plus one pass, which against moto takes well under 1.5 s.
            #expect(took < Self.timing.leaseDuration + Self.timing.renewEvery + .milliseconds(1500), "took \(took)")
            let next = try #require(await Self.leader(of: [a, b], within: .seconds(2), excluding: elected.leader))
            #expect(next.leader === standby && next.epoch == elected.epoch + 1)
            #expect(standby.proxy.estateWrites.filter { $0.action == "AuthorizeSecurityGroupIngress" }.count == groups.count)

            // A whole pass of the new leader (the bastion step included) saw the lease: it found
            // the instance the dead leader launched instead of launching a second.
            let passDeadline = ContinuousClock.now + .seconds(15)
            while ContinuousClock.now < passDeadline, await Self.passes(standby) < 1 {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(await Self.passes(standby) >= 1, "the new leader finished no pass")
            #expect(elected.leader.proxy.count("RunInstances") + standby.proxy.count("RunInstances") == 1,
                    "RunInstances: \(elected.leader.name) \(elected.leader.proxy.count("RunInstances")), \(standby.name) \(standby.proxy.count("RunInstances"))")
            let live = try await Self.liveBastions(estate)
            #expect(Set(live.keys) == Set(launched.keys), "one lease, one bastion, the one launched before the takeover: \(live)")
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aTerminatedLeaderReleasesAndTheStandbyLeadsWithinFiveSeconds() async throws {
        try await Self.withReplicas { estate, groups, a, b in
            let elected = try await Self.settled(estate, groups, a, b)
            let standby = elected.standby
            elected.leader.daemon?.signal(SIGTERM)
            let terminated = ContinuousClock.now
            let next = await Self.leader(of: [a, b], within: .seconds(5), excluding: elected.leader)
            let took = ContinuousClock.now - terminated
            print("lease: standby led \(took) after SIGTERM of the leader")
            #expect(next?.leader === standby, "the standby did not lead within 5 s")
            #expect(next?.epoch == elected.epoch + 1)
            // Faster than waiting out the lease: the release handed it over.
            #expect(took < Self.timing.leaseDuration, "took \(took): the lease was not released")
            #expect(await elected.leader.daemon?.waitForExit(timeout: .seconds(10)) == 0)
            #expect(elected.leader.daemon?.stderr.contains("released the lease") == true)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aLeaderStoppedPastItsLeaseWritesNothingWhenItResumes() async throws {
        try await Self.withReplicas { estate, groups, a, b in
            let elected = try await Self.settled(estate, groups, a, b)
            let old = elected.leader, standby = elected.standby
            let writesBefore = old.proxy.estateWrites
            old.daemon?.signal(SIGSTOP)
            var resumed = false
            do {
                // The standby takes over once the lease has not changed for 3 s of its clock.
                let next = try #require(await Self.leader(of: [standby], within: .seconds(10)), "the standby never took over")
                #expect(next.leader === standby && next.epoch == elected.epoch + 1)
                try await Self.addItem(estate, "203.0.113.30/32")
                #expect(try await Self.waitForEverywhere(estate, groups, "203.0.113.30/32", timeout: .seconds(10)))
                // The old leader resumes with the edit unseen and its loop perhaps mid-wait.
                let resumedAt = ContinuousClock.now
                old.daemon?.signal(SIGCONT)
                resumed = true
                let settled = ContinuousClock.now + .seconds(10)
                var oldRole: Role?
                while ContinuousClock.now < settled {
                    oldRole = await old.role()
                    if oldRole == Role(role: "standby", leader: standby.name, epoch: next.epoch) { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(oldRole == Role(role: "standby", leader: standby.name, epoch: next.epoch), "\(String(describing: oldRole))")
                #expect(old.proxy.estateWrites == writesBefore, "the resumed old leader wrote: \(old.proxy.estateWrites.dropFirst(writesBefore.count))")
                // The leader's bookkeeping (the findings history in the environments table) is
                // committed in transactions checked against the lease epoch: the new leader's
                // go through, none of the old one's after it resumed.
                #expect(standby.proxy.succeeded("DynamoDB.TransactWriteItems", since: .now - .seconds(3600)) > 0,
                        "the new leader records its passes' drift history")
                #expect(old.proxy.succeeded("DynamoDB.TransactWriteItems", since: resumedAt) == 0,
                        "an epoch-conditioned write succeeded for the old leader")
                #expect(try await RunDaemonHTTP.get(old.base! + "/metrics").body.contains("steward_leader 0"))
            } catch {
                if !resumed { old.daemon?.signal(SIGCONT) }
                throw error
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func haWithYAMLOnlyDesiredStateRefusesToStart() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try "ha:\n  lease_table: steward-leases\n".write(to: estate.root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            let daemon = try estate.startDaemon(slot)
            let status = await daemon.waitForExit(timeout: .seconds(20))
            #expect(status == 1)
            #expect(daemon.stderr.contains("configure the DynamoDB store (desired_state.dynamodb"), "\(daemon.stderr)")
            _ = await daemon.stop()
        }
    }
}
