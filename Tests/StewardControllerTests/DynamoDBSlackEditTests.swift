import Foundation
import StewardAWS
import StewardCore
import StewardSlack
import StewardStore
import StewardTestSupport
import Testing

/// Slack's command path over the layered store, against moto's DynamoDB: an entry defined in
/// the git-reviewed YAML can't be removed from Slack (the reply says where to remove it, and
/// neither the file nor the table changes); an entry Slack added lives in the table, where
/// Slack can remove it again. The aws CLI is the oracle for the table.
@Suite(.serialized) struct DynamoDBSlackEditTests {
    static let table = "docustack-ip-whitelist"
    static let environments = "steward-environments"

    static func command(_ text: String, trigger: String) -> SlashCommand {
        SlashCommand(command: "/whitelist", text: text, userID: "U0ALICE", userName: "alice", channelID: "C0OPS", triggerID: trigger)
    }

    static func items(_ moto: MotoServer) async throws -> [String] {
        let output = try await moto.aws(["dynamodb", "scan", "--table-name", table, "--consistent-read"])
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let items = object?["Items"] as? [[String: [String: String]]] ?? []
        return items.compactMap { $0["ip_address"]?["S"] }.sorted()
    }

    @Test(.timeLimit(.minutes(8)))
    func aYAMLEntryIsNotRemovableFromSlackAndASlackEntryLivesInTheTable() async throws {
        try await MotoServer.with { moto in
            try await moto.createWhitelistTable(Self.table)
            try await moto.createEnvironmentsTable(Self.environments)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-slack-dynamo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let yaml = DesiredStateYAML(whitelist: [.init(cidr: "203.0.113.10/32", description: "John office IP", expiresAt: Date().addingTimeInterval(86_400))])
            try yaml.write(in: directory)
            let reviewed = try String(contentsOf: directory.appendingPathComponent("dev.yaml"), encoding: .utf8)
            let aws = try AWSClient.fromEnvironment(moto.clientEnvironment, transport: AsyncHTTPClientTransport.processWide)
            let store = LayeredDesiredStateStore(
                yaml: YAMLDirectoryStore(directory: directory),
                dynamoDB: DynamoDBDesiredStateStore(settings: DynamoDBDesiredStateSettings(whitelistTable: Self.table, environmentsTable: Self.environments), client: aws))
            var settings = SlackSettings()
            settings.allowedChannels = ["C0OPS"]
            let responder = SlackCommandResponder(store: store, policy: .default, access: SlackAccessPolicy(settings: settings))

            let refused = await responder.reply(to: Self.command("remove 203.0.113.10 --env dev", trigger: "t1"))
            #expect(refused.isError)
            #expect(refused.text.contains("203.0.113.10/32 is defined in \(directory.appendingPathComponent("dev.yaml").path) (git-reviewed): remove it there"),
                    "\(refused.text)")
            #expect(try String(contentsOf: directory.appendingPathComponent("dev.yaml"), encoding: .utf8) == reviewed, "the file is untouched")
            #expect(try await Self.items(moto).isEmpty, "and nothing was written to the table")

            let added = await responder.reply(to: Self.command("add 198.51.100.7 \"vendor\" --env dev --ttl 1d", trigger: "t2"))
            #expect(!added.isError, "\(added.text)")
            #expect(try await Self.items(moto) == ["198.51.100.7/32"], "a Slack edit lands in DynamoDB")
            #expect(try String(contentsOf: directory.appendingPathComponent("dev.yaml"), encoding: .utf8) == reviewed, "not in the reviewed file")
            let merged = try await store.load().environments[try EnvironmentName("dev")]
            #expect(Set(merged?.whitelist.map(\.cidr.description) ?? []) == ["203.0.113.10/32", "198.51.100.7/32"])

            let removed = await responder.reply(to: Self.command("remove 198.51.100.7 --env dev", trigger: "t3"))
            #expect(!removed.isError, "\(removed.text)")
            #expect(try await Self.items(moto).isEmpty)
        }
    }
}
