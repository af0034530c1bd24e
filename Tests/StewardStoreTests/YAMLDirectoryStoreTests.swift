import Foundation
import StewardCore
import Testing
@testable import StewardStore

@Suite struct YAMLDirectoryStoreTests {
    static let header = "# Dev: the shared development environment.\n# Edit through `steward whitelist add` or a reviewed PR.\n\n"

    @Test func loadReadsEveryEnvironmentAndReportsStrays() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", validDev)
        try directory.write("staging.yaml", validDev.replacingOccurrences(of: "environment: dev", with: "environment: staging"))
        try directory.write("broken.yaml", "environment: broken\ntier: paused\n")
        try directory.write("Dev.yaml", validDev)
        try directory.write("qa.yml", validDev)
        try directory.write(".dev.yaml.lock", "")
        try directory.write(".dev.yaml.123.456.tmp", "garbage: [")
        try directory.write("README.md", "not yaml")
        let store = YAMLDirectoryStore(directory: directory.url)
        let snapshot = try store.load(now: ts("2026-11-28T00:00:00Z"))
        #expect(snapshot.environments.keys.map(\.rawValue).sorted() == ["dev", "staging"])
        #expect(snapshot.failures.keys.map(\.rawValue) == ["broken"])
        #expect(snapshot.failures.values.first?.first?.message.contains("paused") == true)
        #expect(snapshot.strayFailures.count == 2)
        #expect(snapshot.strayFailures.contains { $0.path.hasSuffix("Dev.yaml") && $0.message.contains("not an environment name") })
        #expect(snapshot.strayFailures.contains { $0.path.hasSuffix("qa.yml") && $0.message.contains("rename it to qa.yaml") })
        #expect(snapshot.warnings.count == 2, "expired entries in dev and staging")
    }

    @Test func bundledDesiredStateValidates() async throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let store = YAMLDirectoryStore(directory: repository.appendingPathComponent("desired-state"))
        let snapshot = try store.load(now: testNow)
        #expect(snapshot.isValid, "\(snapshot.allErrors.map(\.description))")
        #expect(snapshot.warnings.isEmpty)
        #expect(snapshot.environments.keys.map(\.rawValue).sorted() == ["dev", "staging"])
        #expect(snapshot.environments[try EnvironmentName("staging")]?.isProtected == true)
        // Canonical already: a no-op rewrite would change nothing but the comment-free body.
        for (name, state) in snapshot.environments {
            let text = try String(contentsOf: store.fileURL(for: name), encoding: .utf8)
            #expect(DesiredStateEncoder().encode(state, header: DesiredStateEncoder.leadingComment(of: text)) == text)
        }
    }

    @Test func loadOfMissingDirectoryThrows() async throws {
        let store = YAMLDirectoryStore(directory: URL(fileURLWithPath: "/nonexistent/steward-desired-state"))
        #expect(throws: StoreError.self) { try store.load(now: testNow) }
    }

    @Test func addingOneEntryIsAOneEntryDiffAndKeepsTheHeader() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let original = Self.header + validDev + "bastion:\n  requested_by: U01234567\n  expires_at: 2026-11-25T15:00:00Z\n"
        try directory.write("dev.yaml", original)
        let store = YAMLDirectoryStore(directory: directory.url)
        let dev = try EnvironmentName("dev")
        let written = try await store.apply(.addWhitelistEntry(entry("198.51.100.0/24", "Jane home")), to: dev, actor: "jane", now: testNow)
        #expect(written.whitelist.count == 2)
        let after = String(decoding: try directory.read("dev.yaml"), as: UTF8.self)
        #expect(after.hasPrefix(Self.header))

        // The literal diff of the two texts: only the five added lines differ.
        let diff = try runDiff(original, after)
        let changed = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(changed == [
            "+  - cidr: 198.51.100.0/24",
            "+    description: Jane home",
            "+    added_by: tester",
            "+    added_at: 2026-11-24T10:00:00Z",
            "+    expires_at: 2026-12-01T10:00:00Z",
        ], "\(diff)")
    }

    @Test func refusedEditChangesNothingOnDisk() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let original = Self.header + "environment: dev   # odd spacing, a trailing comment\ntier:   running\nwhitelist: []\n"
        try directory.write("dev.yaml", original)
        let before = try directory.read("dev.yaml")
        let store = YAMLDirectoryStore(directory: directory.url)
        let dev = try EnvironmentName("dev")
        await #expect(throws: DesiredStateEditError.self) {
            try await store.apply(.addWhitelistEntry(entry("10.0.0.0/8")), to: dev, actor: "x", now: testNow)
        }
        await #expect(throws: DesiredStateEditError.self) {
            try await store.apply(.removeWhitelistEntry(try CIDR("192.0.2.0/24")), to: dev, actor: "x", now: testNow)
        }
        #expect(try directory.read("dev.yaml") == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        #expect(names == [".dev.yaml.lock", "dev.yaml"], "no temp file is left behind")
    }

    @Test func editOfAnInvalidFileIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", "environment: dev\ntier: paused\n")
        let before = try directory.read("dev.yaml")
        let store = YAMLDirectoryStore(directory: directory.url)
        do {
            try await store.apply(.setTier(.stopped), to: try EnvironmentName("dev"), actor: "x", now: testNow)
            Issue.record("edit of an invalid file must be refused")
        } catch let DesiredStateEditError.invalidFile(diagnostics) {
            #expect(diagnostics.first?.description.contains("dev.yaml:2:7: 'tier' is 'paused'") == true, "\(diagnostics)")
        }
        #expect(try directory.read("dev.yaml") == before)
    }

    @Test func editOfAMissingEnvironmentIsUnknown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let store = YAMLDirectoryStore(directory: directory.url)
        await #expect(throws: DesiredStateEditError.unknownEnvironment(try EnvironmentName("qa"))) {
            try await store.apply(.setTier(.stopped), to: try EnvironmentName("qa"), actor: "x", now: testNow)
        }
    }

    @Test func writesWholeSecondsAndReturnsWhatIsOnDisk() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("dev.yaml", validDev)
        let store = YAMLDirectoryStore(directory: directory.url)
        let now = Date(timeIntervalSince1970: 1_795_000_000.75)
        let added = WhitelistEntry(cidr: try CIDR("2001:db8::/48"), description: "v6 office", addedBy: "x",
                                   addedAt: now, expiresAt: now.addingTimeInterval(7 * 86_400))
        let written = try await store.apply(.addWhitelistEntry(added), to: try EnvironmentName("dev"), actor: "x", now: now)
        let onDisk = try store.load(now: now).environments[try EnvironmentName("dev")]
        #expect(onDisk == written)
        #expect(written.whitelist.last?.addedAt == Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func createMakesANewEnvironmentOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let store = YAMLDirectoryStore(directory: directory.url, newFileMode: 0o640)
        let qa = DesiredState(environment: try EnvironmentName("qa"), tier: .stopped)
        try await store.create(qa, header: "# QA\n")
        #expect(String(decoding: try directory.read("qa.yaml"), as: UTF8.self) == "# QA\nenvironment: qa\ntier: stopped\nprotected: false\nwhitelist: []\n")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.url.appendingPathComponent("qa.yaml").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        await #expect(throws: StoreError.self) { try await store.create(qa) }
    }

    /// `diff -u` of two texts, as git would show them.
    private func runDiff(_ old: String, _ new: String) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try directory.write("old", old)
        try directory.write("new", new)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", directory.url.appendingPathComponent("old").path, directory.url.appendingPathComponent("new").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
