import Foundation

/// One drift report: every environment's verdict and every finding with its history. The one
/// object the text, Markdown, JSON and Slack renderers all word; JSON decodes back into it.
public struct DriftReport: Sendable, Hashable, Codable {
    public static let schema = "steward.drift/v1"

    public var schema: String = Self.schema
    public var generatedAt: Date
    /// Where desired state was read from (a directory, a table, or both).
    public var desiredState: String
    /// In name order.
    public var environments: [DriftEnvironmentStatus]
    /// In report order (most severe first); resolved and acknowledged ones included.
    public var findings: [DriftFinding]
    /// Set when the report as a whole is incomplete for a reason no environment carries
    /// (desired state unreadable as a whole).
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case schema, environments, findings, reason
        case generatedAt = "generated_at", desiredState = "desired_state"
    }

    public init(generatedAt: Date, desiredState: String, environments: [DriftEnvironmentStatus], findings: [DriftFinding], reason: String? = nil) {
        self.reason = reason
        self.generatedAt = generatedAt
        self.desiredState = desiredState
        self.environments = environments
        self.findings = findings
    }

    /// New and open findings: what a person has to look at.
    public var active: [DriftFinding] { findings.filter { $0.state.isActive } }
    public var acknowledged: [DriftFinding] { findings.filter { $0.state == .acknowledged } }
    public var resolved: [DriftFinding] { findings.filter { $0.state == .resolved } }

    /// Acknowledged findings whose ack ends within a week of the report.
    public var acksExpiringSoon: [DriftFinding] {
        let horizon = generatedAt.addingTimeInterval(7 * 86_400)
        return acknowledged.filter { ($0.ack?.until ?? .distantFuture) <= horizon }.sorted { ($0.ack?.until ?? .distantFuture) < ($1.ack?.until ?? .distantFuture) }
    }

    public func findings(in environment: EnvironmentName) -> [DriftFinding] { findings.filter { $0.environment == environment } }

    public var isIncomplete: Bool { reason != nil || environments.contains { $0.status == .unknown } }
    public var hasDrift: Bool { environments.contains { $0.status == .drifted } }

    /// `steward drift`: without `detailed`, 0 (errors exit 1 before a report exists). With it:
    /// 3 when some part is unknown (that wins: drift may hide there), 2 when drift was found,
    /// 0 when everything read is in sync. Acknowledged findings don't count.
    public func exitCode(detailed: Bool) -> Int32 {
        guard detailed else { return 0 }
        if isIncomplete { return 3 }
        return hasDrift ? 2 : 0
    }

    /// Counts of active findings per severity, most severe first, zeros left out.
    public var severityCounts: [(DriftSeverity, Int)] {
        DriftSeverity.allCases.compactMap { severity in
            let count = active.filter { $0.severity == severity }.count
            return count == 0 ? nil : (severity, count)
        }
    }
}
