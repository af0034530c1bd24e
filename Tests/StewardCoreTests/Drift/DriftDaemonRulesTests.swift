import Foundation
import StewardCore
import Testing

/// The daemon's drift rules without a daemon: when digests fall, and that a critical or high
/// finding is alerted once and its resolution once, across passes and restarts (the marks live
/// in the history, which the daemon reloads).
@Suite struct DriftDaemonRulesTests {
    typealias F = DriftFixture

    struct ScheduleCase: CustomTestStringConvertible, Sendable {
        var name: String
        var every: TimeSpan
        var at: String?
        var last: String?
        var start = "2026-11-27T08:30:00Z"
        var firstCompletePass: String?
        var expected: String?
        var testDescription: String { name }
    }

    static let scheduleCases: [ScheduleCase] = [
        ScheduleCase(name: "daily at 09:00, started before", every: .hours(24), at: "09:00", expected: "2026-11-27T09:00:00Z"),
        ScheduleCase(name: "daily at 09:00, started after", every: .hours(24), at: "09:00", start: "2026-11-27T10:00:00Z", expected: "2026-11-28T09:00:00Z"),
        ScheduleCase(name: "daily at 09:00, after one posted", every: .hours(24), at: "09:00", last: "2026-11-27T09:00:00Z", expected: "2026-11-28T09:00:00Z"),
        ScheduleCase(name: "every 6h through 09:00", every: .hours(6), at: "09:00", start: "2026-11-27T16:00:00Z", expected: "2026-11-27T21:00:00Z"),
        ScheduleCase(name: "every 6h before the anchor", every: .hours(6), at: "09:00", start: "2026-11-27T02:00:00Z", expected: "2026-11-27T03:00:00Z"),
        ScheduleCase(name: "without at, waits for the first complete pass", every: .hours(24), expected: nil),
        ScheduleCase(name: "without at, the first follows the first complete pass", every: .hours(24),
                     firstCompletePass: "2026-11-27T08:31:00Z", expected: "2026-11-27T08:31:00Z"),
        ScheduleCase(name: "without at, every apart", every: TimeSpan(seconds: 10), last: "2026-11-27T08:31:00Z",
                     firstCompletePass: "2026-11-27T08:31:00Z", expected: "2026-11-27T08:31:10Z"),
    ]

    @Test(arguments: scheduleCases) func digestSchedule(_ row: ScheduleCase) throws {
        let settings = DriftReportSettings(every: row.every, at: row.at.flatMap(DriftReportSettings.TimeOfDay.init(parsing:)), channel: "C0DRIFT")
        let date = { (text: String?) in try text.map { try Timestamp.parse($0) } }
        let next = DriftDigestSchedule(settings: settings).next(after: try date(row.last), start: try date(row.start)!, firstCompletePass: try date(row.firstCompletePass))
        #expect(next.map(Timestamp.text) == row.expected)
    }

    @Test func timeOfDayParsing() {
        #expect(DriftReportSettings.TimeOfDay(parsing: "09:00")?.secondsIntoDay == 32_400)
        for bad in ["9:00", "24:00", "09:60", "0900", "ab:cd", ""] { #expect(DriftReportSettings.TimeOfDay(parsing: bad) == nil, "\(bad)") }
    }

    @Test func criticalPostedOnceAcrossPassesAndRestartsAndResolutionOnce() throws {
        let critical = F.rule("sgr-1", kind: .worldOpenRule, severity: .critical)
        let medium = F.rule("sgr-2")
        var history = DriftHistory()
        var posted: [String] = []
        func pass(_ items: [DriftItem], hour: Double) throws {
            // A restart between passes: the history goes through its file form.
            history = try DriftReportJSON.decoder.decode(DriftHistory.self, from: DriftReportJSON.encoder.encode(history))
            let report = DriftReport.make(observation: DriftObservation(items: items, environments: [F.dev]), history: &history,
                                          desiredState: "d", now: F.hours(hour))
            posted += DriftAlerts.take(from: report, history: &history).lines()
        }
        try pass([critical, medium], hour: 0)
        try pass([critical, medium], hour: 1)
        try pass([DriftItem(kind: critical.kind, severity: .critical, environment: F.dev, resource: critical.resource, message: "reworded")], hour: 2)
        #expect(posted.count == 1, "\(posted)")
        #expect(posted.first?.hasPrefix("critical drift in dev") == true)
        try pass([medium], hour: 3)
        try pass([medium], hour: 4)
        #expect(posted.count == 2, "\(posted)")
        #expect(posted.last?.hasPrefix("resolved by someone else: critical drift in dev") == true)
        #expect(!posted.contains { $0.contains("sgr-2") }, "medium findings are for the digest only")
    }
}
