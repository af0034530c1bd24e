import Foundation
import Testing

/// The CLI as users run it: a real process, real files, exit codes and streams checked.
@Suite struct StewardCLITests {
    static let dev = """
    # Header comment that must survive writes.
    environment: dev
    tier: running
    protected: false
    whitelist:
      - cidr: 203.0.113.10/32
        description: John office IP
        added_by: john.doe
        added_at: 2026-11-20T10:00:00Z
        expires_at: 2027-02-01T00:00:00Z

    """

    @Test func validatesTheBundledDesiredState() throws {
        let workspace = try Workspace()
        try workspace.copyBundledDesiredState()
        let result = try workspace.steward("validate")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dev: tier running"))
        #expect(result.stdout.contains("staging: tier running (protected)"))
        #expect(result.stdout.contains("ok: 2 environment(s) valid"))
    }

    @Test func validateReportsEveryErrorWithItsLocationAndExits1() throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", """
        environment: prod
        tier: running
        colour: blue
        whitelist:
          - cidr: 10.0.0.1/24
            description: x
            added_by: a
            added_at: 2026-11-20T10:00:00

        """)
        let result = try workspace.steward("validate")
        #expect(result.status == 1)
        #expect(result.stderr.contains("desired-state/dev.yaml:1:14: "), "\(result.stderr)")
        #expect(result.stderr.contains("dev.yaml:3:1: "))
        #expect(result.stderr.contains("the network is 10.0.0.0/24"))
        #expect(result.stderr.contains("no time zone"))
        #expect(result.stdout.contains("dev: INVALID"))
    }

    @Test func whitelistAddEditsTheFileAndPrintsTheBotsReply() throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", Self.dev)
        let result = try workspace.steward("whitelist", "add", "198.51.100.7", "Jane home", "--env", "dev", "--ttl", "3d")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("queued: 198.51.100.7/32 added to dev until "), "\(result.stdout)")
        #expect(result.stdout.contains("(3d) — \"Jane home\""))
        let text = try workspace.read("desired-state/dev.yaml")
        #expect(text.hasPrefix("# Header comment that must survive writes.\n"))
        #expect(text.contains("  - cidr: 198.51.100.7/32\n    description: Jane home\n    added_by: tester\n"))

        let list = try workspace.steward("whitelist", "list", "dev")
        #expect(list.status == 0)
        #expect(list.stdout.contains("198.51.100.7/32"))
        #expect(list.stdout.contains("203.0.113.10/32"))

        let remove = try workspace.steward("whitelist", "remove", "198.51.100.7/32", "--env", "dev")
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(try workspace.read("desired-state/dev.yaml") == Self.dev)
    }

    @Test(arguments: [
        (["whitelist", "add", "10.0.0.1/8", "--env", "dev"], "has host bits set; the network is 10.0.0.0/8"),
        (["whitelist", "add", "10.0.0.0/8", "--env", "dev"], "wider than policy allows"),
        (["whitelist", "add", "198.51.100.7", "--env", "prod"], "prod"),
        (["whitelist", "add", "198.51.100.7", "--env", "dev", "--ttl", "91d"], "91d"),
        (["whitelist", "add", "198.51.100.7", "--env", "dev", "--ttl", "soon"], "soon"),
        (["whitelist", "add", "198.51.100.7", "Café", "--env", "dev"], "é"),
        (["whitelist", "remove", "192.0.2.1", "--env", "dev"], "not in the dev whitelist"),
        (["whitelist", "add", "198.51.100.7"], "--env"),
    ])
    func invalidInputExits1WithAReasonAndChangesNothing(arguments: [String], fragment: String) throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", Self.dev)
        let result = try StewardProcess.run(arguments, in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try workspace.read("desired-state/dev.yaml") == Self.dev)
    }

    @Test func configFromTheEnvironmentChangesPolicy() throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", Self.dev)
        try workspace.write("wide.yaml", "policy:\n  minimum_prefix_length_ipv4: 16\n")
        let refused = try workspace.steward("whitelist", "add", "10.1.0.0/16", "--env", "dev")
        #expect(refused.status == 1)
        let accepted = try workspace.steward("whitelist", "add", "10.1.0.0/16", "--env", "dev", environment: ["STEWARD_CONFIG": "wide.yaml"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try workspace.read("desired-state/dev.yaml").contains("cidr: 10.1.0.0/16"))
    }

    @Test func invalidConfigIsReportedWithItsLocation() throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", Self.dev)
        try workspace.write("steward.yaml", "owner_id: steward\npolicy:\n  max_ttl: 7d\n")
        let result = try workspace.steward("validate")
        #expect(result.status == 1)
        #expect(result.stderr.contains("steward.yaml:3:3"), "\(result.stderr)")
    }

    @Test func missingExplicitConfigIsAnError() throws {
        let workspace = try Workspace()
        try workspace.write("desired-state/dev.yaml", Self.dev)
        let result = try workspace.steward("validate", "--config", "nope.yaml")
        #expect(result.status == 1)
        #expect(result.stderr.contains("nope.yaml"))
    }

    @Test func desiredStateDirectoryComesFromTheFlagOrTheEnvironment() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try workspace.write("elsewhere/qa.yaml", Self.dev.replacingOccurrences(of: "environment: dev", with: "environment: qa"))
        let viaFlag = try workspace.steward("validate", "--desired-state", "elsewhere")
        #expect(viaFlag.status == 0, "\(viaFlag.stderr)")
        #expect(viaFlag.stdout.contains("qa: tier running"))
        let viaEnvironment = try workspace.steward("validate", environment: ["STEWARD_DESIRED_STATE": "elsewhere"])
        #expect(viaEnvironment.stdout.contains("qa: tier running"))
        let missing = try workspace.steward("validate", "--desired-state", "absent")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("desired-state directory absent does not exist"))
    }

    @Test func versionAndUsageErrors() throws {
        let workspace = try Workspace()
        let version = try workspace.steward("--version")
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let unknown = try workspace.steward("frobnicate")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Unexpected argument 'frobnicate'"))
    }
}
