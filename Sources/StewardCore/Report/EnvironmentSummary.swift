/// The truth about one environment after a plan or an apply, in one line: whether it was read,
/// whether AWS was read, what is left to do, what a guard refused. "AWS matches the desired
/// state" is said only when nothing of the sort is left.
public struct EnvironmentSummary: Sendable, Hashable {
    public var environment: EnvironmentName
    /// Why its desired state could not be read; nil when it was.
    public var unreadable: String?
    /// What of AWS could not be read for it (a read covering every environment counts too).
    public var unobserved: [String]
    /// Planned changes (a plan), or changes sent and accepted (an apply).
    public var changes: Int
    public var failed: Int
    /// What AWS is still doing after an apply: waits and deferred calls.
    public var inProgress: Int
    /// Held-back actions per guard.
    public var refused: [GuardName: Int]
    /// The guards' refusals, what to do included.
    public var refusals: [Refusal]
    /// The counts are of an apply (what was done), not of a plan (what would be).
    public var isApplied: Bool

    public init(environment: EnvironmentName, unreadable: String? = nil, unobserved: [String] = [], changes: Int = 0, failed: Int = 0,
                inProgress: Int = 0, refused: [GuardName: Int] = [:], refusals: [Refusal] = [], isApplied: Bool = false) {
        self.environment = environment
        self.unreadable = unreadable
        self.unobserved = unobserved
        self.changes = changes
        self.failed = failed
        self.inProgress = inProgress
        self.refused = refused
        self.refusals = refusals
        self.isApplied = isApplied
    }

    /// Nothing Steward was asked to do is left undone, unknown or refused.
    public var isInSync: Bool {
        unreadable == nil && unobserved.isEmpty && failed == 0 && inProgress == 0 && refused.isEmpty && refusals.isEmpty
            && (isApplied || changes == 0)
    }

    /// Guards refused something (reading and AWS were fine).
    public var isPartlyRefused: Bool { !refused.isEmpty || !refusals.isEmpty }

    /// `dev: AWS matches the desired state`, `dev: not reconciled: desired state unreadable (…)`,
    /// `dev: 2 changes to make; 52 revokes refused by the revoke budget`.
    public var line: String {
        if let unreadable { return "\(environment): not reconciled: desired state unreadable (\(unreadable))" }
        if let problem = unobserved.first {
            let more = unobserved.count > 1 ? " and \(unobserved.count - 1) more" : ""
            return "\(environment): not reconciled: AWS could not be read (\(problem)\(more))"
        }
        var parts: [String] = []
        if changes > 0 { parts.append(isApplied ? "\(Self.count(changes, "change")) applied" : "\(Self.count(changes, "change")) to make") }
        if failed > 0 { parts.append("\(Self.count(failed, "action")) failed") }
        if inProgress > 0 { parts.append("\(inProgress) still in progress in AWS") }
        for guardName in GuardName.allCases {
            if let held = refused[guardName] {
                parts.append("\(Self.count(held, "action")) refused by the \(guardName.title) guard")
            } else if refusals.contains(where: { $0.guardName == guardName }) {
                parts.append("refused by the \(guardName.title) guard")
            }
        }
        if parts.isEmpty || (isApplied && isInSync) { parts.append("AWS matches the desired state") }
        return "\(environment): " + parts.joined(separator: "; ")
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
