import Foundation
import StewardAWS
import StewardCore
import StewardTestSupport
import Testing
@testable import StewardStore

/// The one store contract, run against each store.
@Suite struct DesiredStateStoreContractTests {
    static let reviewedDev = """
    environment: dev
    tier: running
    whitelist:
      - cidr: 203.0.113.10/32
        description: John office IP
        added_by: john.doe
        added_at: \(Timestamp.text(Date().addingTimeInterval(-60)))
        expires_at: \(Timestamp.text(Date().addingTimeInterval(86_400)))

    """

    /// The contract's starting point, as the seed's own put-item writes it.
    static func seedDev(_ world: DynamoDBStoreWorld) async throws {
        let added = Int(Date().timeIntervalSince1970) - 60
        try await world.moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "203.0.113.10/32", environment: "dev",
                                              description: "John office IP", addedBy: "john.doe", addedAt: added, expiresAt: added + 86_400)
    }

    @Test func theInMemoryStoreKeepsTheContract() async throws {
        let now = Date()
        let store = InMemoryDesiredStateStore([DesiredState(environment: try EnvironmentName("dev"), whitelist: [
            WhitelistEntry(cidr: try CIDR("203.0.113.10/32"), description: "John office IP", addedBy: "john.doe",
                           addedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(86_400)),
        ])])
        try await DesiredStateStoreContract(store: store, remembersDeliveries: true).checkAll()
    }

    @Test func theYAMLDirectoryStoreKeepsTheContract() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", Self.reviewedDev)
        try await DesiredStateStoreContract(store: YAMLDirectoryStore(directory: directory.url), remembersDeliveries: false).checkAll()
    }

    @Test(.timeLimit(.minutes(8)))
    func theDynamoDBStoreKeepsTheContract() async throws {
        try await MotoServer.with { moto in
            let world = try await DynamoDBStoreWorld(moto: moto)
            try await Self.seedDev(world)
            try await DesiredStateStoreContract(store: world.store(), remembersDeliveries: true).checkAll()
            try await world.shutdown()
        }
    }

    /// 50 writers in five processes, each through its own store, plus the contract's own
    /// concurrent writers: every conditional write that loses a race re-reads and re-applies.
    @Test(.timeLimit(.minutes(8)))
    func fiftyWritersInSeveralProcessesAreAllKeptInDynamoDB() async throws {
        try await MotoServer.with { moto in
            let world = try await DynamoDBStoreWorld(moto: moto)
            try await Self.seedDev(world)
            let helper = try ConcurrentWritersTests.helperURL()
            var children: [Process] = []
            for index in 1...5 {
                let process = Process()
                process.executableURL = helper
                process.arguments = ["--dynamodb", world.whitelistTable, "dev", String(index), "10"]
                process.environment = ProcessInfo.processInfo.environment.merging(moto.clientEnvironment) { _, motoValue in motoValue }
                try process.run()
                children.append(process)
            }
            for child in children {
                child.waitUntilExit()
                #expect(child.terminationStatus == 0)
            }
            let snapshot = try await world.store().load()
            let kept = Set(try #require(snapshot.environments[try EnvironmentName("dev")]).whitelist.map(\.cidr.description))
            var expected: Set<String> = ["203.0.113.10/32"]
            for process in 1...5 { for writer in 0..<10 { expected.insert("10.\(process).\(writer).0/24") } }
            #expect(kept == expected)
            // The independent oracle agrees.
            let count = try await moto.aws(["dynamodb", "scan", "--table-name", world.whitelistTable, "--select", "COUNT"])
            #expect(count.contains("\"Count\": 51"))
            try await world.shutdown()
        }
    }
}
