import StewardAWS

/// The AWS clients the tier loop reads and writes through.
public struct TierClients: Sendable {
    public var ecs: ECSClient
    public var autoScaling: ApplicationAutoScalingClient
    public var rds: RDSClient
    public var ec2: EC2Client

    public init(client: AWSClient) {
        ecs = ECSClient(client: client)
        autoScaling = ApplicationAutoScalingClient(client: client)
        rds = RDSClient(client: client)
        ec2 = EC2Client(client: client)
    }
}
