/// RDS instances and Aurora clusters are stopped, snapshotted, deleted and restored through
/// different API calls; Aurora member instances are never acted on alone.
public enum DatabaseKind: String, Sendable, Hashable, Codable {
    case instance
    case cluster
}
