/// Where desired state lives (`desired_state:` in `steward.yaml`): the git-reviewed YAML
/// directory, a DynamoDB layer over it, or both. The old string form names the directory only.
public struct DesiredStateSettings: Sendable, Hashable {
    /// The YAML directory, relative to the working directory; nil when DynamoDB holds
    /// everything (the seed's layout has no YAML at all).
    public var yamlPath: String?
    /// The DynamoDB layer; nil for YAML only.
    public var dynamoDB: DynamoDBDesiredStateSettings?

    public init(yamlPath: String? = "desired-state", dynamoDB: DynamoDBDesiredStateSettings? = nil) {
        self.yamlPath = yamlPath
        self.dynamoDB = dynamoDB
    }
}
