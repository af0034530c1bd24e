import Foundation

extension DriftReport {
    /// Each environment's verdict from what a pass could read and the findings shown:
    /// unknown (with the reason) wins, then drifted when an unacknowledged finding is new or
    /// open there, else in sync.
    public static func statuses(observation: DriftObservation, findings: [DriftFinding]) -> [DriftEnvironmentStatus] {
        let names = Set(observation.environments).union(observation.unknown.keys).union(findings.map(\.environment)).sorted()
        let drifted = Set(findings.filter { $0.state.isActive }.map(\.environment))
        return names.map { name in
            if let reason = observation.unknown[name] { return DriftEnvironmentStatus(name: name, status: .unknown, reason: reason) }
            return DriftEnvironmentStatus(name: name, status: drifted.contains(name) ? .drifted : .inSync)
        }
    }

    /// A report from one observation, folding it into `history` (which the caller then keeps).
    /// `stewardActionsComplete`: `stewardActed` lists every change Steward made since the last
    /// report (see `DriftHistory.update`).
    public static func make(observation: DriftObservation, history: inout DriftHistory, stewardActed: Set<String> = [],
                            stewardActionsComplete: Bool = false, desiredState: String, now: Date) -> DriftReport {
        let covered = Set(observation.environments).union(observation.items.map(\.environment))
            .subtracting(observation.unknown.keys)
        var findings = history.update(observed: observation.items, covered: observation.everythingUnknown ? [] : covered,
                                      stewardActed: stewardActed, stewardActionsComplete: stewardActionsComplete, now: now)
        if let selection = observation.selection { findings.removeAll { !selection.contains($0.environment) } }
        return DriftReport(generatedAt: now, desiredState: desiredState,
                           environments: statuses(observation: observation, findings: findings), findings: findings,
                           reason: observation.overallUnknown)
    }
}
