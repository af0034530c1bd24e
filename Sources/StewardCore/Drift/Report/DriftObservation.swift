/// What one look at AWS and desired state found, before history: the findings, the
/// environments looked at, and those that could not be read (with why).
public struct DriftObservation: Sendable, Hashable {
    public var items: [DriftItem]
    /// Every environment the look concerned, readable or not.
    public var environments: [EnvironmentName]
    /// Why each unknown environment could not be judged.
    public var unknown: [EnvironmentName: String]
    /// Nothing could be judged (the managed groups, or desired state as a whole, unreadable):
    /// no finding may be called resolved.
    public var everythingUnknown: Bool
    /// Why nothing could be judged when no environment is there to carry the reason (desired
    /// state as a whole unreadable).
    public var overallUnknown: String?
    /// The environments asked about (`--env`); nil: all. History of others is kept, not shown.
    public var selection: Set<EnvironmentName>?

    public init(items: [DriftItem], environments: [EnvironmentName], unknown: [EnvironmentName: String] = [:], everythingUnknown: Bool = false,
                overallUnknown: String? = nil) {
        self.overallUnknown = overallUnknown
        self.items = items
        self.environments = environments
        self.unknown = unknown
        self.everythingUnknown = everythingUnknown
    }
}
