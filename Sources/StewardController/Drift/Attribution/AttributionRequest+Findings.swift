/// The requests for the findings Steward reports, with the calls that produce each one.
extension AttributionRequest {
    /// An ingress rule Steward doesn't own. CloudTrail lists the group, not the `sgr-` rule,
    /// as the resource of these calls, so the group's id is what is looked up.
    public static func ruleAdded(groupID: String) -> AttributionRequest {
        AttributionRequest(resourceName: groupID, eventNames: [
            "AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules", "UpdateSecurityGroupRuleDescriptionsIngress",
        ])
    }

    /// An instance running that the tier says should not be.
    public static func instanceStarted(instanceID: String) -> AttributionRequest {
        AttributionRequest(resourceName: instanceID, eventNames: ["RunInstances", "StartInstances"])
    }

    /// An ECS service whose desired count differs from what Steward set.
    public static func serviceScaled(service nameOrARN: String) -> AttributionRequest {
        AttributionRequest(resourceName: nameOrARN, eventNames: ["UpdateService", "CreateService"])
    }

    /// A database (instance or Aurora cluster) started behind Steward's back.
    public static func databaseStarted(identifier: String) -> AttributionRequest {
        AttributionRequest(resourceName: identifier, eventNames: ["StartDBInstance", "StartDBCluster"])
    }
}
