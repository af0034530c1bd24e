/// What the daemon posts at once about one report: each new critical or high finding, once,
/// and its resolution, once. "Once" is kept in the history (survives restarts), keyed by the
/// finding id, never by the message text (a reworded message is not a new alert).
public struct DriftAlerts: Sendable, Hashable {
    public var raised: [DriftFinding]
    public var resolved: [DriftFinding]

    public static let alertSeverities: Set<DriftSeverity> = [.critical, .high]

    /// The alerts `report` calls for and not yet posted; marks them posted in `history`.
    public static func take(from report: DriftReport, history: inout DriftHistory) -> DriftAlerts {
        var alerts = DriftAlerts(raised: [], resolved: [])
        for finding in report.findings where alertSeverities.contains(finding.severity) {
            guard var entry = history.findings[finding.id] else { continue }
            switch finding.state {
            case .new, .open:
                guard entry.alerted != true else { continue }
                entry.alerted = true
                alerts.raised.append(finding)
            case .resolved:
                guard entry.alerted == true, entry.resolutionAlerted != true else { continue }
                entry.resolutionAlerted = true
                alerts.resolved.append(finding)
            case .acknowledged:
                continue
            }
            history.findings[finding.id] = entry
        }
        return alerts
    }

    /// One line per alert, as posted.
    public func lines() -> [String] {
        raised.map { "\($0.severity.rawValue) drift in \($0.environment): \($0.resource): \($0.message) [\($0.id)]" }
            + resolved.map { finding in
                let who = finding.fixedBy.map { $0 == .steward ? " by Steward" : " by someone else" } ?? ""
                return "resolved\(who): \(finding.severity.rawValue) drift in \(finding.environment): \(finding.resource) [\(finding.id)]"
            }
    }
}
