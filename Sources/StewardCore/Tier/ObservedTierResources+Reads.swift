extension ObservedTierResources {
    /// Whether the environment's Steward final snapshots must be read to plan `tier`: always to
    /// tear down; coming back, only if a restore could be pending — its services were scaled
    /// down for a teardown (or by a Steward that didn't say what for), or it has no services
    /// and no databases at all. A running environment in its steady state reads none.
    public func needsSnapshots(for tier: Tier, ownerID: String) -> Bool {
        switch tier {
        case .tornDown: return true
        case .stopped: return false
        case .running:
            let owned = services.filter { $0.isOwned(by: ownerID) }
            if owned.isEmpty { return !databases.contains { $0.isOwned(by: ownerID) } }
            return owned.contains { $0.isScaledDownBySteward && ($0.savedState?.scaledDownFor ?? .tornDown) == .tornDown }
        }
    }

    /// Whether the services' autoscaling targets must be read to plan `tier`: to scale down
    /// (their bounds are saved and zeroed) or to bring back services Steward scaled down.
    public static func needsScalableTargets(for tier: Tier, services: [ObservedService], ownerID: String) -> Bool {
        tier != .running || services.contains { $0.isOwned(by: ownerID) && $0.isScaledDownBySteward }
    }
}
