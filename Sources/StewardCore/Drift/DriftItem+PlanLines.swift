extension DriftItem {
    /// How drift reads under a plan: each item on its own line, except unmanaged rules and
    /// another owner's bastions, which are only counted (they are normal on shared estates).
    static func planLines(_ drift: [DriftItem]) -> [String] {
        var lines: [String] = []
        for item in drift where !item.isRoutine {
            lines.append("  ! \(item.severity.rawValue) drift \(item.resource): \(item.message)")
        }
        let unmanaged = drift.filter { $0.kind == .unmanagedRule }.count
        if unmanaged > 0 {
            lines.append("  \(unmanaged) unmanaged rule(s) left as they are (`steward plan --format json` lists them under drift)")
        }
        let others = drift.filter { $0.kind == .unownedBastion && $0.isRoutine }.count
        if others > 0 {
            lines.append("  \(others) bastion(s) of another owner left as they are")
        }
        return lines
    }

    /// Counted under a plan rather than listed.
    var isRoutine: Bool {
        kind == .unmanagedRule || (kind == .unownedBastion && severity == .low)
    }
}
