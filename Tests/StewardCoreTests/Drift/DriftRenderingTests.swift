import Foundation
import StewardCore
import Testing

/// Goldens for the text and Markdown reports, the JSON round trip, Slack's limits: all from
/// one report value.
@Suite struct DriftRenderingTests {
    typealias F = DriftFixture

    /// dev drifted (a new critical, an open medium that someone caused, an acknowledged one),
    /// qa unknown, prod in sync; one resolution.
    static func report() throws -> DriftReport {
        let prod = try EnvironmentName("prod")
        var history = DriftHistory()
        let open = F.rule("sgr-2", message: "tcp/443 from 203.0.113.5/32 is not managed by Steward (no steward:owner=steward tag)")
        let gone = F.rule("sgr-3", kind: .unmanagedRule, severity: .high, message: "tcp/22 from 198.51.100.0/24 is not managed by Steward")
        let acked = F.rule("sgr-4", severity: .medium, message: "tcp/443 from 192.0.2.7/32 | vendor")
        _ = history.update(observed: [open, gone, acked], covered: [F.dev], now: F.t0)
        try history.acknowledge(acked.id, ack: DriftAck(by: "ana", reason: "vendor test", until: F.hours(72), at: F.t0))
        history.recordActors([open.id: DriftActor(name: "alice@example.com", arn: "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_1/alice@example.com",
                                                  kind: .ssoSession, eventName: "AuthorizeSecurityGroupIngress", eventTime: F.hours(-1))])
        let critical = F.rule("sgr-1", kind: .worldOpenRule, severity: .critical, message: "tcp/443 from 0.0.0.0/0 is open to the whole internet")
        let observation = DriftObservation(items: [critical, open, acked], environments: [F.dev, prod, F.qa],
                                           unknown: [F.qa: "AWS could not be read: AccessDenied on DescribeSecurityGroups"])
        return DriftReport.make(observation: observation, history: &history, desiredState: "desired-state (YAML directory)", now: F.hours(50))
    }

    @Test func textGolden() throws {
        #expect(DriftReportTextRenderer.render(try Self.report()) == """
        Drift report 2026-11-29T12:00:00Z (desired state: desired-state (YAML directory))

        dev: drifted (1 new, 1 open, 1 resolved, 1 acknowledged)
          critical  new         world-open-rule  sg-1 sgr-1: tcp/443 from 0.0.0.0/0 is open to the whole internet  [world-open-rule:security-group-rule:sg-1/sgr-1]
          high      resolved (by someone else)  unmanaged-rule  sg-1 sgr-3: tcp/22 from 198.51.100.0/24 is not managed by Steward  [unmanaged-rule:security-group-rule:sg-1/sgr-3]
          medium    open 2d     unmanaged-rule  sg-1 sgr-2: tcp/443 from 203.0.113.5/32 is not managed by Steward (no steward:owner=steward tag) (by alice@example.com (sso-session, AuthorizeSecurityGroupIngress) at 2026-11-27T09:00:00Z)  [unmanaged-rule:security-group-rule:sg-1/sgr-2]

        prod: in sync

        qa: unknown (AWS could not be read: AccessDenied on DescribeSecurityGroups)

        Acknowledged (not counted):
          medium    acked by ana until 2026-11-30T10:00:00Z  unmanaged-rule  sg-1 sgr-4: tcp/443 from 192.0.2.7/32 | vendor  [unmanaged-rule:security-group-rule:sg-1/sgr-4] — vendor test

        Acks expiring within a week:
          unmanaged-rule:security-group-rule:sg-1/sgr-4 until 2026-11-30T10:00:00Z (by ana)

        Drift: 1 critical, 1 medium; 1 acknowledged; 1 resolved; 1 environment(s) unknown

        """)
    }

    @Test func markdownGolden() throws {
        #expect(DriftReportMarkdownRenderer.render(try Self.report()) == """
        # Drift report

        Generated 2026-11-29T12:00:00Z from `desired-state (YAML directory)`. Drift: 1 critical, 1 medium; 1 acknowledged; 1 resolved; 1 environment(s) unknown.

        ## dev: drifted

        | Severity | State | Kind | Resource | Finding | Since |
        |---|---|---|---|---|---|
        | critical | new | `world-open-rule` | `sg-1 sgr-1` | tcp/443 from 0.0.0.0/0 is open to the whole internet | 2026-11-29T12:00:00Z |
        | high | resolved (by someone else) | `unmanaged-rule` | `sg-1 sgr-3` | tcp/22 from 198.51.100.0/24 is not managed by Steward | 2026-11-27T10:00:00Z |
        | medium | open 2d | `unmanaged-rule` | `sg-1 sgr-2` | tcp/443 from 203.0.113.5/32 is not managed by Steward (no steward:owner=steward tag) (by alice@example.com (sso-session, AuthorizeSecurityGroupIngress) at 2026-11-27T09:00:00Z) | 2026-11-27T10:00:00Z |

        ## prod: in sync

        _No drift._

        ## qa: unknown

        Unknown: AWS could not be read: AccessDenied on DescribeSecurityGroups

        _Could not be judged; nothing is claimed in sync._

        ## Acknowledged

        | Finding | By | Until | Reason |
        |---|---|---|---|
        | `unmanaged-rule:security-group-rule:sg-1/sgr-4` | ana | 2026-11-30T10:00:00Z | vendor test |

        Acks expiring within a week: `unmanaged-rule:security-group-rule:sg-1/sgr-4` (2026-11-30T10:00:00Z)

        """)
    }

    @Test func jsonRoundTripsWithTheSchemaFields() throws {
        let report = try Self.report()
        let text = try DriftReportJSON.render(report)
        #expect(try DriftReportJSON.decode(text) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "steward.drift/v1")
        #expect(object["generated_at"] as? String == "2026-11-29T12:00:00Z")
        #expect(object["desired_state"] as? String == "desired-state (YAML directory)")
        let environments = try #require(object["environments"] as? [[String: Any]])
        #expect(environments.map { $0["status"] as? String } == ["drifted", "in_sync", "unknown"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let states = Set(findings.compactMap { $0["state"] as? String })
        #expect(states == ["new", "open", "resolved", "acknowledged"])
        let acked = try #require(findings.first { $0["state"] as? String == "acknowledged" })
        #expect((acked["ack"] as? [String: Any])?.keys.sorted() == ["at", "by", "reason", "until"])
        let resource = try #require(findings.first?["resource"] as? [String: Any])
        #expect(resource.keys.sorted() == ["display", "id", "type"])
        for key in ["id", "kind", "severity", "environment", "message", "first_seen", "last_seen"] {
            #expect(findings.allSatisfy { $0[key] != nil }, "every finding has \(key)")
        }
        #expect(findings.contains { ($0["actor"] as? [String: Any])?["name"] as? String == "alice@example.com" })
    }

    @Test func slackStaysWithinBlockLimitsAndSaysHowManyMore() throws {
        var history = DriftHistory()
        let items = (0..<1000).map { F.rule("sgr-\($0)", message: String(repeating: "x", count: 200)) }
        let report = DriftReport.make(observation: DriftObservation(items: items, environments: [F.dev]), history: &history, desiredState: "d", now: F.t0)
        let message = DriftReportSlackRenderer.message(report)
        #expect(message.blocks.count <= 50)
        #expect(message.blocks.allSatisfy { ($0.text?.text.count ?? 0) <= 3000 })
        let last = try #require(message.blocks.last?.text?.text)
        #expect(last.hasPrefix("… and ") && last.hasSuffix(" more"))
        let shown = message.blocks.dropFirst(2).dropLast().reduce(0) { $0 + ($1.text?.text.split(separator: "\n").count ?? 0) }
        #expect(last == "… and \(1000 - shown) more")

        let small = DriftReportSlackRenderer.message(try Self.report())
        #expect(small.blocks.first?.type == "header")
        #expect(small.blocks[2].text?.text.contains("world-open-rule") == true, "new findings first")
        #expect(!small.blocks.contains { $0.text?.text.hasPrefix("… and") == true })
        #expect(small.blocks.last?.text?.text.hasPrefix("Acks expiring within a week") == true)
    }
}
