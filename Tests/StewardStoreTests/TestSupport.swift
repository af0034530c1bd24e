import Foundation
import StewardCore
import Testing
@testable import StewardStore

/// The reference moment of every test: decoding depends on `now` only for expiry warnings.
let testNow = try! Timestamp.parse("2026-11-25T12:00:00Z")

func ts(_ text: String) -> Date { try! Timestamp.parse(text) }

func decode(_ text: String, path: String = "desired-state/dev.yaml", policy: Policy = .default, now: Date = testNow) -> DesiredStateDecoding {
    DesiredStateDecoder().decode(Array(text.utf8), path: path, policy: policy, now: now)
}

/// A fresh directory under the system temp directory, removed by `cleanup`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("steward-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

let validDev = """
environment: dev
tier: running
protected: false
whitelist:
  - cidr: 203.0.113.10/32
    description: John office IP
    added_by: john.doe
    added_at: 2026-11-20T10:00:00Z
    expires_at: 2026-11-27T10:00:00Z

"""

func entry(_ cidr: String, _ description: String = "test entry", addedAt: String = "2026-11-24T10:00:00Z",
           expiresAt: String? = "2026-12-01T10:00:00Z") -> WhitelistEntry {
    WhitelistEntry(cidr: try! CIDR(cidr), description: description, addedBy: "tester", addedAt: ts(addedAt), expiresAt: expiresAt.map(ts))
}

/// Expects `load` to refuse `text` with a diagnostic at `location` (`line:column`) whose message holds `fragment`.
func expectConfigurationRefusal(_ text: String, at location: String, _ fragment: String,
                                load: (String) throws(ConfigurationError) -> StewardConfiguration) {
    do {
        _ = try load(text)
        Issue.record("expected an error for \(text)")
    } catch {
        guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return }
        #expect(diagnostics.contains { "\($0.line ?? 0):\($0.column ?? 0)" == location && $0.message.contains(fragment) },
                "\(diagnostics.map(\.description))")
    }
}
