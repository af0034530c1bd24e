extension ActionResult.Kind {
    /// Which part of the estate the action changes: who words it, and how it is counted.
    public var area: ActionArea {
        switch self {
        case .authorize, .revoke, .updateDescription: .whitelist
        case .launchBastion, .terminateBastion, .tagBastion: .bastion
        case .saveServiceState, .scaleService, .setScalableTarget, .startDatabase, .stopDatabase, .snapshotDatabase,
             .deleteDatabase, .restoreDatabase, .tagDatabase, .startInstance, .stopInstance: .tier
        }
    }
}

/// The parts of an environment Steward converges.
public enum ActionArea: String, Sendable, Hashable, Codable, CaseIterable {
    case whitelist, tier, bastion
}
