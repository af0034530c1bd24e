import StewardCore

/// What the bastion observer saw: bastion-looking instances per environment (every
/// environment asked for has an entry, empty when none), and instances it had to skip.
public struct BastionObservation: Sendable {
    public var instances: [EnvironmentName: [ObservedBastion]] = [:]
    public var problems: [String] = []

    public init() {}
}
