import Foundation

/// One bastion as `bastion status` shows it: what runs in AWS, next to the lease it serves.
public struct BastionStatus: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    public var instanceID: String
    public var state: String
    public var privateIPAddress: String?
    public var launchTime: Date?
    /// From the instance's lease tag; the desired lease's when the tag is missing.
    public var leaseExpiresAt: Date?
    public var requestedBy: String?
    public var instanceType: String?
    /// False for a bastion-looking instance Steward doesn't own (shown, never managed).
    public var isOwned: Bool

    public init(
        environment: EnvironmentName, instanceID: String, state: String, privateIPAddress: String? = nil, launchTime: Date? = nil,
        leaseExpiresAt: Date? = nil, requestedBy: String? = nil, instanceType: String? = nil, isOwned: Bool = true
    ) {
        self.environment = environment
        self.instanceID = instanceID
        self.state = state
        self.privateIPAddress = privateIPAddress
        self.launchTime = launchTime
        self.leaseExpiresAt = leaseExpiresAt
        self.requestedBy = requestedBy
        self.instanceType = instanceType
        self.isOwned = isOwned
    }

    /// Session Manager needs no inbound port and no key: the way in that leaves no door open.
    public var connectCommand: String { "aws ssm start-session --target \(instanceID)" }

    /// Built from an observed instance; `lease` fills the expiry when the tag is missing.
    public init(_ instance: ObservedBastion, environment: EnvironmentName, ownerID: String, lease: BastionLease? = nil) {
        self.init(
            environment: environment, instanceID: instance.instanceID, state: instance.state.rawValue,
            privateIPAddress: instance.privateIPAddress, launchTime: instance.launchTime,
            leaseExpiresAt: instance.leaseExpiresAt ?? (instance.isOwned(by: ownerID) ? lease?.expiresAt : nil),
            requestedBy: instance.requestedByTag, instanceType: instance.instanceType, isOwned: instance.isOwned(by: ownerID)
        )
    }
}
