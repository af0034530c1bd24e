/// An RDS filter (`db-instance-id`, `db-cluster-id`, `engine`, …).
public struct RDSFilter: Sendable, Equatable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}

extension AWSQueryParameters {
    mutating func setRDSFilters(_ filters: [RDSFilter]) {
        for (index, filter) in filters.enumerated() {
            set("Filters.Filter.\(index + 1).Name", filter.name)
            for (valueIndex, value) in filter.values.enumerated() {
                set("Filters.Filter.\(index + 1).Values.Value.\(valueIndex + 1)", value)
            }
        }
    }

    mutating func setRDSTags(_ tags: [AWSTag]) {
        for (index, tag) in tags.enumerated() {
            set("Tags.Tag.\(index + 1).Key", tag.key)
            set("Tags.Tag.\(index + 1).Value", tag.value)
        }
    }

    mutating func setRDSList(_ key: String, member: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            set("\(key).\(member).\(index + 1)", value)
        }
    }
}

extension AWSTag {
    init(rdsTag element: AWSXMLElement) {
        self.init(key: element.string("Key") ?? "", value: element.string("Value") ?? "")
    }
}
