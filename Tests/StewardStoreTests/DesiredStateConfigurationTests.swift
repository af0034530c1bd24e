import Foundation
import StewardCore
import Testing
@testable import StewardStore

/// `desired_state:` in both its forms, strictly.
@Suite struct DesiredStateConfigurationTests {
    func load(_ text: String) throws(ConfigurationError) -> StewardConfiguration {
        try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
    }

    @Test func theStringFormStillNamesTheDirectory() throws {
        let configuration = try load("desired_state: state/yaml\n")
        #expect(configuration.desiredState == DesiredStateSettings(yamlPath: "state/yaml"))
        #expect(configuration.desiredStatePath == "state/yaml")
    }

    @Test func theMappingFormLayersDynamoDBWithDefaults() throws {
        let configuration = try load("""
            desired_state:
              yaml: desired-state
              dynamodb:
                whitelist_table: docustack-{env}-ip-whitelist
                environments_table: steward-environments

            """)
        let dynamoDB = try #require(configuration.desiredState.dynamoDB)
        #expect(configuration.desiredState.yamlPath == "desired-state")
        #expect(dynamoDB == DynamoDBDesiredStateSettings(whitelistTable: "docustack-{env}-ip-whitelist", environmentsTable: "steward-environments"))
        #expect(dynamoDB.consistentReads)
        #expect(dynamoDB.pollInterval == TimeSpan(seconds: 10))
        #expect(dynamoDB.isPerEnvironment)
        #expect(dynamoDB.whitelistTable(for: try EnvironmentName("dev")) == "docustack-dev-ip-whitelist")
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try load("""
            desired_state:
              dynamodb:
                whitelist_table: docustack-ip-whitelist
                region: eu-west-1
                consistent_reads: false
                poll_interval: 30s

            """)
        #expect(configuration.desiredState.yamlPath == nil, "DynamoDB alone: the seed has no YAML")
        #expect(configuration.desiredState.dynamoDB == DynamoDBDesiredStateSettings(
            whitelistTable: "docustack-ip-whitelist", region: "eu-west-1", consistentReads: false, pollInterval: TimeSpan(seconds: 30)))
    }

    @Test func theExampleConfigurationLoads() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/steward.yaml")
        let configuration = try ConfigurationLoader().load(from: example)
        #expect(configuration.desiredStatePath == "desired-state")
    }

    @Test(arguments: [
        ("desired_state:\n  yml: x\n", "2:3", "unknown key 'yml' in desired_state; did you mean 'yaml'?"),
        ("desired_state:\n  dynamodb:\n    whitelist_tabel: t\n", "3:5", "unknown key 'whitelist_tabel'"),
        ("desired_state:\n  dynamodb:\n    environments_table: envs\n", "3:5", "missing the required key 'whitelist_table'"),
        ("desired_state:\n  dynamodb:\n    whitelist_table: a b\n", "3:22", "a DynamoDB table name"),
        ("desired_state:\n  dynamodb:\n    whitelist_table: t-{env}\n    environments_table: e-{env}\n", "4:25", "can't contain {env}"),
        ("desired_state:\n  dynamodb:\n    whitelist_table: tbl\n    consistent_reads: maybe\n", "4:23", "must be true or false"),
        ("desired_state:\n  dynamodb:\n    whitelist_table: tbl\n    poll_interval: soon\n", "4:20", "poll_interval"),
        ("desired_state:\n  dynamodb:\n    whitelist_table: tbl\n    region: 'us east'\n", "4:13", "AWS region"),
        ("desired_state: ''\n", "1:16", "is empty"),
    ])
    func refusesWithLocation(_ text: String, _ location: String, _ fragment: String) {
        expectConfigurationRefusal(text, at: location, fragment, load: load)
    }
}
