/// On-demand hourly prices (USD) for `infra status`'s monthly estimate. The defaults are AWS's
/// us-east-1 list prices; teams on other regions or with savings plans set their own.
public struct PriceTable: Sendable, Hashable {
    /// One running Fargate task of 0.25 vCPU and 0.5 GB (0.25 × $0.04048 + 0.5 × $0.004445).
    public var fargateTaskHour: Double = 0.012343
    /// Per RDS instance class; Aurora clusters are priced by their members' classes.
    public var databaseHour: [String: Double] = [
        "db.t3.micro": 0.017, "db.t3.small": 0.034, "db.t3.medium": 0.068, "db.t3.large": 0.136,
        "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065,
        "db.r6g.large": 0.26, "db.r6g.xlarge": 0.52, "db.r5.large": 0.29,
        "db.m5.large": 0.171, "db.m6g.large": 0.152,
    ]
    /// What an unknown database class is assumed to cost.
    public var defaultDatabaseHour: Double = 0.068
    /// Per EC2 instance type: tier instances and bastions. The common bastion sizes are AWS's
    /// On-Demand Linux list prices for us-east-1 (aws.amazon.com/ec2/pricing/on-demand/, the
    /// rates in force since the t3 (2018) and t4g (2020) launches, as of 2026-12-03; not
    /// re-read from the page when this table was written). Override or extend it under
    /// `tiers.prices.instance_hour`; a bastion of a type not listed is reported with its cost
    /// unknown (no fallback to `defaultInstanceHour`).
    public var instanceHour: [String: Double] = [
        "t3.nano": 0.0052, "t3.micro": 0.0104, "t3.small": 0.0208, "t3.medium": 0.0416, "t3.large": 0.0832,
        "t3a.nano": 0.0047, "t3a.micro": 0.0094, "t3a.small": 0.0188, "t3a.medium": 0.0376,
        "t4g.nano": 0.0042, "t4g.micro": 0.0084, "t4g.small": 0.0168, "t4g.medium": 0.0336, "t4g.large": 0.0672,
        "m5.large": 0.096,
    ]
    public var defaultInstanceHour: Double = 0.0416

    /// AWS bills a month as 730 hours.
    public static let hoursPerMonth = 730.0

    public init() {}
}
