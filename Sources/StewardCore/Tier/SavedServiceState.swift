/// What an ECS service looked like before Steward scaled it to zero, kept in tags on the
/// service so `running` can put it back exactly.
public struct SavedServiceState: Sendable, Hashable, Codable {
    public var desiredCount: Int
    /// The Application Auto Scaling target's capacity, when the service has one.
    public var minCapacity: Int?
    public var maxCapacity: Int?
    /// The tier the environment went down to: coming back from `torn-down` its databases are
    /// restored from final snapshots, which must then be read; from `stopped` they need not be.
    /// nil (scaled down by an older Steward) reads them to be safe.
    public var scaledDownFor: Tier?

    public init(desiredCount: Int, minCapacity: Int? = nil, maxCapacity: Int? = nil, scaledDownFor: Tier? = nil) {
        self.desiredCount = desiredCount
        self.minCapacity = minCapacity
        self.maxCapacity = maxCapacity
        self.scaledDownFor = scaledDownFor
    }

    /// Reads the tags Steward wrote; nil when there is no complete saved state.
    public init?(tags: [String: String]) {
        guard let count = tags[StewardTag.savedDesiredCount].flatMap(Int.init), count >= 0 else { return nil }
        self.init(desiredCount: count,
                  minCapacity: tags[StewardTag.savedMinCapacity].flatMap(Int.init),
                  maxCapacity: tags[StewardTag.savedMaxCapacity].flatMap(Int.init),
                  scaledDownFor: tags[StewardTag.scaledDownFor].flatMap(Tier.init(rawValue:)))
    }

    /// The tags that record this state and mark the service as scaled down by Steward.
    public var tags: [String: String] {
        var tags = [StewardTag.savedDesiredCount: String(desiredCount), StewardTag.scaledDown: "true"]
        // Empty rather than absent: AWS can't untag here (no UntagResource in Steward's
        // policy), so an old capacity must be overwritten, not left behind.
        tags[StewardTag.savedMinCapacity] = minCapacity.map(String.init) ?? ""
        tags[StewardTag.savedMaxCapacity] = maxCapacity.map(String.init) ?? ""
        tags[StewardTag.scaledDownFor] = scaledDownFor?.rawValue ?? ""
        return tags
    }
}
