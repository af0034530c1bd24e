import Foundation
import StewardCore
import StewardStore
import Testing

@Suite struct ControllerConfigurationTests {
    static var exampleURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/steward.yaml")
    }

    @Test func theCommentedExampleLoadsAndEqualsTheDefaults() throws {
        let configuration = try ConfigurationLoader().load(from: Self.exampleURL)
        var expected = StewardConfiguration()
        expected.environments[try EnvironmentName("staging")] = EnvironmentSettings(
            whitelistMode: .rules, whitelistPorts: [.https], upsertOnly: false, ecsCluster: "staging", bastionLaunchTemplate: "staging-bastion")
        #expect(configuration == expected, "examples/steward.yaml documents every key with its default")
    }

    @Test func tierKeysAreReadAndBadPricesNamed() throws {
        let text = """
        environments:
          dev: {ecs_cluster: dev-cluster, bastion_launch_template: jump-dev}
        tiers:
          environment_tag: Stage
          prices:
            fargate_task_hour: 0.05
            database_hour: {db.x9.huge: 9.5}
            default_instance_hour: 0.1
        """
        let configuration = try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
        let dev = try EnvironmentName("dev")
        #expect(configuration.ecsCluster(for: dev) == "dev-cluster")
        #expect(configuration.bastionLaunchTemplate(for: dev) == "jump-dev")
        #expect(configuration.ecsCluster(for: try EnvironmentName("prod")) == "prod")
        #expect(configuration.bastionLaunchTemplate(for: try EnvironmentName("prod")) == "prod-bastion")
        #expect(configuration.tiers.environmentTag == "Stage")
        #expect(configuration.tiers.prices.fargateTaskHour == 0.05)
        #expect(configuration.tiers.prices.databaseHour["db.x9.huge"] == 9.5)
        #expect(configuration.tiers.prices.databaseHour["db.t3.micro"] == 0.017, "defaults stay for classes not listed")
        #expect(configuration.tiers.prices.defaultInstanceHour == 0.1)

        let bad = "tiers:\n  prices:\n    fargate_task_hour: cheap\n  colour: blue\n"
        #expect {
            _ = try ConfigurationLoader().decode(Array(bad.utf8), path: "steward.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("steward.yaml:3:") && text.contains("fargate_task_hour") && text.contains("colour")
        }
    }

    @Test func controllerKeysAreRead() throws {
        let text = """
        whitelist:
          selection_tags: {Managed: "yes", Team: platform}
          environment_tag: Env
          default_ports: "22,8000-8100"
          rule_quota: 120
          revoke_budget: {maximum_rules: 3, maximum_fraction: 0.25}
          upsert_only: true
          mode: prefix-list
        environments:
          prod: {whitelist_mode: rules, whitelist_ports: [443, 8443], upsert_only: false}
        audit_log: null
        reconcile_interval: 5m
        listen: 0.0.0.0:9100
        """
        let configuration = try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
        #expect(configuration.whitelist.selectionTags == ["Managed": "yes", "Team": "platform"])
        #expect(configuration.whitelist.environmentTagKey == "Env")
        #expect(configuration.whitelist.defaultPorts == [PortRange(22), try PortRange(from: 8000, to: 8100)])
        #expect(configuration.whitelist.ruleQuota == 120)
        #expect(configuration.whitelist.revokeBudget == RevokeBudget(maximumRules: 3, maximumFraction: 0.25))
        #expect(configuration.whitelist.upsertOnly)
        #expect(configuration.whitelist.mode == .prefixList)
        let prod = try EnvironmentName("prod")
        #expect(configuration.whitelistSettings(for: prod).mode == .rules)
        #expect(configuration.whitelistSettings(for: prod).defaultPorts == [PortRange(443), PortRange(8443)])
        #expect(configuration.whitelistSettings(for: prod).upsertOnly == false)
        #expect(configuration.whitelistSettings(for: try EnvironmentName("dev")).mode == .prefixList)
        #expect(configuration.auditLogPath == nil)
        #expect(configuration.reconcileInterval == .minutes(5))
        #expect(configuration.listenAddress == "0.0.0.0:9100")
    }

    @Test(arguments: [
        ("whitelist:\n  rule_quota: 0\n", "2:15", "'rule_quota' must be a whole number from 1 to 1000"),
        ("whitelist:\n  mode: lists\n", "2:9", "'mode' must be one of rules, prefix-list"),
        ("whitelist:\n  selection_tags: {}\n", "2:19", "'selection_tags' is empty"),
        ("whitelist:\n  revoke_budget: {maximum_fraction: 2}\n", "2:37", "'maximum_fraction' must be a number from 0 to 1"),
        ("whitelist:\n  default_ports: [http]\n", "2:19", "is not a port or port range"),
        ("environments:\n  Prod: {}\n", "2:3", "environment name 'Prod'"),
        ("environments:\n  prod: {mode: rules}\n", "2:10", "unknown key 'mode' in environments.prod"),
        ("reconcile_interval: 1s\n", "1:21", "use 5s or more"),
        ("listen: localhost\n", "1:9", "'listen' must be HOST:PORT"),
        ("audit_log: \"\"\n", "1:12", "'audit_log' is empty"),
    ])
    func refusesWithLocation(text: String, location: String, fragment: String) {
        #expect {
            try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
        } throws: { error in
            let description = "\(error)"
            return description.contains("steward.yaml:\(location): ") && description.contains(fragment)
        }
    }
}
