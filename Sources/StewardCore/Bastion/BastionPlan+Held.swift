extension BastionPlan: FailClosedPlan {
    /// Fail closed for access: only a lease the last good read already saw expire still ends;
    /// nothing is launched or retagged, and nothing else is terminated on a guess.
    public mutating func holdAllButKnownExpiries() -> [ActionResult] {
        heldTerminations += terminate.filter { $0.reason != .leaseExpired }
        terminate = terminate.filter { $0.reason == .leaseExpired }
        if let launch { heldLaunch = launch }
        launch = nil
        tagUpdates = []
        return heldResults
    }

    /// What was held back, as refused action results for the report and audit log, the way
    /// the whitelist guards report theirs.
    public var heldResults: [ActionResult] {
        let message = "desired state unreadable: only bastions of leases known to have expired are terminated"
        var results = heldTerminations.map {
            ActionResult(kind: .terminateBastion, environment: environment, resource: .bastion(instanceID: $0.instanceID),
                         target: .setting($0.state.rawValue), reason: $0.reason.rawValue, outcome: .refused, message: message, refusedBy: .unreadableDesiredState)
        }
        if let launch = heldLaunch {
            results.append(ActionResult(kind: .launchBastion, environment: environment, resource: .launchTemplate(name: launch.launchTemplate),
                                        target: .setting(launch.clientToken), reason: launch.reason, outcome: .refused, message: message,
                                        refusedBy: .unreadableDesiredState))
        }
        return results
    }
}
