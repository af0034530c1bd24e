extension DriftItem {
    /// How drift reads under a plan: each critical or warning item on its own line, unmanaged
    /// rules only counted (they are normal on shared groups).
    static func planLines(_ drift: [DriftItem]) -> [String] {
        var lines: [String] = []
        for item in drift where item.severity != .info {
            lines.append("  ! \(item.severity.rawValue) drift \(item.groupID) \(item.ruleID ?? ""): \(item.message)")
        }
        let unmanaged = drift.filter { $0.severity == .info }.count
        if unmanaged > 0 {
            lines.append("  \(unmanaged) unmanaged rule(s) left as they are (`steward plan --format json` lists them under drift)")
        }
        return lines
    }
}
