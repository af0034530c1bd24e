/// What one environment's bastion lease needs from EC2, plus what Steward won't touch and
/// what it held back.
public struct BastionPlan: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    /// At most one: a lease wants exactly one bastion.
    public var launch: BastionLaunch?
    /// In instance-id order. Executed before the launch.
    public var terminate: [BastionTermination]
    public var tagUpdates: [BastionLeaseTagUpdate]
    /// The kept bastion while it is still pending: nothing to send, but look again soon.
    public var waits: [BastionWait]
    public var drift: [DriftItem]
    /// Held back because desired state is unreadable (only known-expired leases still end).
    public var heldLaunch: BastionLaunch?
    public var heldTerminations: [BastionTermination]
    /// One per reason something was held back.
    public var refusals: [Refusal]

    public init(
        environment: EnvironmentName, launch: BastionLaunch? = nil, terminate: [BastionTermination] = [],
        tagUpdates: [BastionLeaseTagUpdate] = [], waits: [BastionWait] = [], drift: [DriftItem] = [],
        heldLaunch: BastionLaunch? = nil, heldTerminations: [BastionTermination] = [], refusals: [Refusal] = []
    ) {
        self.environment = environment
        self.launch = launch
        self.terminate = terminate
        self.tagUpdates = tagUpdates
        self.waits = waits
        self.drift = drift
        self.heldLaunch = heldLaunch
        self.heldTerminations = heldTerminations
        self.refusals = refusals
    }

    public var hasChanges: Bool { launch != nil || !terminate.isEmpty || !tagUpdates.isEmpty }
    /// True while something is in flight: the loop should not sleep a whole interval.
    public var needsRecheck: Bool { !waits.isEmpty }
}
