import AsyncHTTPClient
import Foundation
import NIOCore
import StewardCore
import StewardTestSupport
import Synchronization
import Testing

/// `steward apply` tearing an environment down, killed with SIGKILL at the most dangerous
/// moment (the final snapshot made, its answer not yet read), then run again: the second run
/// finds the snapshot, takes no second one, and deletes only once it has seen it available.
@Suite(.serialized) struct TierCrashRecoveryTests {
    @Test func teardownKilledAfterTheSnapshotThenRerunDeletesOnlyBehindThatSnapshot() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .tornDown)
            let gate = HoldGate()
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let proxy = try await LocalHTTPServer.start { request in
                let response = await Self.forward(request, to: world.moto.endpoint, client: client)
                if request.formValue("Action") == "CreateDBSnapshot" { await gate.holdUntilReleased() }
                return response
            }
            do {
                var environment = world.moto.clientEnvironment
                environment["AWS_ENDPOINT_URL"] = proxy.url
                let first = StewardBinary.process(["apply", "--auto-approve"], in: world.directory, environment: environment)
                first.standardOutput = FileHandle.nullDevice
                first.standardError = FileHandle.nullDevice
                try first.run()
                let held = await gate.waitUntilHolding(timeout: .seconds(60))
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
                gate.release()
                #expect(held, "steward apply never took the final snapshot")
                #expect(first.terminationReason == .uncaughtSignal)

                var estate = try await world.estate()
                #expect(estate.databases["dev-db"] != nil, "deleted although its snapshot was never seen")
                #expect(estate.snapshots.count == 1)

                let second = try await StewardBinary.launch(["apply", "--auto-approve"], in: world.directory, environment: environment)
                #expect(second.status == 0, "\(second.output)")
                estate = try await world.estate()
                #expect(estate.databases["dev-db"] == nil)
                #expect(estate.clusters["dev-aurora"] == nil)
                #expect(estate.snapshots.count == 1, "a second final snapshot: \(estate.snapshots)")
                #expect(estate.snapshots.values.allSatisfy { $0 == "available" })
                #expect(estate.clusterSnapshots.count == 1)
                let third = try await StewardBinary.launch(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
                #expect(third.status == 0, "converged: \(third.output)")
            } catch {
                gate.release()
                await proxy.stop()
                try? await client.shutdown()
                throw error
            }
            await proxy.stop()
            try await client.shutdown()
        }
    }

    @Test func applyKilledWhileItsBastionLaunchIsInFlightThenRerunLaunchesNoSecond() async throws {
        try await TierWorld.with { world in
            _ = try await world.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ami = ec2.describe_images()['Images'][0]['ImageId']
            ec2.create_launch_template(LaunchTemplateName='dev-bastion', LaunchTemplateData={'ImageId': ami, 'InstanceType': 't3.nano'})
            """)
            let now = Date()
            try """
            environment: dev
            tier: running
            protected: false
            bastion:
              requested_by: U0123
              requested_at: \(Timestamp.text(now.addingTimeInterval(-60)))
              expires_at: \(Timestamp.text(now.addingTimeInterval(3600)))

            """.write(to: world.desiredStateDirectory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
            let gate = HoldGate()
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let proxy = try await LocalHTTPServer.start { request in
                let response = await Self.forward(request, to: world.moto.endpoint, client: client)
                // The launch reached EC2; its answer never reaches the killed process.
                if request.formValue("Action") == "RunInstances" { await gate.holdUntilReleased() }
                return response
            }
            do {
                var environment = world.moto.clientEnvironment
                environment["AWS_ENDPOINT_URL"] = proxy.url
                let first = StewardBinary.process(["apply", "--auto-approve"], in: world.directory, environment: environment)
                first.standardOutput = FileHandle.nullDevice
                first.standardError = FileHandle.nullDevice
                try first.run()
                let held = await gate.waitUntilHolding(timeout: .seconds(60))
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
                gate.release()
                #expect(held, "steward apply never launched the bastion")

                let second = try await StewardBinary.launch(["apply", "--auto-approve"], in: world.directory, environment: environment)
                #expect(second.status == 0, "\(second.output)")
                let bastions = try await world.moto.boto3("""
                ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
                found = [i['InstanceId'] for r in ec2.describe_instances(Filters=[{'Name': 'tag:Role', 'Values': ['bastion']},
                         {'Name': 'instance-state-name', 'Values': ['pending', 'running']}])['Reservations'] for i in r['Instances']]
                print(json.dumps(found))
                """)
                #expect(try JSONDecoder().decode([String].self, from: Data(bastions.utf8)).count == 1, "one lease, one bastion: \(bastions)")
            } catch {
                gate.release()
                await proxy.stop()
                try? await client.shutdown()
                throw error
            }
            await proxy.stop()
            try await client.shutdown()
        }
    }

    static func forward(_ request: LocalHTTPRequest, to endpoint: String, client: HTTPClient) async -> LocalHTTPResponse {
        var outbound = HTTPClientRequest(url: endpoint + request.uri)
        outbound.method = .init(rawValue: request.method)
        for (name, value) in request.headers where name.lowercased() != "host" && name.lowercased() != "content-length" {
            outbound.headers.add(name: name, value: value)
        }
        outbound.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await client.execute(outbound, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 16 << 20)
            return LocalHTTPResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                                     body: Array(buffer: body))
        } catch {
            return LocalHTTPResponse(status: 502, contentType: "text/plain", text: "proxy: \(error)")
        }
    }
}

/// Holds one response until the test has acted (killed the client), then lets it go.
final class HoldGate: Sendable {
    private let state = Mutex<(holding: Bool, released: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, false, []))
    private let holding = AsyncStream<Void>.makeStream()

    func holdUntilReleased() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                state.holding = true
                if state.released { return true }
                state.waiters.append(continuation)
                return false
            }
            holding.continuation.yield()
            if resumeNow { continuation.resume() }
        }
    }

    func waitUntilHolding(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [holding] in
                for await _ in holding.stream { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    func release() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.released = true
            defer { state.waiters = [] }
            return state.waiters
        }
        holding.continuation.finish()
        for waiter in waiters { waiter.resume() }
    }
}
