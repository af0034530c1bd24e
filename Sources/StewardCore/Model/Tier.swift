/// What an environment should be doing.
public enum Tier: String, Sendable, Hashable, Codable, CaseIterable {
    /// Services at their remembered counts, databases available, instances running.
    case running
    /// Services at zero, databases and instances stopped; nothing deleted.
    case stopped
    /// Stopped, and databases deleted after a verified final snapshot.
    case tornDown = "torn-down"
}
