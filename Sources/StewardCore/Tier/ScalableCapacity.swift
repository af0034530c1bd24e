/// An Application Auto Scaling target's bounds for a service's desired count.
public struct ScalableCapacity: Sendable, Hashable, Codable {
    public var minCapacity: Int
    public var maxCapacity: Int

    public init(minCapacity: Int, maxCapacity: Int) {
        self.minCapacity = minCapacity
        self.maxCapacity = maxCapacity
    }

    /// Zero both ways: autoscaling can neither keep tasks up nor start new ones.
    public static let zero = ScalableCapacity(minCapacity: 0, maxCapacity: 0)
}
