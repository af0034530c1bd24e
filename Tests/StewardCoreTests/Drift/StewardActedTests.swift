import Foundation
import StewardCore
import Testing

/// What `steward drift` counts as fixed by Steward: the resources the audit log says Steward's
/// reconciles changed since the last report.
@Suite struct StewardActedTests {
    typealias F = DriftFixture

    static func record(_ actor: String = "steward", at offset: TimeInterval, result: String = "applied", resources: [String]?) -> AuditRecord {
        AuditRecord(time: F.t0.addingTimeInterval(offset), actor: actor, environment: "dev", action: "revoke", target: "sg-1 sgr-1 192.0.2.10/32",
                    result: result, reason: "expired", resources: resources)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var records: [AuditRecord]
        var since: Date? = F.t0
        var expected: Set<String>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an applied reconcile action after the last report counts", records: [record(at: 60, resources: ["sg-1", "sg-1/sgr-1"])],
             expected: ["sg-1", "sg-1/sgr-1"]),
        Case(name: "before the last report: already reported", records: [record(at: -1, resources: ["sg-1/sgr-1"])], expected: []),
        Case(name: "in the same whole second as the last report (the log keeps seconds) counts",
             records: [record(at: 0, resources: ["sg-1/sgr-1"])], since: F.t0.addingTimeInterval(0.6), expected: ["sg-1/sgr-1"]),
        Case(name: "converged, failed, refused: Steward changed nothing",
             records: [record(at: 60, result: "converged", resources: ["a"]), record(at: 60, result: "failed", resources: ["b"]),
                       record(at: 60, result: "refused", resources: ["c"])], expected: []),
        Case(name: "a person's edit or ack is not a reconcile", records: [record("john.doe", at: 60, resources: ["sg-1"])], expected: []),
        Case(name: "older lines without resources add nothing", records: [record(at: 60, resources: nil)], expected: []),
        Case(name: "no report yet: nothing to have fixed", records: [record(at: 60, resources: ["sg-1"])], since: nil, expected: []),
        Case(name: "several records, one set",
             records: [record(at: 60, resources: ["sg-1", "sg-1/sgr-1"]), record(at: 61, resources: ["i-1"]), record(at: 62, resources: ["sg-1"])],
             expected: ["sg-1", "sg-1/sgr-1", "i-1"]),
    ]

    @Test(arguments: cases) func stewardActed(_ row: Case) {
        #expect(AuditRecord.stewardActed(row.records, ownerID: "steward", since: row.since) == row.expected)
    }

    @Test func changedResourceIDsNameTheRuleARevokeRemoved() {
        let revoke = ActionResult(kind: .revoke, environment: F.dev, resource: .securityGroup(id: "sg-1"),
                                  target: .rule(id: "sgr-1", source: "192.0.2.10/32"), reason: "expired", outcome: .applied)
        #expect(revoke.changedResourceIDs == ["sg-1", "sg-1/sgr-1"])
        let stop = ActionResult(kind: .stopDatabase, environment: F.dev, resource: .rdsInstance(identifier: "dev-db"),
                                target: .setting("stop"), reason: "tier stopped", outcome: .applied)
        #expect(stop.changedResourceIDs == ["dev-db"])
        #expect(AuditRecord(revoke, actor: "steward", time: F.t0).resources == ["sg-1", "sg-1/sgr-1"], "the audit line keeps them")
    }

    /// With the audit log read, a finding that went away on a resource Steward did not touch
    /// was fixed by someone else; without it, nobody is named.
    @Test func completeActionsNameSomeoneElse() {
        let expired = DriftItem(kind: .expiredEntryGranted, severity: .critical, environment: F.dev,
                                resource: .securityGroupRule(groupID: "sg-1", ruleID: "sgr-1"), message: "expired")
        let other = DriftItem(kind: .expiredEntryGranted, severity: .critical, environment: F.dev,
                              resource: .securityGroupRule(groupID: "sg-1", ruleID: "sgr-2"), message: "expired")
        for (complete, expectedOther) in [(true, DriftFixer?.some(.someoneElse)), (false, nil)] {
            var history = DriftHistory()
            _ = history.update(observed: [expired, other], covered: [F.dev], now: F.t0)
            let shown = history.update(observed: [], covered: [F.dev], stewardActed: ["sg-1", "sg-1/sgr-1"],
                                       stewardActionsComplete: complete, now: F.hours(1))
            #expect(shown.first { $0.id == expired.id }?.fixedBy == .steward)
            #expect(shown.first { $0.id == other.id }?.fixedBy == expectedOther, "complete: \(complete)")
        }
    }
}
