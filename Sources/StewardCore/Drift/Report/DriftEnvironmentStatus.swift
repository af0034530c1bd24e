/// One environment's verdict in a drift report. `unknown` is never folded into `in_sync`: an
/// environment whose desired state or AWS could not be read is unknown, with the reason.
public struct DriftEnvironmentStatus: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case inSync = "in_sync"
        case drifted
        case unknown
    }

    public var name: EnvironmentName
    public var status: Status
    /// Why it is unknown; nil otherwise.
    public var reason: String?

    public init(name: EnvironmentName, status: Status, reason: String? = nil) {
        self.name = name
        self.status = status
        self.reason = reason
    }
}
