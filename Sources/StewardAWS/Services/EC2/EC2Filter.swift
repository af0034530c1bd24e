/// A `Filter.N.Name` / `Filter.N.Value.M` filter, e.g. `tag:Environment` = `dev`.
public struct EC2Filter: Sendable, Equatable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    public static func tag(_ key: String, _ values: String...) -> EC2Filter {
        EC2Filter(name: "tag:\(key)", values: values)
    }
}
