/// `ha:` of `steward.yaml`: several `steward run` replicas, one leader at a time, elected on a
/// DynamoDB item (`lease_name`, S, is the table's hash key). Without it one replica runs
/// alone and writes whenever it likes, as before.
public struct HASettings: Sendable, Hashable {
    public var leaseTable: String
    /// The item replicas compete for; replicas of another Steward on the same table use another name.
    public var leaseName: String
    public var timing: LeaseTiming

    public init(leaseTable: String, leaseName: String = "default", timing: LeaseTiming = LeaseTiming()) {
        self.leaseTable = leaseTable
        self.leaseName = leaseName
        self.timing = timing
    }
}
