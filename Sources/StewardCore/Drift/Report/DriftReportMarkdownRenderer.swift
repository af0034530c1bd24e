import Foundation

/// `steward drift --format markdown`, for pull-request comments and issues: a heading, then a
/// heading and a table per environment, acknowledged findings and expiring acks apart.
public enum DriftReportMarkdownRenderer {
    public static func render(_ report: DriftReport) -> String {
        var lines = ["# Drift report", "", "Generated \(Timestamp.text(report.generatedAt)) from `\(cell(report.desiredState))`. \(report.summaryLine)."]
        for environment in report.environments {
            lines += ["", "## \(environment.name): \(title(environment.status))", ""]
            if let reason = environment.reason { lines += ["Unknown: \(cell(reason))", ""] }
            let shown = report.findings(in: environment.name).filter { $0.state != .acknowledged }
            guard !shown.isEmpty else {
                lines.append(environment.status == .unknown ? "_Could not be judged; nothing is claimed in sync._" : "_No drift._")
                continue
            }
            lines += ["| Severity | State | Kind | Resource | Finding | Since |", "|---|---|---|---|---|---|"]
            for finding in shown {
                var message = cell(finding.message)
                if let actor = finding.actor { message += " (\(cell(DriftReport.actorText(actor))))" }
                lines.append("| \(finding.severity.rawValue) | \(report.stateText(finding)) | `\(finding.kind.rawValue)` | `\(cell(finding.resource.description))` | \(message) | \(Timestamp.text(finding.firstSeen)) |")
            }
        }
        if !report.acknowledged.isEmpty {
            lines += ["", "## Acknowledged", "", "| Finding | By | Until | Reason |", "|---|---|---|---|"]
            for finding in report.acknowledged {
                guard let ack = finding.ack else { continue }
                lines.append("| `\(cell(finding.id))` | \(cell(ack.by)) | \(Timestamp.text(ack.until)) | \(cell(ack.reason)) |")
            }
        }
        if !report.acksExpiringSoon.isEmpty {
            lines += ["", "Acks expiring within a week: " + report.acksExpiringSoon.map { "`\(cell($0.id))` (\(Timestamp.text($0.ack!.until)))" }.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func title(_ status: DriftEnvironmentStatus.Status) -> String {
        switch status {
        case .inSync: "in sync"
        case .drifted: "drifted"
        case .unknown: "unknown"
        }
    }

    /// Table-safe: a pipe or a newline would end the cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
