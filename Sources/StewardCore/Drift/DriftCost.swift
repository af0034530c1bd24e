/// What a finding that runs where desired state wants nothing running costs a day, from the
/// price table. `perDay` is nil when the table has no price for it: an unknown cost is said to
/// be unknown, never shown as free.
public struct DriftCost: Sendable, Hashable, Codable {
    /// USD per day at the price table's hourly rate; nil: unknown.
    public var perDay: Double?
    /// What it was priced as, for an instance (`t3.micro`); nil when EC2 reported no type or the
    /// cost is of something else (a service's tasks, a database).
    public var instanceType: String?

    public init(perDay: Double?, instanceType: String? = nil) {
        self.perDay = perDay
        self.instanceType = instanceType
    }

    /// An instance of `instanceType` running all day. No fallback to the default instance price:
    /// a bastion of a type the table lacks gets "unknown", so a big instance is never
    /// understated as a small one.
    public static func instance(_ instanceType: String?, prices: PriceTable) -> DriftCost {
        DriftCost(perDay: instanceType.flatMap { prices.instanceHour[$0] }.map { $0 * 24 }, instanceType: instanceType)
    }

    /// The clause a finding's message ends with.
    public var phrase: String {
        if let perDay {
            return "running costs about $\(DriftItem.money(perDay))/day" + (instanceType.map { " (\($0))" } ?? "")
        }
        guard let instanceType else {
            return "its cost per day is unknown (EC2 reported no instance type)"
        }
        return "its cost per day is unknown (no price for \(instanceType) in the price table; add it under tiers.prices.instance_hour in steward.yaml)"
    }

    enum CodingKeys: String, CodingKey {
        case perDay = "per_day_usd", instanceType = "instance_type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        perDay = try container.decodeIfPresent(Double.self, forKey: .perDay)
        instanceType = try container.decodeIfPresent(String.self, forKey: .instanceType)
    }

    /// `per_day_usd` is written as null when unknown, so a script reading it can't mistake a
    /// missing key for a free resource.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(perDay, forKey: .perDay)
        try container.encodeIfPresent(instanceType, forKey: .instanceType)
    }
}
