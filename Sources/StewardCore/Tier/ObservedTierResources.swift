/// Everything the tier loop found for one environment.
public struct ObservedTierResources: Sendable, Hashable {
    public var environment: EnvironmentName
    public var services: [ObservedService]
    public var databases: [ObservedDatabase]
    /// Steward's final snapshots whose source belongs to this environment.
    public var snapshots: [ObservedSnapshot]
    public var instances: [ObservedInstance]

    public init(environment: EnvironmentName, services: [ObservedService] = [], databases: [ObservedDatabase] = [],
                snapshots: [ObservedSnapshot] = [], instances: [ObservedInstance] = []) {
        self.environment = environment
        self.services = services
        self.databases = databases
        self.snapshots = snapshots
        self.instances = instances
    }
}
