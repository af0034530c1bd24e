import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward run` over the seed's DynamoDB table (no YAML at all), against moto: the seed's own
/// aws CLI commands round-trip through Steward, the stream wakes the loop, an expired item that
/// is still present is revoked on time. boto3 and the aws CLI are the oracle.
@Suite(.serialized) struct RunDaemonDynamoDBTests {
    static let table = "docustack-dev-ip-whitelist"
    static let environments = "steward-environments"
    static let configuration = """
    desired_state:
      dynamodb:
        whitelist_table: \(table)
        environments_table: \(environments)
        poll_interval: 30s

    """

    static func start(_ estate: RunDaemonEstate, _ slot: RunDaemonEstate.DaemonSlot) async throws -> String {
        try await estate.moto.createWhitelistTable(table)
        try await estate.moto.createEnvironmentsTable(environments)
        try Self.configuration.write(to: estate.root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
        let group = try await estate.managedGroup("web")
        // Something for the seed's table to hold before start, so `dev` exists from the first read.
        let now = Int(Date().timeIntervalSince1970)
        try await estate.moto.putWhitelistItem(table: table, ipAddress: "198.51.100.0/24", environment: "dev", description: "office",
                                               addedBy: "john.doe", addedAt: now - 60, expiresAt: now + 86_400)
        slot.daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s"], in: estate.root,
                                           environment: estate.moto.clientEnvironment)
        _ = try await slot.daemon?.waitForLine("first reconcile completed in ")
        return group
    }

    @Test(.timeLimit(.minutes(8)))
    func theSeedsOwnCommandsRoundTripThroughSteward() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let group = try await Self.start(estate, slot)
            #expect(try await estate.waitForCIDRs(group, timeout: .seconds(10)) { $0.contains("198.51.100.0/24") }.contains("198.51.100.0/24"))

            // The seed's put-item, as written in the seed: the stream wakes the loop, the rule appears.
            let now = Int(Date().timeIntervalSince1970)
            let written = ContinuousClock.now
            _ = try await estate.moto.aws(["dynamodb", "put-item", "--table-name", Self.table, "--item", """
                {"ip_address":{"S":"1.2.3.4/32"},"environment":{"S":"dev"},"description":{"S":"John office IP"},"added_by":{"S":"john.doe"},"added_at":{"N":"\(now)"},"expires_at":{"N":"\(now + 3600)"}}
                """])
            let granted = try await estate.waitForCIDRs(group, timeout: .seconds(10)) { $0.contains("1.2.3.4/32") }
            let took = ContinuousClock.now - written
            #expect(granted.contains("1.2.3.4/32"))
            #expect(took < .seconds(4), "put-item took \(took) to reach AWS; the interval is 60 s, so the stream must wake the loop")

            // Listed by `steward whitelist list dev`, and by the seed's own GSI query.
            let listed = try await StewardBinary.launch(["whitelist", "list", "dev"], in: estate.root, environment: estate.moto.clientEnvironment)
            #expect(listed.status == 0, "\(listed.output)")
            #expect(listed.output.contains("1.2.3.4/32") && listed.output.contains("John office IP"), "\(listed.output)")
            let query = try await estate.moto.aws(["dynamodb", "query", "--table-name", Self.table, "--index-name", "environment-index",
                                                   "--key-condition-expression", "environment = :env",
                                                   "--expression-attribute-values", #"{":env":{"S":"dev"}}"#])
            #expect(query.contains("1.2.3.4/32"))

            // `steward whitelist add` writes the table (the oracle sees it), and the rule follows.
            let added = try await StewardBinary.launch(["whitelist", "add", "203.0.113.10", "CLI entry", "--env", "dev", "--ttl", "1d"],
                                                       in: estate.root, environment: estate.moto.clientEnvironment)
            #expect(added.status == 0, "\(added.output)")
            let item = try await estate.moto.aws(["dynamodb", "get-item", "--table-name", Self.table, "--key",
                                                  #"{"ip_address":{"S":"203.0.113.10/32"},"environment":{"S":"dev"}}"#])
            #expect(item.contains("CLI entry") && item.contains("\"cli\""), "\(item)")
            #expect(try await estate.waitForCIDRs(group, timeout: .seconds(10)) { $0.contains("203.0.113.10/32") }.contains("203.0.113.10/32"))

            // The seed's delete-item revokes.
            try await estate.moto.deleteWhitelistItem(table: Self.table, ipAddress: "1.2.3.4/32", environment: "dev")
            let revoked = try await estate.waitForCIDRs(group, timeout: .seconds(10)) { !$0.contains("1.2.3.4/32") }
            #expect(revoked == ["198.51.100.0/24", "203.0.113.10/32"])

            // `export` prints a file `validate` accepts.
            let exported = try await StewardBinary.launch(["export", "--env", "dev"], in: estate.root, environment: estate.moto.clientEnvironment)
            #expect(exported.status == 0, "\(exported.output)")
            // Validated where no steward.yaml names DynamoDB: the file alone must hold it all.
            let exportRoot = estate.root.appendingPathComponent("exported")
            try FileManager.default.createDirectory(at: exportRoot.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
            try exported.output.write(to: exportRoot.appendingPathComponent("desired-state/dev.yaml"), atomically: true, encoding: .utf8)
            let validated = try await StewardBinary.launch(["validate"], in: exportRoot, environment: [:])
            let text = exported.output
            #expect(validated.status == 0, "\(validated.output)\n---\n\(text)")
            #expect(validated.output.contains("203.0.113.10/32"))
            #expect(await slot.daemon?.stop() == 0)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func anExpiredItemStillInTheTableIsRevokedWithinTwoSecondsOfItsExpiry() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let group = try await Self.start(estate, slot)
            let expiresAt = (Date().timeIntervalSince1970 + 6).rounded(.up)
            try await estate.moto.putWhitelistItem(table: Self.table, ipAddress: "203.0.113.10/32", environment: "dev", description: "short",
                                                   addedBy: "john.doe", addedAt: Int(expiresAt) - 60, expiresAt: Int(expiresAt))
            let seen = try await estate.watchRule(group, cidr: "203.0.113.10/32", timeout: expiresAt - Date().timeIntervalSince1970 + 10)
            let appeared = try #require(seen.appeared, "the item was never granted")
            #expect(appeared.timeIntervalSince1970 < expiresAt)
            let disappeared = try #require(seen.disappeared, "the expired item was not revoked")
            let lateness = disappeared.timeIntervalSince1970 - expiresAt
            #expect(lateness >= 0 && lateness <= 2, "revoked \(lateness) s after expires_at")
            // Still in the table (moto's TTL, like AWS's, hasn't deleted it): Steward's expiry did it.
            let item = try await estate.moto.aws(["dynamodb", "get-item", "--table-name", Self.table, "--key",
                                                  #"{"ip_address":{"S":"203.0.113.10/32"},"environment":{"S":"dev"}}"#])
            #expect(item.contains("203.0.113.10/32"))
            #expect(await slot.daemon?.stop() == 0)
        }
    }
}
