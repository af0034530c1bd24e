import Foundation
import StewardCore
import Testing

/// The history's rules, one row per situation: new, open with first_seen kept, resolved once
/// (and by whom), back again as new, unknown environments left alone, acks and their expiry.
@Suite struct DriftHistoryTests {
    typealias F = DriftFixture

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Each report's findings, and the environments read completely, in order.
        var passes: [(items: [DriftItem], covered: Set<EnvironmentName>)]
        /// The state of sgr-1's finding in the last report; nil: not shown.
        var expected: DriftFindingState?
        var expectedFirstSeenHour: Double?
        var testDescription: String { name }
    }

    static let seen = [F.rule("sgr-1")]
    static let cases: [Case] = [
        Case(name: "first sight is new", passes: [(seen, [F.dev])], expected: .new, expectedFirstSeenHour: 0),
        Case(name: "seen again is open with first_seen kept", passes: [(seen, [F.dev]), (seen, [F.dev])], expected: .open, expectedFirstSeenHour: 0),
        Case(name: "a reworded message is the same finding",
             passes: [(seen, [F.dev]), ([F.rule("sgr-1", message: "reworded")], [F.dev])], expected: .open, expectedFirstSeenHour: 0),
        Case(name: "gone is resolved", passes: [(seen, [F.dev]), ([], [F.dev])], expected: .resolved, expectedFirstSeenHour: 0),
        Case(name: "a resolution is shown once", passes: [(seen, [F.dev]), ([], [F.dev]), ([], [F.dev])], expected: nil),
        Case(name: "back after resolved is new again", passes: [(seen, [F.dev]), ([], [F.dev]), (seen, [F.dev])], expected: .new, expectedFirstSeenHour: 2),
        Case(name: "not read this time is kept open, never resolved", passes: [(seen, [F.dev]), ([], [])], expected: .open, expectedFirstSeenHour: 0),
        Case(name: "another environment read does not resolve it", passes: [(seen, [F.dev]), ([], [F.qa])], expected: .open, expectedFirstSeenHour: 0),
    ]

    @Test(arguments: cases) func update(_ testCase: Case) {
        var history = DriftHistory()
        var shown: [DriftFinding] = []
        for (hour, pass) in testCase.passes.enumerated() {
            shown = history.update(observed: pass.items, covered: pass.covered, now: F.hours(Double(hour)))
        }
        let finding = shown.first { $0.id == F.rule("sgr-1").id }
        #expect(finding?.state == testCase.expected)
        if let hour = testCase.expectedFirstSeenHour { #expect(finding?.firstSeen == F.hours(hour)) }
    }

    @Test func resolverIsSomeoneElseForWhatStewardNeverTouchesAndStewardWhenItActed() {
        var history = DriftHistory()
        let expired = F.rule("sgr-2", kind: .expiredEntryGranted, severity: .critical)
        let notDesired = F.rule("sgr-3", kind: .ownedRuleNotDesired, severity: .low)
        _ = history.update(observed: [F.rule("sgr-1"), expired, notDesired], covered: [F.dev], now: F.t0)
        let shown = history.update(observed: [], covered: [F.dev], stewardActed: ["sg-1/sgr-2"], now: F.hours(1))
        #expect(shown.first { $0.id == F.rule("sgr-1").id }?.fixedBy == .someoneElse)
        #expect(shown.first { $0.id == expired.id }?.fixedBy == .steward)
        #expect(shown.first { $0.id == notDesired.id }?.fixedBy == nil, "either could have: not claimed")
    }

    @Test func ackHoldsUntilItExpiresThenTheFindingOpensAgain() throws {
        var history = DriftHistory()
        _ = history.update(observed: Self.seen, covered: [F.dev], now: F.t0)
        try history.acknowledge(F.rule("sgr-1").id, ack: DriftAck(by: "ana", reason: "vendor test", until: F.hours(24), at: F.t0))
        let acked = history.update(observed: Self.seen, covered: [F.dev], now: F.hours(1))
        #expect(acked.first?.state == .acknowledged)
        #expect(acked.first?.ack?.by == "ana")
        let expired = history.update(observed: Self.seen, covered: [F.dev], now: F.hours(25))
        #expect(expired.first?.state == .open)
        #expect(expired.first?.ack == nil)
        #expect(history.acks.isEmpty, "an expired ack is forgotten")
    }

    @Test func ackOfAnUnknownFindingSaysWhatToDo() {
        var history = DriftHistory()
        #expect(throws: DriftHistoryError.unknownFinding(id: "nope", known: 0)) {
            try history.acknowledge("nope", ack: DriftAck(by: "ana", reason: "r", until: F.hours(1), at: F.t0))
        }
        #expect(DriftHistoryError.unknownFinding(id: "nope", known: 0).description.contains("run `steward drift`"))
    }
}
