import StewardAWS
import StewardCore

extension ObservedBastion {
    /// Nil for a state EC2 doesn't document: such an instance is reported, never acted on.
    init?(ec2 instance: EC2Instance) {
        guard let state = State(rawValue: instance.state) else { return nil }
        self.init(
            instanceID: instance.instanceID, state: state, privateIPAddress: instance.privateIPAddress,
            launchTime: instance.launchTime, leaseExpiryTag: instance.tags.value(for: StewardTag.leaseExpiresAt),
            requestedByTag: instance.tags.value(for: StewardTag.leaseRequestedBy),
            ownerTag: instance.tags.value(for: StewardTag.owner), instanceType: instance.instanceType
        )
    }
}
