import Foundation
import StewardCore
import Testing
@testable import StewardStore

@Suite struct DesiredStateDecoderTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var location: String
        var fragment: String
        var path = "desired-state/dev.yaml"
        var testDescription: String { name }
    }

    /// One row per rule: the text, the exact `line:column` of the error, and a message fragment.
    static let rows: [Row] = [
        Row(name: "unknown top-level key", text: validDev + "color: blue\n", location: "10:1", fragment: "unknown key 'color' in the top level"),
        Row(name: "unknown key suggests the close one", text: validDev.replacingOccurrences(of: "tier:", with: "teir:"),
            location: "2:1", fragment: "did you mean 'tier'?"),
        Row(name: "unknown entry key", text: validDev + "    comment: x\n", location: "10:5", fragment: "unknown key 'comment' in a whitelist entry"),
        Row(name: "unknown bastion key", text: validDev + "bastion:\n  requested_by: U1\n  expires_at: 2026-11-25T15:00:00Z\n  size: big\n",
            location: "13:3", fragment: "unknown key 'size' in bastion"),
        Row(name: "missing environment", text: String(validDev.drop { $0 != "\n" }.dropFirst()), location: "1:1",
            fragment: "missing the required key 'environment'"),
        Row(name: "missing tier", text: validDev.replacingOccurrences(of: "tier: running\n", with: ""), location: "1:1",
            fragment: "missing the required key 'tier'"),
        Row(name: "missing cidr", text: validDev.replacingOccurrences(of: "  - cidr: 203.0.113.10/32\n    description", with: "  - description"),
            location: "5:5", fragment: "a whitelist entry is missing the required key 'cidr'"),
        Row(name: "missing added_at", text: validDev.replacingOccurrences(of: "    added_at: 2026-11-20T10:00:00Z\n", with: ""),
            location: "5:5", fragment: "missing the required key 'added_at'"),
        Row(name: "missing added_by", text: validDev.replacingOccurrences(of: "    added_by: john.doe\n", with: ""),
            location: "5:5", fragment: "missing the required key 'added_by'"),
        Row(name: "missing description", text: validDev.replacingOccurrences(of: "    description: John office IP\n", with: ""),
            location: "5:5", fragment: "missing the required key 'description'"),
        Row(name: "bastion missing requested_by", text: validDev + "bastion:\n  expires_at: 2026-11-25T15:00:00Z\n",
            location: "11:3", fragment: "bastion is missing the required key 'requested_by'"),
        Row(name: "bastion missing expires_at", text: validDev + "bastion:\n  requested_by: U1\n",
            location: "11:3", fragment: "bastion is missing the required key 'expires_at'"),
        Row(name: "protected: yes", text: validDev.replacingOccurrences(of: "protected: false", with: "protected: yes"),
            location: "3:12", fragment: "'protected' must be true or false"),
        Row(name: "protected quoted", text: validDev.replacingOccurrences(of: "protected: false", with: "protected: \"true\""),
            location: "3:12", fragment: "'protected' must be true or false"),
        Row(name: "whitelist not a list", text: "environment: dev\ntier: running\nwhitelist: everyone\n",
            location: "3:12", fragment: "'whitelist' must be a list"),
        Row(name: "number where text belongs", text: validDev.replacingOccurrences(of: "added_by: john.doe", with: "added_by: 12345"),
            location: "7:15", fragment: "reads as an integer in YAML; put it in double quotes"),
        Row(name: "unknown tier", text: validDev.replacingOccurrences(of: "tier: running", with: "tier: paused"),
            location: "2:7", fragment: "expected one of running, stopped, torn-down"),
        Row(name: "duplicate CIDR", text: validDev + """
              - cidr: 203.0.113.10/32
                description: Again
                added_by: jane
                added_at: 2026-11-21T10:00:00Z
                expires_at: 2026-11-28T10:00:00Z

            """, location: "10:11", fragment: "203.0.113.10/32 is already whitelisted at line 5"),
        Row(name: "malformed CIDR", text: validDev.replacingOccurrences(of: "203.0.113.10/32", with: "203.0.113.300/32"),
            location: "5:11", fragment: "'203.0.113.300' is not an IPv4 or IPv6 address"),
        Row(name: "non-canonical CIDR", text: validDev.replacingOccurrences(of: "203.0.113.10/32", with: "203.0.113.10/24"),
            location: "5:11", fragment: "has host bits set; the network is 203.0.113.0/24"),
        Row(name: "prefix too wide", text: validDev.replacingOccurrences(of: "203.0.113.10/32", with: "10.0.0.0/8"),
            location: "5:11", fragment: "10.0.0.0/8 is wider than policy allows"),
        Row(name: "world open", text: validDev.replacingOccurrences(of: "203.0.113.10/32", with: "0.0.0.0/0"),
            location: "5:11", fragment: "opens the group to the whole internet"),
        Row(name: "description character", text: validDev.replacingOccurrences(of: "John office IP", with: "John's office"),
            location: "6:18", fragment: "description contains '''"),
        Row(name: "description length", text: validDev.replacingOccurrences(of: "John office IP", with: String(repeating: "a", count: 256)),
            location: "6:18", fragment: "description is 256 characters; AWS allows at most 255"),
        Row(name: "TTL over the maximum", text: validDev.replacingOccurrences(of: "expires_at: 2026-11-27T10:00:00Z", with: "expires_at: 2027-03-01T10:00:00Z"),
            location: "9:17", fragment: "more than the maximum TTL (90d)"),
        Row(name: "no expiry while policy forbids permanent entries",
            text: validDev.replacingOccurrences(of: "    expires_at: 2026-11-27T10:00:00Z\n", with: ""),
            location: "5:5", fragment: "entry has no expires_at; policy.allow_permanent_entries is false"),
        Row(name: "timestamp without a zone", text: validDev.replacingOccurrences(of: "added_at: 2026-11-20T10:00:00Z", with: "added_at: 2026-11-20T10:00:00"),
            location: "8:15", fragment: "has no time zone"),
        Row(name: "environment differs from the file name", text: validDev.replacingOccurrences(of: "environment: dev", with: "environment: staging"),
            location: "1:14", fragment: "environment is 'staging' but the file is dev.yaml"),
        Row(name: "anchor", text: validDev.replacingOccurrences(of: "description: John office IP", with: "description: &d John office IP"),
            location: "6:18", fragment: "YAML anchor '&d' is not allowed"),
        Row(name: "alias", text: "environment: &e dev\ntier: running\nwhitelist:\n  - cidr: *e\n", location: "4:11",
            fragment: "YAML alias '*e' is not allowed"),
        Row(name: "duplicate key", text: validDev.replacingOccurrences(of: "protected: false", with: "tier: stopped"),
            location: "3:1", fragment: "duplicate key 'tier' (first at line 2)"),
        Row(name: "top level not a mapping", text: "- environment: dev\n", location: "1:1", fragment: "the top level must be a mapping"),
        Row(name: "empty file", text: "", location: "", fragment: "file is empty"),
        Row(name: "only comments", text: "# nothing here\n", location: "", fragment: "file is empty"),
        Row(name: "two documents", text: "environment: dev\ntier: running\n---\nenvironment: dev\n", location: "3:1",
            fragment: "a second YAML document starts here"),
        Row(name: "syntax error", text: "environment: dev\ntier: [running\n", location: "3:1", fragment: "YAML syntax error"),
        Row(name: "tag", text: validDev.replacingOccurrences(of: "tier: running", with: "tier: !!binary cnVubmluZw=="),
            location: "2:7", fragment: "YAML tag 'tag:yaml.org,2002:binary' is not allowed"),
        Row(name: "control character", text: "environment: dev\ntier: run\u{07}ning\n", location: "2:10", fragment: "unreadable character"),
    ]

    @Test(arguments: rows)
    func reportsEachRuleAtItsLocation(_ row: Row) {
        let result = decode(row.text, path: row.path)
        #expect(result.state == nil, "\(row.name) must be refused")
        let errors = result.errors
        let match = errors.first { error in
            let location = error.line.map { "\($0):\(error.column ?? 0)" } ?? ""
            return location == row.location && error.message.contains(row.fragment)
        }
        #expect(match != nil, "\(row.name): expected \(row.location) '\(row.fragment)', got:\n\(errors.map(\.description).joined(separator: "\n"))")
        #expect(errors.allSatisfy { $0.path == row.path })
    }

    @Test func validFileDecodes() throws {
        let result = decode(validDev)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let state = try #require(result.state)
        #expect(state.environment.rawValue == "dev")
        #expect(state.tier == .running)
        #expect(!state.isProtected)
        #expect(state.whitelist == [WhitelistEntry(cidr: try CIDR("203.0.113.10/32"), description: "John office IP", addedBy: "john.doe",
                                                   addedAt: ts("2026-11-20T10:00:00Z"), expiresAt: ts("2026-11-27T10:00:00Z"))])
        #expect(state.bastion == nil)
    }

    @Test func defaultsAndOptionalKeys() throws {
        let text = """
            environment: dev
            tier: stopped
            allow_teardown_until: 2026-12-01T00:00:00+01:00
            bastion:
              requested_by: U01234567
              expires_at: 2026-11-25T15:00:00Z

            """
        let state = try #require(decode(text).state)
        #expect(!state.isProtected)
        #expect(state.whitelist.isEmpty)
        #expect(state.allowTeardownUntil == ts("2026-11-30T23:00:00Z"))
        #expect(state.bastion == BastionLease(requestedBy: "U01234567", requestedAt: nil, expiresAt: ts("2026-11-25T15:00:00Z")))
    }

    @Test func expiredEntryIsAWarningNotAnError() throws {
        let result = decode(validDev, now: ts("2026-11-28T00:00:00Z"))
        let state = try #require(result.state)
        #expect(state.activeEntries(at: ts("2026-11-28T00:00:00Z")).isEmpty)
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(warning.severity == .warning)
        #expect((warning.line, warning.column) == (5, 5))
        #expect(warning.message.contains("expired at 2026-11-27T10:00:00Z"))
        #expect(warning.description.hasPrefix("desired-state/dev.yaml:5:5: warning: "))
    }

    @Test func permanentEntryAllowedWhenPolicySaysSo() {
        var policy = Policy()
        policy.allowPermanentEntries = true
        let text = validDev.replacingOccurrences(of: "    expires_at: 2026-11-27T10:00:00Z\n", with: "")
        #expect(decode(text, policy: policy).isValid)
    }

    @Test func quotedTextThatLooksLikeOtherTypesIsText() throws {
        let text = validDev.replacingOccurrences(of: "added_by: john.doe", with: "added_by: \"12345\"")
            .replacingOccurrences(of: "John office IP", with: "\"true\"")
        let state = try #require(decode(text).state)
        #expect(state.whitelist[0].addedBy == "12345")
        #expect(state.whitelist[0].description == "true")
    }

    @Test func reportsEveryErrorOfAFileAtOnce() {
        let text = """
            environment: staging
            tier: paused
            protected: yes
            whitelist:
              - cidr: 10.0.0.1/8
                description: John's
                added_by: john
                added_at: 2026-11-20T10:00:00
                colour: red

            """
        let result = decode(text)
        let located = result.errors.map { "\($0.line ?? 0):\($0.column ?? 0)" }
        #expect(located == ["1:14", "2:7", "3:12", "5:11", "6:18", "8:15", "9:5"], "\(result.errors.map(\.description))")
    }

    @Test func nonUTF8ReportsTheFirstBadByte() {
        var bytes = Array("environment: dev\ntier: runnü".utf8)
        bytes.append(0xFF)
        bytes += Array("ing\n".utf8)
        let result = DesiredStateDecoder().decode(bytes, path: "dev.yaml", policy: .default, now: testNow)
        let error = result.errors.first
        #expect(error?.line == 2)
        #expect(error?.column == 12)
        #expect(error?.message.contains("invalid UTF-8 (byte 0xFF") == true)
    }

    @Test func fileOverOneMebibyteIsRefused() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: (1 << 20) + 1)
        let result = DesiredStateDecoder().decode(bytes, path: "dev.yaml", policy: .default, now: testNow)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("1048577 bytes; the limit is 1048576") == true)

        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try Data(bytes).write(to: directory.url.appendingPathComponent("dev.yaml"))
        let fromFile = DesiredStateDecoder().decodeFile(at: directory.url.appendingPathComponent("dev.yaml"), path: "dev.yaml",
                                                        policy: .default, now: testNow)
        #expect(fromFile.errors.first?.message.contains("1048577 bytes") == true)

        let exactly = [UInt8](repeating: UInt8(ascii: "#"), count: 1 << 20)
        let atLimit = DesiredStateDecoder().decode(exactly, path: "dev.yaml", policy: .default, now: testNow)
        #expect(atLimit.errors.first?.message.contains("file is empty") == true)
    }

    @Test func billionLaughsIsRefusedQuicklyWithoutExpansion() {
        var text = "lol: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = names[level - 1]
            text += "l\(level): &\(names[level]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        // An alias as a mapping key would make a YAML composer hash the whole expansion.
        text += "? *i\n: boom\n"
        let clock = ContinuousClock()
        let start = clock.now
        let result = decode(text)
        let elapsed = clock.now - start
        #expect(result.state == nil)
        #expect(result.errors.first?.message.contains("YAML anchor '&a' is not allowed") == true)
        #expect((result.errors.first?.line, result.errors.first?.column) == (1, 6))
        #expect(result.errors.count <= AliasScanner.maximumFindings)
        #expect(elapsed < .seconds(1))
    }

    @Test(arguments: [
        ("description: R&D *team* a&b", true),
        ("description: \"&x\"", true),
        ("description: '*x'", true),
        ("description: a # &comment", true),
        ("description: |\n  &literal\n  *block", true),
        ("description: &x y", false),
        ("description: [*x]", false),
        ("? &k key\n: v", false),
    ])
    func aliasScannerOnlyFlagsRealAnchors(_ text: String, _ clean: Bool) {
        #expect(AliasScanner.scan(Array(text.utf8)).isEmpty == clean, "\(text)")
    }
}
