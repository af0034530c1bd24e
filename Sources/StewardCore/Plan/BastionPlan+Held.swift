extension BastionPlan {
    /// What the planner held back, as refused action results for the report and audit log,
    /// the way the whitelist guards report theirs.
    public var heldResults: [ActionResult] {
        let message = "desired state unreadable: only bastions of leases known to have expired are terminated"
        var results = heldTerminations.map {
            ActionResult(kind: .terminateBastion, environment: environment, resource: $0.instanceID,
                         target: $0.state.rawValue, reason: $0.reason.rawValue, outcome: .refused, message: message)
        }
        if let launch = heldLaunch {
            results.append(ActionResult(kind: .launchBastion, environment: environment, resource: launch.launchTemplate,
                                        target: launch.clientToken, reason: launch.reason, outcome: .refused, message: message))
        }
        return results
    }
}
