import Foundation

extension DriftHistory {
    /// Folds one report's observation into the history and returns every finding the report
    /// shows: what was seen (new, open or acknowledged), what went away since the last report
    /// (resolved), and what could not be looked at this time (kept open as last seen).
    ///
    /// - Parameters:
    ///   - observed: the findings of this report.
    ///   - covered: the environments read completely this time: only there can a finding
    ///     missing from `observed` be called resolved.
    ///   - stewardActed: ids of the resources Steward changed since the last report, so a
    ///     finding on one of them that went away was fixed by Steward.
    ///   - stewardActionsComplete: `stewardActed` is every change Steward made since the last
    ///     report (read from the audit log), so a finding that went away on a resource not in
    ///     it was fixed by someone else; false: nothing is said of who fixed those.
    public mutating func update(observed: [DriftItem], covered: Set<EnvironmentName>, stewardActed: Set<String> = [],
                                stewardActionsComplete: Bool = false, now: Date) -> [DriftFinding] {
        var seen: [String: DriftItem] = [:]
        for item in observed where seen[item.id] == nil { seen[item.id] = item }
        acks = acks.filter { $0.value.holds(at: now) }
        var shown: [DriftFinding] = []
        shown.reserveCapacity(seen.count)

        for (id, item) in seen {
            var entry: Entry
            var state: DriftFindingState
            if let known = findings[id], known.resolvedAt == nil {
                entry = known
                entry.item = item
                entry.lastSeen = now
                state = .open
            } else {
                // Seen for the first time, or back after it was resolved: a new finding.
                entry = Entry(item: item, firstSeen: now, lastSeen: now)
                state = .new
            }
            let ack = acks[id]
            if ack != nil { state = .acknowledged }
            findings[id] = entry
            shown.append(DriftFinding(item: item, state: state, firstSeen: entry.firstSeen, lastSeen: now, ack: ack, actor: entry.actor))
        }

        for (id, entry) in findings where seen[id] == nil {
            if entry.resolvedAt != nil {
                // Shown as resolved once, by the report that found it gone.
                findings[id] = nil
                continue
            }
            guard covered.contains(entry.item.environment) else {
                shown.append(DriftFinding(item: entry.item, state: acks[id] == nil ? .open : .acknowledged, firstSeen: entry.firstSeen,
                                          lastSeen: entry.lastSeen, ack: acks[id], actor: entry.actor))
                continue
            }
            var resolved = entry
            resolved.resolvedAt = now
            resolved.fixedBy = DriftFixer.implied(by: entry.item)
                ?? (stewardActed.contains(entry.item.resource.id) ? .steward : stewardActionsComplete ? .someoneElse : nil)
            findings[id] = resolved
            shown.append(DriftFinding(item: entry.item, state: .resolved, firstSeen: entry.firstSeen, lastSeen: entry.lastSeen,
                                      resolvedAt: now, fixedBy: resolved.fixedBy, actor: entry.actor))
        }
        lastReportAt = now
        return shown.sorted(by: DriftFinding.reportOrder)
    }

    /// Acknowledges finding `id` (known to this history) until `until`.
    public mutating func acknowledge(_ id: String, ack: DriftAck) throws(DriftHistoryError) {
        guard findings[id] != nil, findings[id]?.resolvedAt == nil else {
            throw .unknownFinding(id: id, known: findings.filter { $0.value.resolvedAt == nil }.count)
        }
        acks[id] = ack
    }

    /// Records who caused each finding, for the ones attribution answered.
    public mutating func recordActors(_ actors: [String: DriftActor]) {
        for (id, actor) in actors where findings[id] != nil { findings[id]?.actor = actor }
    }
}

extension DriftFinding {
    /// Most severe first; within a severity new, then open, then acknowledged, then resolved;
    /// then by environment and resource, so output is stable.
    public static func reportOrder(_ lhs: DriftFinding, _ rhs: DriftFinding) -> Bool {
        func rank(_ state: DriftFindingState) -> Int {
            switch state {
            case .new: 0
            case .open: 1
            case .acknowledged: 2
            case .resolved: 3
            }
        }
        return (lhs.severity, rank(lhs.state), lhs.environment, lhs.resource, lhs.kind.rawValue)
            < (rhs.severity, rank(rhs.state), rhs.environment, rhs.resource, rhs.kind.rawValue)
    }
}
