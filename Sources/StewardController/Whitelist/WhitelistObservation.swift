import StewardCore

/// What the observer saw: managed groups per environment, and groups it had to skip.
public struct WhitelistObservation: Sendable {
    public var groups: [EnvironmentName: [ObservedSecurityGroup]] = [:]
    public var problems: [ObservationProblem] = []

    public init() {}
}
