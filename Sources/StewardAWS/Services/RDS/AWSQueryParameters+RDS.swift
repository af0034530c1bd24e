/// RDS's parameter encodings: `Filters.Filter.N`, `Tags.Tag.N`, `Key.Member.N`.
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
