import Foundation
import StewardCore

/// `/infra drift` and `/infra drift ack` through the same reporter and history as `steward
/// drift`: the answer is the report as the CLI prints it, and looking does not change history.
public struct ControllerDriftSource: DriftCommandSource {
    public let reporter: DriftReporter

    public init(reporter: DriftReporter) {
        self.reporter = reporter
    }

    public func driftReport(environment: EnvironmentName?, now: Date) async -> String {
        do {
            let report = try await reporter.report(ReconcileOptions(environments: environment.map { [$0] }), recording: false)
            return DriftReportTextRenderer.render(report)
        } catch {
            return "error: \(error)"
        }
    }

    public func acknowledgeDrift(id: String, ack: DriftAck) async -> Result<String, DriftHistoryError> {
        do {
            try await reporter.history.modify { (history: inout DriftHistory) throws(DriftHistoryError) in try history.acknowledge(id, ack: ack) }
            return .success("acknowledged \(id) until \(Timestamp.text(ack.until)) (by \(ack.by)): \(ack.reason)")
        } catch {
            return .failure(error)
        }
    }
}
