import Foundation
import StewardCore
import Testing
@testable import StewardStore

/// The layering's table of DynamoDB rows the rest of desired state doesn't back
/// (DesiredStateLayering+Discrepancies.swift), one row per case: pure, no tables.
@Suite struct DesiredStateDiscrepancyTests {
    static let dev = try! EnvironmentName("dev")
    static let prdo = try! EnvironmentName("prdo")
    static let t0 = Date(timeIntervalSince1970: 1_795_773_600) // 2026-11-27T10:00:00Z

    static func entry(_ cidr: String, _ description: String = "office", expires: TimeInterval? = 86_400, by: String = "john") -> WhitelistEntry {
        WhitelistEntry(cidr: try! CIDR(cidr), description: description, addedBy: by, addedAt: t0, expiresAt: expires.map { t0.addingTimeInterval($0) })
    }

    static func row(_ environment: EnvironmentName, _ entry: WhitelistEntry) -> WhitelistItemRecord {
        WhitelistItemRecord(ipAddress: entry.cidr.description, environment: environment, entry: entry, version: nil, editID: nil,
                            label: "wl[ip_address=\(entry.cidr), environment=\(environment)]")
    }

    static func item(_ environment: EnvironmentName, tier: Tier? = nil) -> EnvironmentItemRecord {
        EnvironmentItemRecord(environment: environment, tier: tier, label: "envs[environment=\(environment)]")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: [WhitelistEntry] = [DesiredStateDiscrepancyTests.entry("203.0.113.10/32")]
        var yamlTier: Tier = .running
        var rows: [WhitelistItemRecord] = []
        var items: [EnvironmentItemRecord] = []
        /// nil: nothing but DynamoDB defines environments.
        var defined: Set<EnvironmentName>? = [DesiredStateDiscrepancyTests.dev]
        /// `kind environment row other`, in order.
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "rows and items of a defined environment, no overlap: nothing",
             rows: [row(dev, entry("198.51.100.0/24"))], items: [item(dev, tier: .stopped)], expected: []),
        Case(name: "a whitelist row naming an undefined environment",
             rows: [row(prdo, entry("198.51.100.0/24"))],
             expected: ["unknown-environment prdo wl[ip_address=198.51.100.0/24, environment=prdo] -"]),
        Case(name: "an environments-table item naming an undefined environment, and its rows, each",
             rows: [row(prdo, entry("198.51.100.0/24")), row(prdo, entry("192.0.2.0/24"))], items: [item(prdo, tier: .running)],
             expected: ["unknown-environment prdo wl[ip_address=198.51.100.0/24, environment=prdo] -",
                        "unknown-environment prdo wl[ip_address=192.0.2.0/24, environment=prdo] -",
                        "unknown-environment prdo envs[environment=prdo] -"]),
        Case(name: "an environment steward.yaml configures (no YAML file) is defined",
             rows: [row(prdo, entry("198.51.100.0/24"))], defined: [dev, prdo], expected: []),
        Case(name: "DynamoDB alone defines environments: no row is unknown",
             rows: [row(prdo, entry("198.51.100.0/24"))], defined: nil, expected: []),
        Case(name: "a row for a YAML network with another description conflicts",
             rows: [row(dev, entry("203.0.113.10/32", "John at home"))],
             expected: ["conflict dev wl[ip_address=203.0.113.10/32, environment=dev] desired-state/dev.yaml"]),
        Case(name: "a row for a YAML network with another expiry conflicts",
             rows: [row(dev, entry("203.0.113.10/32", expires: 7 * 86_400))],
             expected: ["conflict dev wl[ip_address=203.0.113.10/32, environment=dev] desired-state/dev.yaml"]),
        Case(name: "a row that says the same as the YAML (another author) is no conflict",
             rows: [row(dev, entry("203.0.113.10/32", by: "slack:U1"))], expected: []),
        Case(name: "a tier override in the environments table is the table's purpose, not a conflict",
             items: [item(dev, tier: .stopped)], expected: []),
    ]

    @Test(arguments: cases) func discrepancies(_ row: Case) {
        var read = DynamoDBDesiredStateRead()
        for record in row.rows { read.whitelist[record.environment, default: []].append(record) }
        for item in row.items { read.environmentItems[item.environment] = item }
        let reviewed = [Self.dev: DesiredState(environment: Self.dev, tier: row.yamlTier, whitelist: row.yaml)]
        let found = DesiredStateLayering.discrepancies(read: read, defined: row.defined, reviewed: reviewed,
                                                       reviewedPath: { "desired-state/\($0).yaml" })
        #expect(found.map { "\($0.kind.rawValue) \($0.environment) \($0.row) \($0.other ?? "-")" } == row.expected)
    }

    @Test func messagesNameBothPlacesAndWhatToDo() throws {
        var read = DynamoDBDesiredStateRead()
        read.whitelist[Self.dev] = [Self.row(Self.dev, Self.entry("203.0.113.10/32", "John at home", expires: nil))]
        read.whitelist[Self.prdo] = [Self.row(Self.prdo, Self.entry("198.51.100.0/24"))]
        let reviewed = [Self.dev: DesiredState(environment: Self.dev, whitelist: [Self.entry("203.0.113.10/32")])]
        let found = DesiredStateLayering.discrepancies(read: read, defined: [Self.dev], reviewed: reviewed, reviewedPath: { "desired-state/\($0).yaml" })
        let conflict = try #require(found.first { $0.kind == .conflict })
        #expect(conflict.message == "203.0.113.10/32 is defined both in desired-state/dev.yaml and in wl[ip_address=203.0.113.10/32, environment=dev], "
            + "differently (description \"office\" in the YAML, \"John at home\" in the row; expires 2026-11-28T10:00:00Z in the YAML, never in the row); "
            + "the YAML entry governs and the row is ignored — delete the row, or change the entry in a reviewed change")
        let unknown = try #require(found.first { $0.kind == .unknownEnvironment })
        #expect(unknown.message.hasPrefix("names environment prdo, which no desired-state file (desired-state/prdo.yaml)"))
        #expect(unknown.message.hasSuffix("delete the row if the name is a typo"))
    }

    /// In the drift model both are medium findings on the row, counted as drift.
    @Test func theyAreMediumDriftOnTheRow() {
        var report = ReconcileReport(startedAt: Self.t0)
        report.environments = [Self.dev, Self.prdo]
        report.desiredStateDiscrepancies = [
            DesiredStateDiscrepancy(kind: .conflict, environment: Self.dev, row: "wl[ip_address=203.0.113.10/32, environment=dev]",
                                    other: "desired-state/dev.yaml", message: "both"),
            DesiredStateDiscrepancy(kind: .unknownEnvironment, environment: Self.prdo, row: "wl[ip_address=198.51.100.0/24, environment=prdo]", message: "typo"),
        ]
        let observation = DriftObservation(report: report)
        #expect(observation.items.map { "\($0.kind.rawValue) \($0.severity.rawValue) \($0.id)" }.sorted() == [
            "desired-state-conflict medium desired-state-conflict:desired-state:wl[ip_address=203.0.113.10/32, environment=dev]",
            "desired-state-unknown-environment medium desired-state-unknown-environment:desired-state:wl[ip_address=198.51.100.0/24, environment=prdo]",
        ])
        var history = DriftHistory()
        let drift = DriftReport.make(observation: observation, history: &history, desiredState: "d", now: Self.t0)
        #expect(drift.exitCode(detailed: true) == 2, "drift, not unknown")
        #expect(drift.environments.map(\.status) == [.drifted, .drifted])
    }
}
