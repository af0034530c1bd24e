import Foundation
import Testing
import Yams

/// `examples/slack-app-manifest.yaml` creates the app Steward expects: Socket Mode on, the
/// three commands, and exactly the scopes it needs.
@Suite struct SlackAppManifestTests {
    static var manifestURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/slack-app-manifest.yaml")
    }

    @Test func theManifestTurnsOnSocketModeWithTheThreeCommandsAndTheScopes() throws {
        let text = try String(contentsOf: Self.manifestURL, encoding: .utf8)
        let manifest = try #require(try Yams.load(yaml: text) as? [String: Any])
        let settings = try #require(manifest["settings"] as? [String: Any])
        #expect(settings["socket_mode_enabled"] as? Bool == true)
        let features = try #require(manifest["features"] as? [String: Any])
        let commands = try #require(features["slash_commands"] as? [[String: Any]])
        #expect(commands.compactMap { $0["command"] as? String } == ["/whitelist", "/bastion", "/infra"])
        #expect(commands.allSatisfy { ($0["usage_hint"] as? String)?.contains("help") == true })
        let scopes = try #require(((manifest["oauth_config"] as? [String: Any])?["scopes"] as? [String: Any])?["bot"] as? [String])
        #expect(Set(scopes) == ["chat:write", "commands", "app_mentions:read"])
    }
}
