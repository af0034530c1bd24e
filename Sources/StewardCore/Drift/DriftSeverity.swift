/// How urgently a person should look, by what the drift means rather than where it was found:
/// critical opens access nobody reviewed, high costs money or leaves a door open, medium is
/// someone else's change on Steward's ground, low is the rest.
public enum DriftSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case critical, high, medium, low

    private var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    /// Most severe first.
    public static func < (lhs: DriftSeverity, rhs: DriftSeverity) -> Bool { lhs.rank < rhs.rank }
}
