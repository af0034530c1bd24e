import Foundation
import StewardCore
import Testing
@testable import StewardStore

@Suite struct ConfigurationLoaderTests {
    func load(_ text: String) throws(ConfigurationError) -> StewardConfiguration {
        try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
    }

    @Test func decodesEveryKey() throws {
        let configuration = try load("""
            # Steward configuration
            owner_id: team-a@example.com
            desired_state: state/yaml
            default_environment: dev
            policy:
              minimum_prefix_length_ipv4: 28
              minimum_prefix_length_ipv6: 56
              allow_world_open: true
              allow_permanent_entries: true
              default_ttl: 1d
              maximum_ttl: 30d
              bastion_ttl: 2h
              bastion_maximum_lifetime: 8h

            """)
        #expect(configuration.ownerID == "team-a@example.com")
        #expect(configuration.desiredStatePath == "state/yaml")
        #expect(configuration.defaultEnvironment?.rawValue == "dev")
        #expect(configuration.policy.minimumPrefixLengthIPv4 == 28)
        #expect(configuration.policy.minimumPrefixLengthIPv6 == 56)
        #expect(configuration.policy.allowWorldOpen)
        #expect(configuration.policy.allowPermanentEntries)
        #expect(configuration.policy.defaultTTL == .days(1))
        #expect(configuration.policy.maximumTTL == .days(30))
        #expect(configuration.policy.bastionTTL == .hours(2))
        #expect(configuration.policy.bastionMaximumLifetime == .hours(8))
    }

    @Test func emptyMappingMeansDefaults() throws {
        #expect(try load("{}\n") == StewardConfiguration())
    }

    @Test(arguments: [
        ("ownerid: x\n", "1:1", "unknown key 'ownerid' in steward.yaml; did you mean 'owner_id'?"),
        ("policy:\n  max_ttl: 3d\n", "2:3", "unknown key 'max_ttl' in policy"),
        ("owner_id: a b\n", "1:11", "'owner_id' contains ' '"),
        ("owner_id: \(String(repeating: "a", count: 129))\n", "1:11", "at most 128"),
        ("default_environment: Dev\n", "1:22", "must be lower-case letters"),
        ("policy:\n  minimum_prefix_length_ipv4: 33\n", "2:31", "from 0 to 32"),
        ("policy:\n  minimum_prefix_length_ipv6: abc\n", "2:31", "from 0 to 128"),
        ("policy:\n  allow_world_open: yes\n", "2:21", "must be true or false"),
        ("policy:\n  default_ttl: 7 days\n", "2:16", "is not a duration"),
        ("policy:\n  default_ttl: 30d\n  maximum_ttl: 7d\n", "2:16", "longer than maximum_ttl"),
        ("policy: strict\n", "1:9", "policy must be a mapping"),
        ("owner_id: &o x\n", "1:11", "anchor '&o' is not allowed"),
    ])
    func refusesWithLocation(_ text: String, _ location: String, _ fragment: String) {
        expectConfigurationRefusal(text, at: location, fragment, load: load)
    }

    @Test func resolutionOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let cwd = directory.url
        #expect(ConfigurationLoader.resolveSource(explicitPath: nil, environment: [:], currentDirectory: cwd) == .defaults)
        try directory.write("steward.yaml", "owner_id: local\n")
        #expect(ConfigurationLoader.resolveSource(explicitPath: nil, environment: [:], currentDirectory: cwd)
                == .workingDirectory(cwd.appendingPathComponent("steward.yaml")))
        #expect(ConfigurationLoader.resolveSource(explicitPath: nil, environment: ["STEWARD_CONFIG": "/etc/s.yaml"], currentDirectory: cwd)
                == .environmentVariable(URL(fileURLWithPath: "/etc/s.yaml")))
        #expect(ConfigurationLoader.resolveSource(explicitPath: "x.yaml", environment: ["STEWARD_CONFIG": "/etc/s.yaml"], currentDirectory: cwd)
                == .explicit(cwd.appendingPathComponent("x.yaml")))

        let (local, _) = try ConfigurationLoader().load(explicitPath: nil, environment: [:], currentDirectory: cwd)
        #expect(local.ownerID == "local")
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(explicitPath: "missing.yaml", environment: [:], currentDirectory: cwd)
        }
        let error = try? ConfigurationLoader().load(explicitPath: nil, environment: ["STEWARD_CONFIG": "gone.yaml"], currentDirectory: cwd)
        #expect(error == nil)
    }

    /// ECS has no config files: the module hands the whole steward.yaml over in STEWARD_CONFIG_YAML.
    @Test func theFileCanComeAsTheTextOfAnEnvironmentVariable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let cwd = directory.url
        try directory.write("steward.yaml", "owner_id: local\n")
        let inline = ["STEWARD_CONFIG_YAML": "owner_id: from-ecs\nlisten: 0.0.0.0:9090\n"]
        #expect(ConfigurationLoader.resolveSource(explicitPath: nil, environment: inline, currentDirectory: cwd) == .inline(variable: "STEWARD_CONFIG_YAML"))
        let (configuration, _) = try ConfigurationLoader().load(explicitPath: nil, environment: inline, currentDirectory: cwd)
        #expect(configuration.ownerID == "from-ecs" && configuration.listenAddress == "0.0.0.0:9090")
        // A path, given or in STEWARD_CONFIG, still wins.
        #expect(ConfigurationLoader.resolveSource(explicitPath: nil, environment: inline.merging(["STEWARD_CONFIG": "/etc/s.yaml"]) { $1 }, currentDirectory: cwd)
                == .environmentVariable(URL(fileURLWithPath: "/etc/s.yaml")))
        #expect(ConfigurationLoader.resolveSource(explicitPath: "x.yaml", environment: inline, currentDirectory: cwd) == .explicit(cwd.appendingPathComponent("x.yaml")))
        // Errors are located in the variable's text.
        do {
            _ = try ConfigurationLoader().load(explicitPath: nil, environment: ["STEWARD_CONFIG_YAML": "owner_id: ok\ncolour: blue\n"], currentDirectory: cwd)
            Issue.record("an unknown key must be an error")
        } catch {
            #expect(error.description.contains("STEWARD_CONFIG_YAML:2:1: "), "\(error)")
        }
    }
}
