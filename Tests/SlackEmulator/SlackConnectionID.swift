/// Identifies one accepted Socket Mode WebSocket; numbered 1, 2, 3 … in order of acceptance.
public struct SlackConnectionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "ws#\(rawValue)" }
}
