import Foundation

/// A bastion-looking EC2 instance (tagged `Role=bastion` and the environment) as the observer
/// saw it: a value snapshot, so the planner needs no AWS. Owned or not is decided by the
/// planner from `ownerTag`; unowned ones are only ever reported.
public struct ObservedBastion: Sendable, Hashable, Codable {
    /// EC2's instance states. Only `pending`…`stopped` are "live": an instance in one of those
    /// still exists (or will again), so it counts against the lease.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, running, stopping, stopped
        case shuttingDown = "shutting-down"
        case terminated

        public var isLive: Bool { self == .pending || self == .running || self == .stopping || self == .stopped }
        /// Up, or on its way up: a usable bastion. Stopped ones are replaced, not restarted.
        public var isUp: Bool { self == .pending || self == .running }
    }

    public var instanceID: String
    public var state: State
    public var privateIPAddress: String?
    public var launchTime: Date?
    /// The raw `steward:lease-expires-at` tag; compared as text so a tag written by hand in
    /// another format is rewritten rather than misread.
    public var leaseExpiryTag: String?
    /// The raw `steward:lease-requested-by` tag.
    public var requestedByTag: String?
    /// The `steward:owner` tag value; nil when the instance has none.
    public var ownerTag: String?
    public var instanceType: String?

    public init(
        instanceID: String, state: State, privateIPAddress: String? = nil, launchTime: Date? = nil,
        leaseExpiryTag: String? = nil, requestedByTag: String? = nil, ownerTag: String? = nil, instanceType: String? = nil
    ) {
        self.instanceID = instanceID
        self.state = state
        self.privateIPAddress = privateIPAddress
        self.launchTime = launchTime
        self.leaseExpiryTag = leaseExpiryTag
        self.requestedByTag = requestedByTag
        self.ownerTag = ownerTag
        self.instanceType = instanceType
    }

    public func isOwned(by ownerID: String) -> Bool { ownerTag == ownerID }

    /// The lease expiry the instance carries, when its tag is a valid timestamp.
    public var leaseExpiresAt: Date? { leaseExpiryTag.flatMap { try? Timestamp.parse($0) } }
}
