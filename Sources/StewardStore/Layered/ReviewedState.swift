import StewardCore

/// An environment's git-reviewed YAML, under a DynamoDB edit: what the edit may not touch.
struct ReviewedState: Sendable {
    var state: DesiredState
    /// `desired-state/dev.yaml`, for the refusal that says where to change it.
    var path: String
}
