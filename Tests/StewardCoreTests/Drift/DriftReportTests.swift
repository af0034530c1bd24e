import Foundation
import StewardCore
import Testing

/// Verdicts and exit codes: unknown is never in sync and wins over drift; acknowledged
/// findings don't count; without --detailed-exitcode the code is 0.
@Suite struct DriftReportTests {
    typealias F = DriftFixture

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var observation: DriftObservation
        var acked: Bool = false
        var statuses: [String: DriftEnvironmentStatus.Status]
        var detailedExit: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing found is in sync", observation: DriftObservation(items: [], environments: [F.dev]),
             statuses: ["dev": .inSync], detailedExit: 0),
        Case(name: "a finding is drift", observation: DriftObservation(items: [F.rule("sgr-1")], environments: [F.dev]),
             statuses: ["dev": .drifted], detailedExit: 2),
        Case(name: "an acknowledged finding is not drift", observation: DriftObservation(items: [F.rule("sgr-1")], environments: [F.dev]),
             acked: true, statuses: ["dev": .inSync], detailedExit: 0),
        Case(name: "unknown wins over drift",
             observation: DriftObservation(items: [F.rule("sgr-1")], environments: [F.dev, F.qa], unknown: [F.qa: "AWS could not be read: AccessDenied"]),
             statuses: ["dev": .drifted, "qa": .unknown], detailedExit: 3),
        Case(name: "an unknown environment with a finding is still unknown",
             observation: DriftObservation(items: [F.rule("sgr-1")], environments: [F.dev], unknown: [F.dev: "throttled"]),
             statuses: ["dev": .unknown], detailedExit: 3),
        Case(name: "desired state unreadable as a whole is incomplete with no environment",
             observation: DriftObservation(items: [], environments: [], everythingUnknown: true, overallUnknown: "desired state unreadable"),
             statuses: [:], detailedExit: 3),
    ]

    @Test(arguments: cases) func verdictAndExitCode(_ testCase: Case) throws {
        var history = DriftHistory()
        if testCase.acked {
            _ = history.update(observed: testCase.observation.items, covered: [F.dev], now: F.t0)
            try history.acknowledge(F.rule("sgr-1").id, ack: DriftAck(by: "ana", reason: "known", until: F.hours(48), at: F.t0))
        }
        let report = DriftReport.make(observation: testCase.observation, history: &history, desiredState: "desired-state", now: F.hours(1))
        #expect(Dictionary(uniqueKeysWithValues: report.environments.map { ($0.name.rawValue, $0.status) }) == testCase.statuses)
        #expect(report.exitCode(detailed: true) == testCase.detailedExit)
        #expect(report.exitCode(detailed: false) == 0)
        for environment in report.environments where environment.status == .unknown { #expect(environment.reason != nil) }
    }

    @Test func acksExpiringWithinAWeekAreListed() throws {
        var history = DriftHistory()
        let items = [F.rule("sgr-1"), F.rule("sgr-2")]
        _ = history.update(observed: items, covered: [F.dev], now: F.t0)
        try history.acknowledge(items[0].id, ack: DriftAck(by: "ana", reason: "soon", until: F.hours(48), at: F.t0))
        try history.acknowledge(items[1].id, ack: DriftAck(by: "ana", reason: "later", until: F.hours(24 * 30), at: F.t0))
        let report = DriftReport.make(observation: DriftObservation(items: items, environments: [F.dev]), history: &history, desiredState: "d", now: F.hours(1))
        #expect(report.acksExpiringSoon.map(\.id) == [items[0].id])
        #expect(report.acknowledged.count == 2)
    }

    @Test func unknownReasonComesFromThePass() throws {
        var pass = ReconcileReport(startedAt: F.t0)
        pass.environments = [F.dev]
        pass.unreadable = [F.qa: [Diagnostic(.error, path: "desired-state/qa.yaml", line: 2, column: 7, message: "YAML syntax error")]]
        pass.desiredStateErrors = pass.unreadable[F.qa]!
        let observation = DriftObservation(report: pass)
        #expect(observation.unknown[F.qa]?.hasPrefix("desired state unreadable: desired-state/qa.yaml:2:7") == true)
        #expect(observation.items.contains { $0.kind == .invalidDesiredState && $0.environment == F.qa })

        var failed = ReconcileReport(startedAt: F.t0)
        failed.environments = [F.dev]
        failed.failure = ReconcileFailure(.awsUnreadable, "could not read security groups from AWS: AccessDenied")
        let denied = DriftObservation(report: failed)
        #expect(denied.unknown[F.dev]?.contains("AccessDenied") == true)
        #expect(denied.everythingUnknown)
    }
}
