/// How an environment's tier resources are found and what they cost.
public struct TierSettings: Sendable, Hashable {
    /// RDS instances, Aurora clusters and EC2 instances carry `<environmentTag>=<env>`.
    public var environmentTag: String = StewardTag.environment
    public var prices: PriceTable = PriceTable()

    public init() {}
}
