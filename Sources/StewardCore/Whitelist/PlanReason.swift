/// Why the planner wants an action; shown next to every line of a plan.
public enum PlanReason: String, Sendable, Hashable, Codable, CaseIterable {
    case newEntry = "new entry"
    case expired
    case removed = "removed from desired state"
    case descriptionChanged = "description changed"
    /// A second owned rule for the same network and ports (AWS keeps non-canonical text, so
    /// `10.0.0.1/24` and `10.0.0.0/24` can both exist).
    case duplicate = "duplicate rule"
    /// The entry is still wanted, but the group no longer opens this port.
    case portNotManaged = "port no longer managed"
}
