/// An ECS service of an environment's cluster, as the observer read it.
public struct ObservedService: Sendable, Hashable {
    public var cluster: String
    public var name: String
    public var arn: String
    public var desiredCount: Int
    public var runningCount: Int
    public var pendingCount: Int
    public var tags: [String: String]
    /// nil: the service has no Application Auto Scaling target.
    public var scalableTarget: ScalableCapacity?

    public init(cluster: String, name: String, arn: String, desiredCount: Int, runningCount: Int, pendingCount: Int = 0,
                tags: [String: String], scalableTarget: ScalableCapacity? = nil) {
        self.cluster = cluster
        self.name = name
        self.arn = arn
        self.desiredCount = desiredCount
        self.runningCount = runningCount
        self.pendingCount = pendingCount
        self.tags = tags
        self.scalableTarget = scalableTarget
    }

    public func isOwned(by ownerID: String) -> Bool { tags[StewardTag.owner] == ownerID }
    /// Steward scaled it down and has not yet put it back.
    public var isScaledDownBySteward: Bool { tags[StewardTag.scaledDown] == "true" }
    public var savedState: SavedServiceState? { SavedServiceState(tags: tags) }
    /// Application Auto Scaling's resource id for the service.
    public var scalableResourceID: String { "service/\(cluster)/\(name)" }
    /// No task runs or starts.
    public var isDrained: Bool { desiredCount == 0 && runningCount == 0 && pendingCount == 0 }
}
