/// Something about a resource the plan can't act on now: a wait (it is changing; look again
/// soon) or a warning (it can't reach the tier; a person should know, once). What differs and
/// is not Steward's to change is a `DriftItem` of the plan instead.
public struct TierNote: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, Comparable {
        case wait, warning
        private var rank: Int { self == .warning ? 0 : 1 }
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    public var resource: String
    public var message: String

    public init(_ kind: Kind, resource: String, _ message: String) {
        self.kind = kind
        self.resource = resource
        self.message = message
    }

    public static func < (lhs: TierNote, rhs: TierNote) -> Bool {
        (lhs.kind, lhs.resource, lhs.message) < (rhs.kind, rhs.resource, rhs.message)
    }
}
