/// `steward drift` in a terminal: one block per environment (its verdict, then its findings,
/// most severe first), acknowledged findings apart, acks about to expire, a summary line.
public enum DriftReportTextRenderer {
    public static func render(_ report: DriftReport) -> String {
        var lines = ["Drift report \(Timestamp.text(report.generatedAt)) (desired state: \(report.desiredState))"]
        if let reason = report.reason { lines.append("incomplete: \(reason)") }
        for environment in report.environments {
            lines.append("")
            lines.append(report.environmentLine(environment))
            for finding in report.findings(in: environment.name) where finding.state != .acknowledged {
                lines.append(line(finding, report))
            }
        }
        if !report.acknowledged.isEmpty {
            lines.append("")
            lines.append("Acknowledged (not counted):")
            lines += report.acknowledged.map { line($0, report) + " — \($0.ack?.reason ?? "")" }
        }
        if !report.acksExpiringSoon.isEmpty {
            lines.append("")
            lines.append("Acks expiring within a week:")
            lines += report.acksExpiringSoon.map { "  \($0.id) until \(Timestamp.text($0.ack!.until)) (by \($0.ack!.by))" }
        }
        lines.append("")
        lines.append(report.summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `  critical  new       world-open-rule  sg-1 sgr-2: tcp/443 from 0.0.0.0/0 …  [id]`
    static func line(_ finding: DriftFinding, _ report: DriftReport) -> String {
        var text = "  \(pad(finding.severity.rawValue, 8))  \(pad(report.stateText(finding), 10))  \(finding.kind.rawValue)  \(finding.resource): \(finding.message)"
        if let actor = finding.actor { text += " (\(DriftReport.actorText(actor)))" }
        return text + "  [\(finding.id)]"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
