import Foundation
import StewardCore

/// Findings and times the drift tests share.
enum DriftFixture {
    static let t0 = Date(timeIntervalSince1970: 1_795_773_600) // 2026-11-27T10:00:00Z
    static let dev = try! EnvironmentName("dev")
    static let qa = try! EnvironmentName("qa")

    static func rule(_ rule: String, kind: DriftKind = .unmanagedRule, severity: DriftSeverity = .medium, environment: EnvironmentName = dev,
                     message: String = "tcp/443 from 203.0.113.5/32 is not managed by Steward") -> DriftItem {
        DriftItem(kind: kind, severity: severity, environment: environment, resource: .securityGroupRule(groupID: "sg-1", ruleID: rule), message: message)
    }

    static func hours(_ n: Double) -> Date { t0.addingTimeInterval(n * 3600) }
}
