import Foundation

/// The words every renderer shares, so text, Markdown and Slack say the same thing.
extension DriftReport {
    /// `3d`, `5h`, `12m`, `<1m`.
    public static func age(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds)
        if whole >= 86_400 { return "\(whole / 86_400)d" }
        if whole >= 3600 { return "\(whole / 3600)h" }
        if whole >= 60 { return "\(whole / 60)m" }
        return "<1m"
    }

    /// `new`, `open 3d`, `resolved (by someone else)`, `acked by ana until 2026-12-04T10:00:00Z`.
    public func stateText(_ finding: DriftFinding) -> String {
        switch finding.state {
        case .new: return "new"
        case .open: return "open \(Self.age(finding.age(at: generatedAt)))"
        case .resolved:
            switch finding.fixedBy {
            case .steward: return "resolved (by Steward)"
            case .someoneElse: return "resolved (by someone else)"
            case nil: return "resolved"
            }
        case .acknowledged:
            guard let ack = finding.ack else { return "acknowledged" }
            return "acked by \(ack.by) until \(Timestamp.text(ack.until))"
        }
    }

    /// `by alice (assumed-role) at 2026-11-27T09:12:00Z`, when CloudTrail named someone.
    public static func actorText(_ actor: DriftActor) -> String {
        "by \(actor.name) (\(actor.kind.rawValue), \(actor.eventName)) at \(Timestamp.text(actor.eventTime))"
    }

    /// `dev: drifted (1 new, 2 open, 1 resolved)`, `qa: unknown (AWS could not be read: …)`, `prod: in sync`.
    public func environmentLine(_ environment: DriftEnvironmentStatus) -> String {
        switch environment.status {
        case .unknown: return "\(environment.name): unknown (\(environment.reason ?? "could not be read"))"
        case .inSync, .drifted:
            let own = findings(in: environment.name)
            var parts: [String] = []
            for state in DriftFindingState.allCases {
                let count = own.filter { $0.state == state }.count
                if count > 0 { parts.append("\(count) \(state.rawValue)") }
            }
            let verdict = environment.status == .inSync ? "in sync" : "drifted"
            return "\(environment.name): \(verdict)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        }
    }

    /// `Drift: 1 critical, 2 medium; 1 acknowledged; 1 environment unknown` or `Drift: none; …`.
    public var summaryLine: String {
        let counts = severityCounts.map { "\($1) \($0.rawValue)" }
        var parts = [counts.isEmpty ? "no drift" : counts.joined(separator: ", ")]
        if !acknowledged.isEmpty { parts.append("\(acknowledged.count) acknowledged") }
        if !resolved.isEmpty { parts.append("\(resolved.count) resolved") }
        let unknown = environments.filter { $0.status == .unknown }.count
        if unknown > 0 { parts.append("\(unknown) environment(s) unknown") }
        if let reason { parts.append("incomplete: \(reason)") }
        return "Drift: " + parts.joined(separator: "; ")
    }
}
