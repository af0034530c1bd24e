import Foundation
import StewardTestSupport
import Testing

/// The CLI's other options: `--output`, `--env`, the Markdown and Slack formats.
@Suite(.serialized) struct DriftCommandOptionTests {
    @Test func outputFileEnvSelectionAndFormats() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let qaWeb = try await world.managedGroup("qa-web", environment: "qa")
            try await world.handMadeRule(web, cidr: "198.51.100.7/32")
            try await world.handMadeRule(qaWeb, cidr: "198.51.100.8/32")
            world.clock = Date()
            try world.writeDesired("dev", [])
            try world.writeDesired("qa", [])
            let environment = world.moto.clientEnvironment
            func drift(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
                try StewardBinary.runCapturing(["drift", "--no-attribution"] + arguments, in: world.directory, environment: environment)
            }

            let file = world.directory.appendingPathComponent("drift.md")
            let markdown = try drift(["--format", "markdown", "--output", file.path])
            #expect(markdown.status == 0 && markdown.stdout.isEmpty, "the report goes to the file: \(markdown.stdout)")
            let written = try String(contentsOf: file, encoding: .utf8)
            #expect(written.hasPrefix("# Drift report\n"))
            #expect(written.contains("## dev: drifted") && written.contains("## qa: drifted"))

            let onlyDev = try DriftDocument.decode(try drift(["--env", "dev", "--format", "json"]).stdout)
            #expect(onlyDev.environments.map(\.name) == ["dev"])
            #expect(onlyDev.findings.allSatisfy { $0.environment == "dev" })
            // qa's finding was not looked at, so it is not resolved: a full report still has it open.
            let all = try DriftDocument.decode(try drift(["--format", "json"]).stdout)
            #expect(all.findings.first { $0.environment == "qa" }?.state == "open")

            let slack = try drift(["--format", "slack"])
            let message = try #require(try JSONSerialization.jsonObject(with: Data(slack.stdout.utf8)) as? [String: Any])
            let blocks = try #require(message["blocks"] as? [[String: Any]])
            #expect(blocks.first?["type"] as? String == "header")
            #expect((message["text"] as? String)?.contains("Drift: 2 medium") == true, "\(message)")

            let bad = try drift(["--format", "yaml"])
            #expect(bad.status == 1, "a bad option is an error (1)")
        }
    }
}
