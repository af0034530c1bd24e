/// An RDS filter (`db-instance-id`, `db-cluster-id`, `engine`, …).
public struct RDSFilter: Sendable, Equatable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
