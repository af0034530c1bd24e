import Foundation
import StewardAWS
import StewardCore
import StewardTestSupport
import Testing
@testable import StewardStore

/// YAML and DynamoDB seen as one desired state, against moto; the aws CLI is the oracle.
@Suite(.serialized) struct LayeredDesiredStateStoreTests {
    let dev = try! EnvironmentName("dev")

    /// `desired-state/dev.yaml` under a fresh directory, addressed relatively so messages say
    /// `desired-state/dev.yaml` as the CLI does.
    static func reviewedDirectory(_ text: String = DesiredStateStoreContractTests.reviewedDev) throws -> (TemporaryDirectory, URL) {
        let root = try TemporaryDirectory()
        let directory = URL(fileURLWithPath: "desired-state", relativeTo: root.url)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: directory.appendingPathComponent("dev.yaml"))
        return (root, directory)
    }

    @Test(.timeLimit(.minutes(8)))
    func yamlAndDynamoDBAreMergedAndYAMLGoverns() async throws {
        try await MotoServer.with { moto in
            let world = try await DynamoDBStoreWorld(moto: moto)
            let (root, directory) = try Self.reviewedDirectory()
            defer { root.cleanup() }
            let now = Int(Date().timeIntervalSince1970)
            // The seed's own commands, as written in the seed.
            try await moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "1.2.3.4/32", environment: "dev",
                                            description: "John office IP", addedBy: "john.doe", addedAt: now - 60, expiresAt: now + 3600)
            try await moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "203.0.113.10/32", environment: "dev",
                                            description: "duplicate", addedBy: "jane", addedAt: now - 60, expiresAt: now + 3600)
            // An environment with no YAML at all: its rows are still its entries.
            try await moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "198.51.100.7", environment: "qa",
                                            description: "QA", addedBy: "qa", addedAt: now - 60, expiresAt: now + 3600)
            // A bad row is reported, not granted, and does not block its environment.
            try await moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "10.0.0.0/8", environment: "dev",
                                            description: "too wide", addedBy: "x", addedAt: now - 60, expiresAt: now + 3600)
            let store = world.layered(over: directory)
            let snapshot = try await store.load()
            let merged = try #require(snapshot.environments[dev])
            #expect(merged.whitelist.map(\.cidr.description) == ["203.0.113.10/32", "1.2.3.4/32"])
            #expect(merged.entry(for: try CIDR("203.0.113.10/32"))?.description == "John office IP", "YAML governs the duplicate")
            #expect(snapshot.warnings.contains { $0.path.contains("ip_address=203.0.113.10/32") && $0.message.contains("reviewed entry governs") })
            #expect(snapshot.environments[try EnvironmentName("qa")]?.whitelist.map(\.cidr.description) == ["198.51.100.7/32"])
            #expect(snapshot.strayFailures.map(\.path) == ["docustack-ip-whitelist[ip_address=10.0.0.0/8, environment=dev]"])
            #expect(snapshot.failures.isEmpty)

            // Removing the YAML-owned entry is refused with the reviewed file's name.
            await #expect(throws: DesiredStateEditError.self) {
                try await store.apply(.removeWhitelistEntry(try CIDR("203.0.113.10/32")), to: dev, actor: "U1", now: Date())
            }
            do {
                try await store.apply(.removeWhitelistEntry(try CIDR("203.0.113.10/32")), to: dev, actor: "U1", now: Date())
            } catch {
                #expect("\(error)" == "203.0.113.10/32 is defined in desired-state/dev.yaml (git-reviewed): remove it there")
            }
            // A Slack/CLI edit lands in DynamoDB, not in the reviewed file.
            let before = try Data(contentsOf: directory.appendingPathComponent("dev.yaml"))
            try await store.apply(.addWhitelistEntry(WhitelistEntry(cidr: try CIDR("192.0.2.0/24"), description: "from slack", addedBy: "U1",
                                                                    addedAt: Date(), expiresAt: Date().addingTimeInterval(3600))),
                                  to: dev, actor: "U1", now: Date(), context: DesiredStateEditContext(editID: "e1", source: "slack"))
            #expect(try Data(contentsOf: directory.appendingPathComponent("dev.yaml")) == before)
            let item = try await moto.aws(["dynamodb", "get-item", "--table-name", world.whitelistTable, "--consistent-read",
                                           "--key", #"{"ip_address":{"S":"192.0.2.0/24"},"environment":{"S":"dev"}}"#])
            #expect(item.contains("\"source\"") && item.contains("slack") && item.contains("\"version\""))
            // The seed's delete-item revokes it.
            try await moto.deleteWhitelistItem(table: world.whitelistTable, ipAddress: "1.2.3.4/32", environment: "dev")
            #expect(try await store.load().environments[dev]?.entry(for: try CIDR("1.2.3.4/32")) == nil)

            // The tier override: from the environment item, with who set it and when.
            try await store.apply(.setTier(.stopped), to: dev, actor: "U0ALICE", now: Date())
            let overridden = try #require(try await store.load().environments[dev])
            #expect(overridden.tier == .stopped)
            #expect(overridden.overrides?.reviewedTier == .running)
            #expect(overridden.overrides?.tierSetBy == "U0ALICE")
            #expect(overridden.overrides?.summary(tier: .stopped)?.contains("tier stopped overrides the reviewed running, set by U0ALICE") == true)
            #expect(try String(contentsOf: directory.appendingPathComponent("dev.yaml"), encoding: .utf8).contains("tier: running"))

            // `export`'s text validates as a desired-state file holding the merged whitelist.
            var exported = overridden
            exported.overrides = nil
            let text = DesiredStateEncoder().encode(exported)
            let decoded = DesiredStateDecoder().decode(Array(text.utf8), path: "desired-state/dev.yaml", policy: .default, now: Date())
            #expect(decoded.errors.isEmpty, "\(decoded.errors)")
            #expect(decoded.state?.whitelist.map(\.cidr.description) == ["203.0.113.10/32", "192.0.2.0/24"])
            #expect(decoded.state?.tier == .stopped)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func anExpiredButPresentItemIsNeverActive() async throws {
        try await MotoServer.with { moto in
            let world = try await DynamoDBStoreWorld(moto: moto)
            let now = Int(Date().timeIntervalSince1970)
            try await moto.putWhitelistItem(table: world.whitelistTable, ipAddress: "1.2.3.4/32", environment: "dev",
                                            description: "expired", addedBy: "john.doe", addedAt: now - 7200, expiresAt: now - 1)
            let snapshot = try await world.store().load()
            let state = try #require(snapshot.environments[dev])
            #expect(state.whitelist.count == 1, "still present in the table (TTL lags)")
            #expect(state.activeEntries(at: Date()).isEmpty, "but never granted")
            #expect(snapshot.warnings.contains { $0.message.contains("no longer granted") })
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aTableThatCannotBeReadFailsClosed() async throws {
        try await MotoServer.with { moto in
            // Per-environment tables: a configured environment whose table is missing is unreadable, not empty.
            let world = try await DynamoDBStoreWorld(moto: moto, whitelistTable: "docustack-{env}-ip-whitelist")
            try await moto.createWhitelistTable("docustack-dev-ip-whitelist")
            let (root, directory) = try Self.reviewedDirectory()
            defer { root.cleanup() }
            try Data(DesiredStateStoreContractTests.reviewedDev.replacingOccurrences(of: "environment: dev", with: "environment: prod").utf8)
                .write(to: directory.appendingPathComponent("prod.yaml"))
            let snapshot = try await world.layered(over: directory).load()
            #expect(snapshot.environments[dev] != nil)
            let prod = try EnvironmentName("prod")
            #expect(snapshot.environments[prod] == nil)
            #expect(snapshot.failures[prod]?.first?.message.contains("docustack-prod-ip-whitelist") == true)
            #expect(snapshot.failures[prod]?.first?.message.contains("does not exist") == true)

            // A shared table that is deleted makes every environment unreadable: load refuses.
            let shared = try await DynamoDBStoreWorld(moto: moto, whitelistTable: "shared-whitelist", environmentsTable: "shared-environments")
            _ = try await moto.aws(["dynamodb", "delete-table", "--table-name", "shared-whitelist"])
            await #expect(throws: StoreError.self) { try await shared.layered(over: directory).load() }
        }
    }
}
