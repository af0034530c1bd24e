import Foundation
import StewardCore
import StewardStore
import Testing

/// `drift_report:` in steward.yaml: read when given, absent by default, bad values named with
/// their location.
@Suite struct DriftReportConfigurationTests {
    @Test func readWithDefaults() throws {
        let full = try ConfigurationLoader().decode(Array("drift_report: {every: 12h, at: \"09:00\", channel: C0DRIFT}\n".utf8), path: "steward.yaml")
        #expect(full.driftReport == DriftReportSettings(every: .hours(12), at: DriftReportSettings.TimeOfDay(parsing: "09:00"), channel: "C0DRIFT"))
        let channelOnly = try ConfigurationLoader().decode(Array("drift_report:\n  channel: C0DRIFT\n".utf8), path: "steward.yaml")
        #expect(channelOnly.driftReport == DriftReportSettings(every: .hours(24), at: nil, channel: "C0DRIFT"))
        #expect(try ConfigurationLoader().decode(Array("listen: 127.0.0.1:9090\n".utf8), path: "steward.yaml").driftReport == nil)
    }

    @Test(arguments: [
        ("drift_report: {every: 5s, channel: C1}\n", "'drift_report.every' is 5s; use 10s or more"),
        ("drift_report: {at: \"9am\", channel: C1}\n", "'drift_report.at' must be a UTC time HH:MM"),
        ("drift_report: {every: 1d}\n", "channel"),
        ("drift_report: {channel: C1, colour: red}\n", "colour"),
    ])
    func refused(text: String, fragment: String) {
        #expect {
            try ConfigurationLoader().decode(Array(text.utf8), path: "steward.yaml")
        } throws: { error in
            "\(error)".contains("steward.yaml:1:") && "\(error)".contains(fragment)
        }
    }
}
